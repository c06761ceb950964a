import { describe, expect, it } from 'vitest';
import { getEnvironment } from '../envs/environments.ts';
import { wasserstein1d } from '../metrics/wasserstein1d.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { Action, CompiledSimulator, ParamValues, State } from '../sim/types.ts';
import type { Diagram } from './Diagram.ts';
import { BIRTH_DEATH_DIAGRAM, SIR_DIAGRAM, SIRD_DIAGRAM, SUPPLY_CHAIN_DIAGRAM } from './exampleDiagrams.ts';
import { generateProgram } from './generateProgram.ts';
import { validateDiagram } from './validateDiagram.ts';

// Hand-written equivalents, in the style a modeller would write them without the generator.
const BIRTH_DEATH_BY_HAND = `const parameters = { lambda: { min: 0, max: 10 }, b: { min: 0, max: 0.5 }, mu: { min: 0, max: 1 } };
function step(state, action, params, rng) {
  const births = rng.poisson(params.lambda + params.b * state.X);
  const deaths = rng.binomial(state.X, params.mu);
  return { X: state.X + births - deaths };
}`;

const SIRD_BY_HAND = `const parameters = { beta: { min: 0, max: 2 }, gamma: { min: 0, max: 1 }, mu: { min: 0, max: 0.5 } };
function step(state, action, params, rng) {
  const { S, I, R, D } = state;
  const N = S + I + R;
  const newInf = rng.binomial(S, 1 - Math.exp(-params.beta * I / N));
  // Each infected person recovers, dies or stays: one categorical draw per person.
  let rec = 0, dead = 0;
  for (let k = 0; k < I; k++) {
    const u = rng.random();
    if (u < params.gamma) rec++;
    else if (u < params.gamma + params.mu) dead++;
  }
  return { S: S - newInf, I: I + newInf - rec - dead, R: R + rec, D: D + dead };
}`;

const SUPPLY_BY_HAND = `const parameters = { demand_rate: { min: 0, max: 20 }, lead_time: { min: 1, max: 6 } };
function step(state, action, params, rng) {
  const demand = rng.poisson(params.demand_rate);
  const lead = Math.max(1, Math.trunc(params.lead_time));
  const queue = state.pipeline.map(([q, r]) => [q, r - 1]);
  const order = typeof action === 'number' && action > 0 ? Math.round(action) : 0;
  if (order > 0) queue.push([order, lead]);
  let arrived = 0;
  for (const [q, r] of queue) if (r <= 0) arrived += q;
  const served = Math.min(state.inventory, state.backlog);
  const sold = Math.min(state.inventory - served, demand);
  const pipeline = queue.filter(([, r]) => r > 0);
  return {
    inventory: state.inventory + arrived - served - sold,
    backlog: state.backlog + demand - sold - served,
    pipeline_total: pipeline.reduce((s, [q]) => s + q, 0),
    pipeline,
  };
}`;

const N = 3000;

/** One-step samples of each variable from every start state. */
function samples(sim: CompiledSimulator, starts: { state: State; action: Action }[], params: ParamValues, vars: string[], seed: number): number[][][] {
  const rng = createRng(seed);
  return starts.map(({ state, action }) => {
    const cols = vars.map(() => [] as number[]);
    for (let i = 0; i < N; i++) {
      const next = sim.step(state, action, params, rng, vars);
      vars.forEach((v, j) => cols[j].push(next[v] as number));
    }
    return cols;
  });
}

/** The largest one-step W1 over start states and variables. */
function maxW1(a: number[][][], b: number[][][]): number {
  let worst = 0;
  a.forEach((cols, s) => cols.forEach((col, j) => (worst = Math.max(worst, wasserstein1d(col, b[s][j])))));
  return worst;
}

interface Case {
  diagram: Diagram;
  byHand: string;
  params: Record<string, number>;
  starts: { state: State; action: Action }[];
  /** A parameter change the comparison must detect (so the test can fail). */
  perturbed: Record<string, number>;
}

