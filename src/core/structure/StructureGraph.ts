/** A position in the program text: line 1-based, column 0-based (acorn's convention). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A span of program text, with character offsets for cheap overlap tests. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
  /** Character offsets into the source (end exclusive). */
  from: number;
  to: number;
}

/**
 * What a node stands for: a state variable, a declared parameter, the step's action input, or a
 * submodule (a named helper function called from `step`, or a `// --- name` commented block of it).
 */
export type StructureNodeKind = 'state' | 'param' | 'action' | 'submodule';

/** One node of the structure graph. Ids are `kind:name` (e.g. `param:beta`, `state:S`). */
export interface StructureNode {
  id: string;
  kind: StructureNodeKind;
  name: string;
  /** Where the node appears: declarations, reads, the returned property, the helper or block. */
  ranges: SourceRange[];
  /** Parameters only: declared `fixed: true` (never calibrated). */
  fixed?: boolean;
  /** Parameters only: read through `params` but missing from `parameters`. */
  undeclared?: boolean;
  /** Submodules only: a helper function or a commented block. */
  submodule?: 'function' | 'block';
}

/**
 * How one node influences another:
 * - `influence`: a parameter, state variable or the action flows into the next value of a state
 *   variable (data flow through local variables, or control flow through a condition) — the edges
 *   that are scored against a ground truth;
 * - `reads`: a submodule uses a parameter or state variable;
 * - `feeds`: a submodule's result flows into a state variable or another submodule.
 */
export type StructureEdgeKind = 'influence' | 'reads' | 'feeds';

/** One directed edge, with the program text that makes it (read sites and the write). */
export interface StructureEdge {
  from: string;
  to: string;
  kind: StructureEdgeKind;
  ranges: SourceRange[];
}

/** The simulator's structure as static analysis of its code sees it. */
export interface StructureGraph {
  nodes: StructureNode[];
  edges: StructureEdge[];
  /** Things the analysis could not follow (e.g. a return value of unknown shape), for the user. */
  warnings: string[];
}

/** Node id of a name of a kind. */
export function nodeId(kind: StructureNodeKind, name: string): string {
  return `${kind}:${name}`;
}
