import { describe, expect, it } from 'vitest';
import { covid } from '../envs/covid.ts';
import { hospital } from '../envs/hospital.ts';
import { analyzeStructure } from './analyzeStructure.ts';
import type { StructureGraph } from './StructureGraph.ts';

function graphOf(source: string, stateVariables?: string[]): StructureGraph {
  const r = analyzeStructure(source, { stateVariables });
  if (!r.ok) throw new Error(r.error.message);
  return r.graph;
}

/** Influence edges into each written state variable, as `to: [from…]` sorted. */
function inputsOf(g: StructureGraph): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of g.edges.filter((x) => x.kind === 'influence')) (out[e.to.slice(6)] ??= []).push(e.from);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

const program = (params: string, body: string, sig = 'state, action, params, rng') =>
  `const parameters = { ${params} };\nfunction step(${sig}) {\n${body}\n}\n`;

describe('analyzeStructure', () => {
  it('reads the COVID starter: each next state depends on the SIR inputs that feed it', () => {
    const g = graphOf(covid.starterSource);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['param:beta', 'param:gamma', 'state:I', 'state:R', 'state:S']);
    expect(inputsOf(g)).toEqual({
      // N = S + I + R and the `if (N <= 0) return` guard make every variable an input of every other.
      S: ['param:beta', 'state:I', 'state:R', 'state:S'],
      I: ['param:beta', 'param:gamma', 'state:I', 'state:R', 'state:S'],
      R: ['param:gamma', 'state:I', 'state:R', 'state:S'],
    });
  });

  it('reads the hospital starter: each ward depends only on its own parameters through the ward helper', () => {
    const g = graphOf(hospital.starterSource);
    expect(inputsOf(g)).toEqual({
      day: ['state:day'],
      icu_occupancy: ['param:icu_arrival_rate', 'param:icu_capacity', 'param:icu_los_mean', 'state:icu_occupancy'],
      standard_occupancy: ['param:standard_arrival_rate', 'param:standard_capacity', 'param:standard_los_mean', 'state:standard_occupancy'],
      // The turned-away counter sums both wards' refusals.
      turned_away: [
        'param:icu_arrival_rate', 'param:icu_capacity', 'param:icu_los_mean', 'param:standard_arrival_rate', 'param:standard_capacity',
        'param:standard_los_mean', 'state:icu_occupancy', 'state:standard_occupancy',
      ],
    });
    expect(g.nodes.filter((n) => n.kind === 'submodule').map((n) => n.name)).toEqual(['ward']);
  });

  it('reads the hospital ground truth: numbered comment sections and the freeBed closure become submodules', () => {
    const g = graphOf(hospital.groundTruthSource);
    expect(g.nodes.filter((n) => n.kind === 'submodule').map((n) => n.name).sort()).toEqual(['Allocation in disease order', 'Arrivals per disease', 'Existing patients', 'freeBed']);
    // params['arrival_rate_' + d] reads every arrival rate.
    const icu = inputsOf(g).icu_occupancy;
    expect(icu).toEqual(expect.arrayContaining(['param:arrival_rate_0', 'param:arrival_rate_1', 'param:arrival_rate_2', 'param:icu_capacity', 'state:patients']));
  });

  it('follows local variables from parameter and state reads to the returned keys', () => {
    const g = graphOf(program('a: { min: 0, max: 1 }, b: { min: 0, max: 1 }', 'const n = rng.binomial(state.S, params.a);\nconst S2 = state.S - n;\nlet x = 1;\nx = x * params.b;\nreturn { S: S2, X: x };'));
    expect(inputsOf(g)).toEqual({ S: ['param:a', 'state:S'], X: ['param:b'] });
  });

  it('understands destructuring in the signature and in declarations, with renames and defaults', () => {
    const g = graphOf(program('beta: { min: 0, max: 1 }, k: { min: 0, max: 1 }', 'const { beta: b, k = 2 } = params;\nconst [first] = [S];\nreturn { S: first * b, I: I + k };', '{ S, I }, action, params, rng'));
    expect(inputsOf(g)).toEqual({ S: ['param:beta', 'state:S'], I: ['param:k', 'state:I'] });
  });

  it('keeps two calls of one helper apart and names the helper a submodule', () => {
    const g = graphOf(
      `const parameters = { ra: { min: 0, max: 1 }, rb: { min: 0, max: 1 } };
function ward(occ, rate, rng) { const admitted = rng.poisson(rate); return occ + admitted; }
function step(state, action, params, rng) {
  return { a: ward(state.a, params.ra, rng), b: ward(state.b, params.rb, rng) };
}`,
    );
    expect(inputsOf(g)).toEqual({ a: ['param:ra', 'state:a'], b: ['param:rb', 'state:b'] });
    const ward = g.nodes.find((n) => n.id === 'submodule:ward');
    expect(ward?.submodule).toBe('function');
    expect(g.edges.filter((e) => e.kind === 'feeds' && e.from === 'submodule:ward').map((e) => e.to).sort()).toEqual(['state:a', 'state:b']);
    expect(g.edges.filter((e) => e.kind === 'reads' && e.to === 'submodule:ward').map((e) => e.from).sort()).toEqual(['param:ra', 'param:rb', 'state:a', 'state:b']);
  });

  it('follows closures that change outer variables and callbacks of array methods', () => {
    const g = graphOf(
      program(
        'r_0: { min: 0, max: 1 }, r_1: { min: 0, max: 1 }, cap: { min: 0, max: 9 }',
        "let occ = state.occ;\nconst admit = () => { occ += 1; };\nconst arrivals = [0, 1].map((d) => rng.poisson(params['r_' + d]));\nfor (let k = 0; k < arrivals[0]; k++) { if (occ < params.cap) admit(); }\nreturn { occ };",
      ),
    );
    expect(inputsOf(g)).toEqual({ occ: ['param:cap', 'param:r_0', 'param:r_1', 'state:occ'] });
  });

  it('adds control dependence: assignments under a condition and code after an early return', () => {
    const g = graphOf(program('t: { min: 0, max: 1 }', 'let y = 0;\nif (params.t > 0.5) y = 1;\nif (state.stop) return { y: 0, z: 0 };\nreturn { y, z: 1 };'));
    expect(inputsOf(g)).toEqual({ y: ['param:t', 'state:stop'], z: ['state:stop'] });
  });

  it('follows loops over hidden state and mutations such as push', () => {
    const g = graphOf(
      program(
        'lead: { min: 1, max: 5 }',
        'const pipeline = [];\nlet total = 0;\nfor (const [q, left] of state.pipeline) { if (left > 1) pipeline.push([q, left - 1]); }\nif (action > 0) pipeline.push([action, params.lead]);\nfor (const [q] of pipeline) total += q;\nreturn { pipeline, pipeline_total: total };',
      ),
    );
    expect(inputsOf(g)).toEqual({
      pipeline: ['action:action', 'param:lead', 'state:pipeline'],
      pipeline_total: ['action:action', 'param:lead', 'state:pipeline'],
    });
    expect(g.nodes.find((n) => n.kind === 'action')).toBeDefined();
  });

  it('carries the other variables over a spread of state', () => {
    const g = graphOf(program('g: { min: 0, max: 1 }', 'const next = { ...state, R: state.R + params.g };\nreturn next;'), ['S', 'R']);
    expect(inputsOf(g)).toEqual({ R: ['param:g', 'state:R'], S: ['state:S'] });
  });

  it('turns `// --- name` sections of step into block submodules', () => {
    const g = graphOf(program('b: { min: 0, max: 1 }, g: { min: 0, max: 1 }', '  // --- Infections ---\n  const inf = rng.binomial(state.S, params.b);\n  // --- Recoveries\n  const rec = rng.binomial(state.I, params.g);\n  return { S: state.S - inf, I: state.I + inf - rec };'));
    const blocks = g.nodes.filter((n) => n.submodule === 'block').map((n) => n.name);
    expect(blocks).toEqual(['Infections', 'Recoveries']);
    const feeds = (name: string) => g.edges.filter((e) => e.from === `submodule:${name}`).map((e) => e.to).sort();
    expect(feeds('Infections')).toEqual(['state:I', 'state:S']);
    expect(feeds('Recoveries')).toEqual(['state:I']);
    expect(g.edges.filter((e) => e.to === 'submodule:Recoveries').map((e) => e.from).sort()).toEqual(['param:g', 'state:I']);
  });

  it('points nodes and edges at their code', () => {
    const g = graphOf(covid.starterSource);
    const lines = covid.starterSource.split('\n');
    const line = (l: number) => lines[l - 1];
    const beta = g.nodes.find((n) => n.id === 'param:beta')!;
    expect(beta.ranges.map((r) => line(r.start.line))).toEqual([expect.stringContaining('beta:  { min: 0'), expect.stringContaining('params.beta')]);
    const edge = g.edges.find((e) => e.from === 'param:gamma' && e.to === 'state:R')!;
    expect(edge.ranges.some((r) => line(r.start.line).includes('params.gamma'))).toBe(true);
    expect(edge.ranges.some((r) => covid.starterSource.slice(r.from, r.to) === 'R: R + newRec')).toBe(true);
  });

  it('marks parameters read but not declared, and fixed ones', () => {
    const g = graphOf(program("c: { min: 0, max: 9, init: 5, fixed: true }", 'return { x: params.c + params.ghost };'));
    expect(g.nodes.find((n) => n.id === 'param:c')?.fixed).toBe(true);
    expect(g.nodes.find((n) => n.id === 'param:ghost')?.undeclared).toBe(true);
  });

  it('reports a syntax error with its position, and a missing step as a warning', () => {
    const bad = analyzeStructure('const parameters = {};\nfunction step(state) {\n  return { S: };\n}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ line: 3 });
    const none = graphOf('const parameters = { a: { min: 0, max: 1 } };');
    expect(none.warnings.join(' ')).toMatch(/no `function step/);
    expect(none.edges).toEqual([]);
  });
});
