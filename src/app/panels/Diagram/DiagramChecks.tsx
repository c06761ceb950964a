import type { DiagramCheck } from '../../../core/diagram/checkDiagram.ts';
import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { elementAtPath, type ElementRef } from './editDiagram.ts';

/** Errors and warnings while drawing (click one to select its element), and the conservation report. */
export function DiagramChecks({ diagram, check, onSelect }: { diagram: Diagram; check: DiagramCheck; onSelect(ref: ElementRef | null): void }) {
  const rows = [...check.errors.map((i) => ({ ...i, level: 'error' as const })), ...check.warnings.map((i) => ({ ...i, level: 'warning' as const }))];
  return (
    <div className="card stack" data-testid="diagram.checks" data-errors={check.errors.length} data-warnings={check.warnings.length} style={{ gap: 'var(--space-2)' }}>
      <h3>Checks</h3>
      {rows.length === 0 ? (
        <p className="text-small muted">No problems.</p>
      ) : (
        <ul className="diagram-issues">
          {rows.map((r, k) => (
            <li key={k} className={r.level} data-testid={`diagram.${r.level}`}>
              <button type="button" className="linklike" onClick={() => onSelect(elementAtPath(diagram, r.path))}>
                <code>{r.path || 'diagram'}</code>
              </button>{' '}
              {r.message}
            </li>
          ))}
        </ul>
      )}
      <p className="text-small" data-testid="diagram.conservation" data-conserved={check.conservation.conserved ? 'true' : 'false'}>
        {check.conservation.summary}
      </p>
    </div>
  );
}
