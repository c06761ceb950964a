import type { ParameterSpec } from '../../core/sim/types.ts';
import { studioStore } from '../store/studioStore.ts';
import type { Monaco } from './monaco.ts';
import { RNG_SAMPLERS } from './simulatorLibDts.ts';

let registered = false;
/** Parameters of the last program that compiled: half-typed code must not empty `params.` completion. */
let lastParameters: ParameterSpec[] = [];

/**
 * Completion for the simulator form, registered once: `rng.` offers the samplers with signatures,
 * `params.` the parameters the last compile found, and `state.` the observed variables. Plain JS
 * gives the TypeScript service no types for `step`'s arguments, so these come from the studio.
 * @param monaco the loaded Monaco namespace.
 */
export function registerSimulatorCompletions(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  const remember = () => {
    const c = studioStore.getState().compile;
    if (c.status === 'ok') lastParameters = c.parameters;
  };
  remember();
  studioStore.subscribe(remember);
  monaco.languages.registerCompletionItemProvider('javascript', {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const m = /\b(rng|params|state)\.([A-Za-z_$][\w$]*)?$/.exec(before);
      if (!m) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const s = studioStore.getState();
      const Kind = monaco.languages.CompletionItemKind;
      if (m[1] === 'rng') {
        return {
          suggestions: RNG_SAMPLERS.map((f) => ({
            label: f.name,
            kind: Kind.Method,
            detail: f.signature,
            documentation: f.doc,
            insertText: f.snippet,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            range,
            sortText: '0' + f.name,
          })),
        };
      }
      if (m[1] === 'params') {
        const params = s.compile.status === 'ok' ? s.compile.parameters : lastParameters;
        return {
          suggestions: params.map((p) => ({
            label: p.name,
            kind: Kind.Field,
            detail: `parameter in [${p.min}, ${p.max}]`,
            documentation: p.description,
            insertText: p.name,
            range,
            sortText: '0' + p.name,
          })),
        };
      }
      return {
        suggestions: s.variables.map((v) => ({ label: v, kind: Kind.Field, detail: 'observed variable', insertText: v, range, sortText: '0' + v })),
      };
    },
  });
}
