import { useEffect, useRef, useState } from 'react';
import { saveVersion, setSource } from '../actions/codeActions.ts';
import type { Monaco, MonacoEditor } from '../lib/monaco.ts';
import { useMonacoBundle } from '../lib/useMonacoBundle.ts';
import { registerSimulatorCompletions } from '../lib/registerSimulatorCompletions.ts';
import { useStudio } from '../store/useStudio.ts';

/** What the panel can do with the editor once it exists. */
export interface CodeEditorHandle {
  reveal(line: number, column: number): void;
}

const MODEL_URI = 'file:///gsim/simulator.js';

/**
 * The simulator program editor (Monaco, loaded lazily). Markers from the compile check and from
 * worker runtime errors are placed at their line and column; Ctrl/Cmd+S saves a code version.
 */
export function CodeEditor({ onReady }: { onReady?: (h: CodeEditorHandle) => void }) {
  const source = useStudio((s) => s.source);
  const markers = useStudio((s) => s.markers);
  const theme = useStudio((s) => s.theme);
  const { bundle, error } = useMonacoBundle();
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'gsim',
      markers.map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        const col = Math.max(1, m.column);
        return {
          severity: monaco.MarkerSeverity.Error,
          message: m.source === 'runtime' ? `Runtime (in a worker): ${m.message}` : m.message,
          startLineNumber: line,
          startColumn: col,
          endLineNumber: line,
          endColumn: Math.max(col + 1, model.getLineMaxColumn(line)),
          source: m.source === 'runtime' ? 'simulator run' : 'simulator compiler',
        };
      }),
    );
  }, [markers, mounted]);

  if (error) return <div className="empty-state">The editor failed to load: {error}</div>;
  if (!bundle) {
    return (
      <div className="empty-state" data-testid="code.loading" style={{ height: '100%' }}>
        <span className="spinner" /> Loading the editor…
      </div>
    );
  }
  const { Editor } = bundle;
  return (
    <div data-testid="code.editor" data-ready={mounted ? 'true' : 'false'} style={{ height: '100%' }}>
      <Editor
        path={MODEL_URI}
        defaultLanguage="javascript"
        value={source}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(v) => setSource(v ?? '')}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          renderLineHighlight: 'line',
          // Completion comes from the TS service and the simulator-form provider; words are noise.
          wordBasedSuggestions: 'off',
          ariaLabel: 'Simulator program (JavaScript). Press Ctrl+M to let Tab move focus out of the editor.',
        }}
        onMount={(editor, monaco) => {
          editorRef.current = editor as MonacoEditor;
          monacoRef.current = monaco as Monaco;
          registerSimulatorCompletions(monaco as Monaco);
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveVersion());
          onReady?.({
            reveal(line, column) {
              editor.revealLineInCenter(line);
              editor.setPosition({ lineNumber: line, column });
              editor.focus();
            },
          });
          setMounted(true);
        }}
      />
    </div>
  );
}
