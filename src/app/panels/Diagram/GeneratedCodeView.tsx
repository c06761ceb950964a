import { useState } from 'react';
import { useMonacoBundle } from '../../lib/useMonacoBundle.ts';
import { useStudio } from '../../store/useStudio.ts';

/** The project's program beside the diagram, read-only (edit it in the Code mode; edits round-trip). */
export function GeneratedCodeView({ source }: { source: string }) {
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
    <div data-testid="diagram.code" data-ready={mounted ? 'true' : 'false'} style={{ height: '100%' }}>
      <Editor
        path="file:///gsim/diagram-program.js"
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
          ariaLabel: 'The simulator program generated from the diagram (read-only here; edit it in the Code mode).',
        }}
        onMount={() => setMounted(true)}
      />
    </div>
  );
}
