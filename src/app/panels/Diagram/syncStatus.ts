import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { diagramFromProgram } from '../../../core/diagram/diagramFromProgram.ts';
import { diagramMeaningErrors, type DiagramIssue } from '../../../core/diagram/validateDiagram.ts';

/**
 * How the diagram and the project's program relate:
 * - `draft`: the diagram has errors; the program is the last one it generated (or older code);
 * - `inSync`: the program is the diagram's (perhaps with understood edits: `diagram` is then the
 *   diagram read back from the code, to be stored);
 * - `codeLeads`: the program was edited beyond what round-trips: the diagram is read-only.
 */
export type SyncStatus =
  | { kind: 'draft'; errors: DiagramIssue[] }
  | { kind: 'inSync'; diagram: Diagram; changed: boolean }
  | { kind: 'codeLeads'; reason: string };

let last: { source: string; diagram: Diagram; status: SyncStatus } | null = null;

/** The sync status of a diagram and a program (memoised on the last pair). */
export function syncStatus(source: string, diagram: Diagram): SyncStatus {
  if (last && last.source === source && last.diagram === diagram) return last.status;
  const errors = diagramMeaningErrors(diagram);
  let status: SyncStatus;
  if (errors.length > 0) status = { kind: 'draft', errors };
  else {
    const r = diagramFromProgram(source, diagram);
    status = r.ok ? { kind: 'inSync', diagram: r.diagram, changed: r.changed } : { kind: 'codeLeads', reason: r.reason };
  }
  last = { source, diagram, status };
  return status;
}
