import { useState, type ReactNode } from 'react';
import type { Monaco, MonacoEditor } from '../lib/monaco.ts';
import { useMonacoBundle } from '../lib/useMonacoBundle.ts';
import { useStudio } from '../store/useStudio.ts';

export interface ReadOnlyCodeViewProps {
  source: string;
  /** Monaco model path: one per view, so two views never share (and fight over) a model. */
  path: string;
  testId: string;
  ariaLabel: string;
  /** Extra data-* attributes on the wrapper (tests read them). */
  data?: Record<`data-${string}`, string | number>;
  onMount?(editor: MonacoEditor, monaco: Monaco): void;
}

/**
 * A program shown in a read-only Monaco editor (the Diagram's generated code, the Structure view):
 * the studio's editor look and theme, a loading state while Monaco's bundle arrives, and
 * `data-ready="true"` once mounted so tests wait for the editor rather than for a timeout.
 */
export function ReadOnlyCodeView({ source, path, testId, ariaLabel, data, onMount }: ReadOnlyCodeViewProps): ReactNode {
  const theme = useStudio((s) => s.theme);
  const { bundle, error } = useMonacoBundle();
  const [mounted, setMounted] = useState(false);
  if (error) return <div className="empty-state">The code view failed to load: {error}</div>;
  if (!bundle) {
    return (
      <div className="empty-state" style={{ height: '100%' }}>
        <span className="spinner" /> Loading the code view…
      </div>
    );
  }
  const { Editor } = bundle;
  return (
    <div data-testid={testId} data-ready={mounted ? 'true' : 'false'} {...data} style={{ height: '100%' }}>
      <Editor
        path={path}
        defaultLanguage="javascript"
        value={source}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={{
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          fontSize: 12,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          renderLineHighlight: 'none',
          lineNumbersMinChars: 3,
          ariaLabel,
        }}
        onMount={(editor, monaco) => {
          onMount?.(editor as MonacoEditor, monaco as Monaco);
          setMounted(true);
        }}
      />
    </div>
  );
}
