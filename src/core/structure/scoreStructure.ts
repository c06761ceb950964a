import type { EnvId } from '../data/Dataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { analyzeStructure } from './analyzeStructure.ts';
import { BENCHMARK_STRUCTURE } from './benchmarkStructureSpecs.ts';
import { compareEdgeSets, projectOntoNodes, type EdgePair, type StructureScore } from './compareEdgeSets.ts';
import type { StructureGraph } from './StructureGraph.ts';

/** A graph's structure scored against a benchmark's ground truth. */
export interface BenchmarkStructureScore extends StructureScore {
  env: EnvId;
  /** Candidate node id → the truth node id it was matched to (identity when the names agree). */
  matched: Record<string, string>;
  /** The scored truth edges, in truth node ids. */
  truth: EdgePair[];
}

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Scored influence edges (param/state → state), with every node renamed through `rename`. */
function influenceEdges(graph: StructureGraph, rename: (id: string) => string): EdgePair[] {
  return graph.edges
    .filter((e) => e.kind === 'influence' && /^(param|state):/.test(e.from))
    .map((e) => ({ from: rename(e.from), to: rename(e.to) }));
}

/** Renames a node id to the truth's name when its name or an alias matches (same kind). */
function canonicalName(env: EnvId, id: string): string {
  const [kind, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const n = normalise(name);
  for (const [truthName, aliases] of Object.entries(BENCHMARK_STRUCTURE[env].aliases)) {
    if (normalise(truthName) === n || aliases.some((a) => normalise(a) === n)) {
      // A state alias may only name state, a parameter alias only a parameter.
      const truthIsState = getEnvironment(env).variables.includes(truthName) || !truthParamNames(env).includes(truthName);
      if ((kind === 'state') === truthIsState) return `${kind}:${truthName}`;
    }
  }
  return id;
}

const truthParams = new Map<EnvId, string[]>();
function truthParamNames(env: EnvId): string[] {
  let names = truthParams.get(env);
  if (!names) {
    const r = analyzeStructure(getEnvironment(env).groundTruthSource);
    names = r.ok ? r.graph.nodes.filter((n) => n.kind === 'param').map((n) => n.name) : [];
    truthParams.set(env, names);
  }
  return names;
}

function scoredNodes(env: EnvId, extraParams: readonly string[]): Set<string> {
  const spec = BENCHMARK_STRUCTURE[env];
  return new Set([...getEnvironment(env).variables.map((v) => `state:${v}`), ...spec.scoredParams.map((p) => `param:${p}`), ...extraParams]);
}

const truthEdges = new Map<EnvId, EdgePair[]>();

/**
 * The benchmark's truth edges: the ground-truth program's influence edges, renamed through the alias
 * table, with hidden state and unscored parameters projected away (see {@link projectOntoNodes}).
 */
export function benchmarkTruthEdges(env: EnvId): EdgePair[] {
  let edges = truthEdges.get(env);
  if (!edges) {
    const source = getEnvironment(env).groundTruthSource;
    const r = analyzeStructure(source, { stateVariables: getEnvironment(env).variables });
    if (!r.ok) throw new Error(`The ${env} ground truth does not parse: ${r.error.message}`);
    edges = projectOntoNodes(influenceEdges(r.graph, (id) => canonicalName(env, id)), scoredNodes(env, []));
    truthEdges.set(env, edges);
  }
  return edges;
}

/**
 * Scores a program's structure graph against a benchmark's ground truth: parameters and state
 * variables are matched by name or alias; the candidate's own parameters without a truth counterpart
 * are scored (their edges are extra), its hidden state is projected away like the truth's.
 *
 * @example
 * const g = analyzeStructure(covid.starterSource);
 * if (g.ok) scoreAgainstBenchmark(g.graph, 'covid').f1; // 1
 */
export function scoreAgainstBenchmark(graph: StructureGraph, env: EnvId): BenchmarkStructureScore {
  const matched: Record<string, string> = {};
  for (const n of graph.nodes) if (n.kind === 'param' || n.kind === 'state') matched[n.id] = canonicalName(env, n.id);
  const known = new Set(truthParamNames(env).map((p) => `param:${p}`));
  const ownParams = Object.values(matched).filter((id) => id.startsWith('param:') && !known.has(id));
  const candidate = projectOntoNodes(influenceEdges(graph, (id) => matched[id] ?? id), scoredNodes(env, ownParams));
  const truth = benchmarkTruthEdges(env);
  return { ...compareEdgeSets(candidate, truth), env, matched, truth };
}
