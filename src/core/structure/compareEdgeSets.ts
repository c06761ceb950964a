/** A directed edge between node ids (e.g. `param:beta` → `state:I`). */
export interface EdgePair {
  from: string;
  to: string;
}

/** Structural accuracy of a graph against a truth (the paper's Table 4 metrics). */
export interface StructureScore {
  precision: number;
  recall: number;
  f1: number;
  /** Structural Hamming distance: node pairs whose edges differ (a missing, extra or reversed edge counts 1). */
  shd: number;
  truePositives: number;
  /** Truth edges the graph lacks. */
  missing: EdgePair[];
  /** Graph edges the truth lacks. */
  extra: EdgePair[];
  truthEdges: number;
  candidateEdges: number;
}

const keyOf = (e: EdgePair) => `${e.from}\u0000${e.to}`;

/**
 * Precision, recall, F1 and structural Hamming distance of a candidate edge set against a truth.
 *
 * - precision = TP / |candidate|, recall = TP / |truth|; with an empty candidate, precision is 1 when
 *   the truth is empty too and 0 otherwise (same for recall with an empty truth); F1 is their harmonic
 *   mean, 0 when both are 0.
 * - SHD counts the unordered node pairs {a, b} (self-loops a = b included) whose edge status
 *   (none, a→b, b→a, both) differs, so a reversed edge costs 1, not 2 (one "reversal" operation).
 *
 * @example
 * compareEdgeSets([{ from: 'a', to: 'b' }], [{ from: 'b', to: 'a' }]); // precision 0, recall 0, shd 1
 */
export function compareEdgeSets(candidate: readonly EdgePair[], truth: readonly EdgePair[]): StructureScore {
  const c = new Map(candidate.map((e) => [keyOf(e), e]));
  const t = new Map(truth.map((e) => [keyOf(e), e]));
  const missing = [...t.values()].filter((e) => !c.has(keyOf(e)));
  const extra = [...c.values()].filter((e) => !t.has(keyOf(e)));
  const tp = c.size - extra.length;
  const precision = c.size === 0 ? (t.size === 0 ? 1 : 0) : tp / c.size;
  const recall = t.size === 0 ? (c.size === 0 ? 1 : 0) : tp / t.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const pairs = new Set<string>();
  for (const e of [...missing, ...extra]) pairs.add(e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`);
  return { precision, recall, f1, shd: pairs.size, truePositives: tp, missing, extra, truthEdges: t.size, candidateEdges: c.size };
}

/**
 * Removes the nodes not in `keep` from a directed graph by latent projection: for every removed node
 * h, each predecessor of h gets an edge to each successor of h (a → h → x becomes a → x), so influence
 * through hidden state (e.g. a pipeline list or patient records) is kept between the visible nodes.
 */
export function projectOntoNodes(edges: readonly EdgePair[], keep: ReadonlySet<string>): EdgePair[] {
  let current = new Map(edges.map((e) => [keyOf(e), e]));
  const hidden = new Set<string>();
  for (const e of edges) for (const n of [e.from, e.to]) if (!keep.has(n)) hidden.add(n);
  for (const h of hidden) {
    const preds = [...current.values()].filter((e) => e.to === h && e.from !== h).map((e) => e.from);
    const succs = [...current.values()].filter((e) => e.from === h && e.to !== h).map((e) => e.to);
    const next = new Map([...current].filter(([, e]) => e.from !== h && e.to !== h));
    for (const a of preds) for (const x of succs) next.set(keyOf({ from: a, to: x }), { from: a, to: x });
    current = next;
  }
  return [...current.values()];
}
