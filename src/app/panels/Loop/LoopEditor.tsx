import { useEffect, useRef, useState } from 'react';
import { setSource } from '../../actions/codeActions.ts';
import type { MonacoEditor } from '../../lib/monaco.ts';
import { useMonacoBundle } from '../../lib/useMonacoBundle.ts';
import { streamingCodePreview } from '../../model/streamingCodePreview.ts';
import { useStudio } from '../../store/useStudio.ts';

const MODEL_URI = 'file:///gsim/loop-simulator.js';

/** What the editor shows while the model writes: a placeholder, its prose as comments, or its code so far. */
type StreamViewKind = 'waiting' | 'prose' | 'code';

function streamView(stream: string): { text: string; kind: StreamViewKind } {
  const code = streamingCodePreview(stream);
  if (code) return { text: code, kind: 'code' };
  const prose = stream.trim();
  return prose
    ? { text: `// The model is writing…\n${prose.split('\n').map((l) => `// ${l}`).join('\n')}\n`, kind: 'prose' }
    : { text: '// Waiting for the model…\n', kind: 'waiting' };
}

/**
 * The working copy in Monaco beside the loop. While the model proposes code, its answer streams in
 * token by token and the editor is read-only; otherwise edits go to the working copy, and the next
 * iteration starts from them.
 */
export function LoopEditor() {
  const source = useStudio((s) => s.source);
  const theme = useStudio((s) => s.theme);
  const streaming = useStudio((s) => s.loop.status !== 'idle' && s.loop.phase === 'propose');
  const stream = useStudio((s) => s.loop.stream);
  const { bundle, error } = useMonacoBundle();
  const [mounted, setMounted] = useState(false);
  const editorRef = useRef<MonacoEditor | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const view = streaming ? streamView(stream) : undefined;
  const value = view ? view.text : source;
  const viewKind = view?.kind ?? 'source';
  // Read by onChange: Monaco reports the streamed text as a change (setValue on a read-only model), and
  // its listener can still hold an older closure when streaming starts; the ref is current from render.
  const streamingRef = useRef(streaming);
  streamingRef.current = streaming;

  // The length Monaco holds (not the prop), so tests see what the editor shows as it streams, and in
  // the same write what it is (a placeholder or prose can be longer than the first chunk of code).
  useEffect(() => {
    const len = editorRef.current?.getModel()?.getValueLength();
    if (len !== undefined && boxRef.current) {
      boxRef.current.dataset.length = String(len);
      boxRef.current.dataset.view = viewKind;
    }
  }, [value, viewKind, mounted]);

  if (error) return <div className="empty-state">The editor failed to load: {error}</div>;
  if (!bundle) {
    return (
      <div className="empty-state" data-testid="loop.editorLoading" style={{ height: '100%' }}>
        <span className="spinner" /> Loading the editor…
      </div>
    );
  }
  const { Editor } = bundle;
  return (
    <div ref={boxRef} data-testid="loop.editor" data-ready={mounted ? 'true' : 'false'} data-streaming={streaming ? 'true' : 'false'} style={{ height: '100%' }}>
      <Editor
        path={MODEL_URI}
        defaultLanguage="javascript"
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(v) => !streamingRef.current && setSource(v ?? '')}
        options={{
          readOnly: streaming,
          readOnlyMessage: { value: 'The model is writing this code; edit it once the answer is complete.' },
          minimap: { enabled: false },
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          wordBasedSuggestions: 'off',
          ariaLabel: 'Simulator program being refined by the G-Sim loop (JavaScript)',
        }}
        onMount={(editor) => {
          editorRef.current = editor as MonacoEditor;
          setMounted(true);
        }}
      />
    </div>
  );
}
