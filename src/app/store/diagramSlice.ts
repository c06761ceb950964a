import type { Diagram } from '../../core/diagram/Diagram.ts';

/**
 * The open project's stock-and-flow diagram (src/app/panels/Diagram), or null when the project has
 * none. It is the last diagram version: when the code is edited beyond what round-trips, the diagram
 * stays as it was (shown read-only) so that nothing drawn is lost.
 */
export interface DiagramSlice {
  diagram: Diagram | null;
}

/** Initial diagram slice: no diagram. */
export function createDiagramSlice(): DiagramSlice {
  return { diagram: null };
}
