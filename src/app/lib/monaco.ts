/**
 * The one module that imports Monaco and @monaco-editor/react (style P14), loaded lazily when the
 * Simulator code panel first opens. Offline set-up per stack-notes §6: the 0.56+ worker paths in
 * `MonacoEnvironment.getWorker`, and `loader.config({ monaco })` so @monaco-editor/react uses this
 * bundled copy instead of fetching Monaco from a CDN (which would leave the editor blank offline).
 */
import type * as MonacoNs from 'monaco-editor';
import type { DiffEditorProps, EditorProps } from '@monaco-editor/react';
import type { ComponentType } from 'react';
import { SIMULATOR_LIB_DTS } from './simulatorLibDts.ts';

/** The Monaco namespace. */
export type Monaco = typeof MonacoNs;
/** A code editor instance. */
export type MonacoEditor = MonacoNs.editor.IStandaloneCodeEditor;
/** Props of the React editor component. */
export type { DiffEditorProps, EditorProps };

/** What the wrapper hands to the editor component. */
export interface MonacoBundle {
  monaco: Monaco;
  Editor: ComponentType<EditorProps>;
  /** Side-by-side diff (the loop's version diff). */
  DiffEditor: ComponentType<DiffEditorProps>;
}

let loading: Promise<MonacoBundle> | null = null;

/** Loads and configures Monaco once; later calls share the promise. */
export function loadMonaco(): Promise<MonacoBundle> {
  loading ??= (async () => {
    const [monaco, react, editorWorker, tsWorker, jsonWorker] = await Promise.all([
      import('monaco-editor'),
      import('@monaco-editor/react'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/features/typescript/ts.worker?worker'),
      import('monaco-editor/languages/features/json/json.worker?worker'),
    ]);
    self.MonacoEnvironment = {
      getWorker(_id: string, label: string) {
        if (label === 'typescript' || label === 'javascript') return new tsWorker.default();
        if (label === 'json') return new jsonWorker.default();
        return new editorWorker.default(); // 'editorWorkerService'
      },
    };
    react.loader.config({ monaco });
    configureJavaScript(monaco);
    return { monaco, Editor: react.Editor as ComponentType<EditorProps>, DiffEditor: react.DiffEditor as ComponentType<DiffEditorProps> };
  })();
  return loading;
}

/** JavaScript language service settings for simulator programs. */
function configureJavaScript(monaco: Monaco): void {
  const js = monaco.typescript.javascriptDefaults;
  js.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    allowNonTsExtensions: true,
    checkJs: false,
    noLib: false,
    lib: ['es2020'],
  });
  // Programs are scripts run by the simulator compiler; the TS service only offers completion and
  // syntax squiggles. Semantic checks of untyped JS would be noise next to our own markers.
  js.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
  js.addExtraLib(SIMULATOR_LIB_DTS, 'file:///gsim/simulator.d.ts');
}
