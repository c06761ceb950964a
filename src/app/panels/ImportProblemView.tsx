import { useEffect, useRef, type RefObject } from 'react';
import { dismissImportProblem, editImportText } from '../actions/dataActions.ts';
import type { ImportProblem } from '../store/dataSlice.ts';

/** Offset of the start of a 1-based line, and of its end. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return [text.length, text.length];
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

/**
 * A failed import: the message with its row and column, and the file's text, editable in place with
 * the offending row selected, so the user can fix it and try again without losing anything.
 */
export function ImportProblemView({ problem, onRetry }: { problem: ImportProblem; onRetry(text: string): void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const where = [problem.row !== undefined ? `row ${problem.row}` : null, problem.column !== undefined ? `column “${problem.column}”` : null].filter(Boolean).join(', ');

  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The card sits below the drop zone, often below the fold: bring the message into view.
    box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    const el = area.current;
    if (!el || problem.row === undefined) return;
    // CSV rows are physical lines here (header = row 1), so the row's line can be selected directly.
    const [a, b] = lineRange(el.value, problem.row);
    el.setSelectionRange(a, b);
    // 18 px lines below 8 px of padding: put the row before the bad one at the top.
    el.scrollTop = problem.row <= 2 ? 0 : 8 + (problem.row - 2) * 18;
    // Only when the problem changes: the user's own edits keep their caret.
  }, [problem.message]);

  return (
    <div ref={box} className="alert stack" role="alert" style={{ marginTop: 'var(--space-3)' }} data-testid="data.importError">
      <div>
        <strong>Could not import {problem.fileName}</strong>
        {where && (
          <span className="badge err" style={{ marginLeft: 8 }} data-testid="data.importError.where">
            {where}
          </span>
        )}
      </div>
      <p data-testid="data.importError.message">{problem.message}</p>
      {problem.large ? <LargeFileNote problem={problem} /> : <EditableText problem={problem} area={area} onRetry={onRetry} />}
    </div>
  );
}

/** A file too large to edit in the page (it would freeze a textarea): the bad row, and what to do. */
function LargeFileNote({ problem }: { problem: ImportProblem }) {
  const { chars, excerpt } = problem.large!;
  return (
    <>
      {excerpt.length > 0 && <Excerpt lines={excerpt} row={problem.row!} />}
      <p className="text-small muted" data-testid="data.importError.large">
        Nothing was changed. The file has {(chars / 1e6).toFixed(1)} million characters, too many to edit here: fix it in a text editor and import it again.
      </p>
      <div className="row">
        <button className="btn text-small" type="button" onClick={dismissImportProblem}>
          Dismiss
        </button>
      </div>
    </>
  );
}

/** The file's text, editable in place, with "Import again". */
function EditableText({ problem, area, onRetry }: { problem: ImportProblem; area: RefObject<HTMLTextAreaElement | null>; onRetry(text: string): void }) {
  return (
    <>
      {problem.row !== undefined && <RowExcerpt text={problem.text} row={problem.row} />}
      <p className="text-small muted">Nothing was changed. Fix the text below and import it again, or choose another file.</p>
      <textarea
        ref={area}
        aria-label={`Contents of ${problem.fileName}`}
        className="mono"
        data-testid="data.importError.text"
        value={problem.text}
        onChange={(e) => editImportText(e.target.value)}
        rows={8}
        wrap="off"
        style={{ width: '100%', fontSize: 12, lineHeight: '18px' }}
      />
      <div className="row">
        <button className="btn primary text-small" type="button" onClick={() => onRetry(problem.text)} data-testid="data.importError.retry">
          Import again
        </button>
        <button className="btn text-small" type="button" onClick={dismissImportProblem}>
          Discard
        </button>
      </div>
    </>
  );
}

/** The offending row with one row of context either side, the bad one highlighted. */
function RowExcerpt({ text, row }: { text: string; row: number }) {
  const lines = text.split(/\r?\n/);
  const shown = [];
  for (let r = Math.max(1, row - 1); r <= Math.min(lines.length, row + 1); r++) shown.push({ row: r, text: lines[r - 1] ?? '' });
  return <Excerpt lines={shown} row={row} />;
}

function Excerpt({ lines, row }: { lines: { row: number; text: string }[]; row: number }) {
  // Row numbers of a large file run to 7 digits: widen the gutter beyond the stylesheet's 3.5ch.
  const gutter = { width: `${Math.max(3.5, String(row + 1).length + 1.5)}ch` };
  return (
    <pre className="excerpt" data-testid="data.importError.excerpt" aria-label={`Row ${row} of the file, with its neighbours`}>
      {lines.map((l) => (
        <div key={l.row} className={l.row === row ? 'bad' : undefined}>
          <span className="ln" style={gutter}>
            {l.row}
          </span>
          {l.text}
        </div>
      ))}
    </pre>
  );
}
