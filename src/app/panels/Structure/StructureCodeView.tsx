import { useEffect, useRef, useState } from 'react';
import type { SourceRange } from '../../../core/structure/StructureGraph.ts';
import type { Monaco, MonacoEditor } from '../../lib/monaco.ts';
import { ReadOnlyCodeView } from '../../components/ReadOnlyCodeView.tsx';

export interface StructureCodeViewProps {
  source: string;
  /** Code of the selected node: its lines are highlighted and the first is scrolled into view. */
  highlight: readonly SourceRange[];
  /** The user selected (or clicked into) lines: character offsets of the whole lines, or null. */
  onSelectLines(span: { from: number; to: number } | null): void;
}

/**
 * A read-only Monaco view of the program beside the graph. A selected node's lines are highlighted;
 * clicking or selecting lines reports them so the graph can highlight the nodes they hold.
 */
export function StructureCodeView({ source, highlight, onSelectLines }: StructureCodeViewProps) {
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const decorations = useRef<ReturnType<MonacoEditor['createDecorationsCollection']> | null>(null);
  const [mounted, setMounted] = useState(false);
  const onSelect = useRef(onSelectLines);
  onSelect.current = onSelectLines;

  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco) return;
    decorations.current ??= editor.createDecorationsCollection();
    decorations.current.set(
      highlight.map((r) => ({
        range: new monaco.Range(r.start.line, r.start.column + 1, r.end.line, r.end.column + 1),
        options: { isWholeLine: true, className: 'structure-line-highlight', inlineClassName: 'structure-span-highlight', linesDecorationsClassName: 'structure-line-gutter' },
      })),
    );
    if (highlight.length > 0) editor.revealLinesInCenterIfOutsideViewport(highlight[0].start.line, highlight[0].end.line);
  }, [highlight, mounted, source]);

  return (
    <ReadOnlyCodeView
      source={source}
      path="file:///gsim/structure-view.js"
      testId="structure.code"
      data={{ 'data-highlighted': highlight.length }}
      ariaLabel="Simulator program (read-only). Select lines to highlight their nodes in the graph."
      onMount={(editor, monaco) => {
        editorRef.current = editor;
        monacoRef.current = monaco;
        editor.onDidChangeCursorSelection((e) => {
          if (e.source === 'api' || e.source === 'modelChange') return;
          const model = editor.getModel();
          if (!model) return;
          const s = e.selection;
          const from = model.getOffsetAt({ lineNumber: s.startLineNumber, column: 1 });
          const to = model.getOffsetAt({ lineNumber: s.endLineNumber, column: model.getLineMaxColumn(s.endLineNumber) });
          onSelect.current({ from, to });
        });
        setMounted(true);
      }}
    />
  );
}