const CASES: Record<string, Case> = {
  'SIR (vs the COVID ground truth)': {
    diagram: SIR_DIAGRAM,
    byHand: getEnvironment('covid').groundTruthSource,
    params: { beta: 0.5, gamma: 0.1 },
    starts: [{ state: { S: 990, I: 10, R: 0 }, action: null }, { state: { S: 500, I: 300, R: 200 }, action: null }],
    perturbed: { beta: 0.6, gamma: 0.1 },
  },
  'SIRD (competing outflows, vs a per-person categorical draw)': {
    diagram: SIRD_DIAGRAM,
    byHand: SIRD_BY_HAND,
    params: { beta: 0.5, gamma: 0.3, mu: 0.2 },
    starts: [{ state: { S: 600, I: 300, R: 90, D: 10 }, action: null }],
    perturbed: { beta: 0.5, gamma: 0.3, mu: 0.1 },
  },
  'birth-death with Poisson births': {
    diagram: BIRTH_DEATH_DIAGRAM,
    byHand: BIRTH_DEATH_BY_HAND,
    params: { lambda: 3, b: 0.1, mu: 0.2 },
    starts: [{ state: { X: 0 }, action: null }, { state: { X: 80 }, action: null }],
    perturbed: { lambda: 3, b: 0.13, mu: 0.2 },
  },
  'supply chain with a conveyor (delay)': {
    diagram: SUPPLY_CHAIN_DIAGRAM,
    byHand: SUPPLY_BY_HAND,
    params: { demand_rate: 5, lead_time: 2 },
    starts: [
      { state: { inventory: 20, backlog: 0, pipeline_total: 7, pipeline: [[3, 1], [4, 2]] }, action: 6 },
      { state: { inventory: 2, backlog: 9, pipeline_total: 4, pipeline: [[4, 1]] }, action: 0 },
    ],
    perturbed: { demand_rate: 5.5, lead_time: 2 },
  },
};

describe('generateProgram', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`generates a program that simulates the same one-step distribution as a hand-written one: ${name}`, () => {
      expect(validateDiagram(c.diagram).ok).toBe(true);
      const generated = compileSimulator(generateProgram(c.diagram));
      const byHand = compileSimulator(c.byHand);
      const vars = c.diagram.stocks.map((s) => s.name);
      const reference = samples(byHand, c.starts, c.params, vars, 1);
      const noiseFloor = maxW1(reference, samples(byHand, c.starts, c.params, vars, 2));
      const w1 = maxW1(reference, samples(generated, c.starts, c.params, vars, 3));
      const shifted = maxW1(reference, samples(generated, c.starts, c.perturbed, vars, 3));
      // Same law: the distance is the sampling noise of two independent sample sets. A small parameter
      // change is several noise floors away, so the comparison is able to fail.
      expect(w1).toBeLessThan(2 * noiseFloor);
      expect(shifted).toBeGreaterThan(3 * noiseFloor);
    });
  }

  it('generates the same text for the same diagram, and a program that declares the diagram parameters', () => {
    const code = generateProgram(SIR_DIAGRAM);
    expect(generateProgram(structuredClone(SIR_DIAGRAM))).toBe(code);
    const sim = compileSimulator(code);
    expect(sim.parameters.map((p) => [p.name, p.min, p.max, p.init])).toEqual([
      ['beta', 0, 2, 0.4],
      ['gamma', 0, 1, 0.2],
    ]);
    expect(sim.initialState!(createRng(1))).toEqual({ S: 990, I: 10, R: 0 });
  });

  it('writes one commented block per flow, named after the diagram', () => {
    const code = generateProgram(SIR_DIAGRAM);
    expect(code).toContain('// --- infection: S → I, binomial');
    expect(code).toContain('const infection__rate = 1 - Math.exp(-beta * I / N);');
    expect(code).toContain('// --- recovery: I → R, binomial');
  });

  it('keeps a non-negative stock at or above 0 when a Poisson outflow asks for more than it holds', () => {
    const d: Diagram = {
      ...BIRTH_DEATH_DIAGRAM,
      flows: [{ name: 'harvest', from: 'X', to: null, law: 'poisson', rate: 'lambda' }],
      parameters: [{ name: 'lambda', min: 0, max: 100, init: 50 }],
    };
    const sim = compileSimulator(generateProgram(d));
    const rng = createRng(4);
    for (let i = 0; i < 200; i++) expect(sim.step({ X: 3 }, null, { lambda: 50 }, rng, ['X']).X).toBe(0);
  });

  it('keeps a fixed parameter fixed and carries the conveyor queue in the state', () => {
    const d: Diagram = { ...SUPPLY_CHAIN_DIAGRAM, parameters: SUPPLY_CHAIN_DIAGRAM.parameters.map((p) => (p.name === 'lead_time' ? { ...p, init: 2, fixed: true } : p)) };
    const sim = compileSimulator(generateProgram(d));
    expect(sim.parameters.map((p) => p.name)).toEqual(['demand_rate']);
    const next = sim.step({ inventory: 5, backlog: 0, pipeline_total: 0, pipeline: [] }, 4, { demand_rate: 0 }, createRng(1), ['inventory', 'backlog', 'pipeline_total']);
    expect(next).toMatchObject({ pipeline_total: 4, pipeline: [[4, 2]] });
  });
});
