// The Node vm evaluator against the default one: same numbers on every built-in environment (arguments
// and results are copied across the boundary, never changed), and what a program can see belongs to its
// own realm.
import { afterEach, describe, expect, it } from 'vitest';
import { oneStepFitness } from '../../src/core/calibrate/oneStepFitness.ts';
import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { transitionsOf } from '../../src/core/data/transitions.ts';
import { listEnvironments } from '../../src/core/envs/environments.ts';
import { createRng } from '../../src/core/rng/createRng.ts';
import { compileSimulator } from '../../src/core/sim/compileSimulator.ts';
import { functionEvaluator } from '../../src/core/sim/functionEvaluator.ts';
import { currentSandboxEvaluator, installSandboxEvaluator } from '../../src/core/sim/installedSandboxEvaluator.ts';
import { createVmEvaluator } from '../../src/sandbox/node/createVmEvaluator.ts';

afterEach(() => installSandboxEvaluator(functionEvaluator));

function withEvaluator<T>(which: 'function' | 'vm', fn: () => T): T {
  installSandboxEvaluator(which === 'vm' ? createVmEvaluator() : functionEvaluator);
  try {
    return fn();
  } finally {
    installSandboxEvaluator(functionEvaluator);
  }
}

describe('createVmEvaluator', () => {
  it.each(listEnvironments().map((e) => [e.id, e] as const))('%s: one-step fitness is identical to the default evaluator', (_id, env) => {
    const data = generateDataset(env, 2, { train: 3, val: 0, test: 0, horizon: 15 });
    const tr = transitionsOf(data, 'train');
    const score = (which: 'function' | 'vm') =>
      withEvaluator(which, () => {
        const sim = compileSimulator(env.groundTruthSource);
        const batch = [new Float64Array(sim.parameters.map((p) => env.trueParams[p.name]))];
        return { fitness: Array.from(oneStepFitness(sim, tr, batch, 5, 3, 'mse').fitness), params: sim.parameters };
      });
    const vm = score('vm');
    expect(vm).toEqual(score('function'));
    expect(vm.fitness[0]).toBeGreaterThan(0);
  });

  it('gives the program copies: mutating state or params leaves the caller’s objects alone', () => {
    const sim = withEvaluator('vm', () =>
      compileSimulator('const parameters = { a: { min: 0, max: 1 } };\nfunction step(s, a, p) { s.S = 99; s.list.push(1); p.a = 5; return { S: s.S, n: s.list.length }; }'),
    );
    const state = { S: 1, list: [0] };
    const params = { a: 0.5 };
    expect(sim.step(state, null, params, createRng(1), ['S'])).toEqual({ S: 99, n: 2 });
    expect(state).toEqual({ S: 1, list: [0] });
    expect(params).toEqual({ a: 0.5 });
  });

  it('shows the program only its own realm: every constructor it can reach compiles no code', () => {
    const probe = `const parameters = { a: { min: 0, max: 1 } };
function step(s, a, p, rng) {
  const Fs = [s.constructor.constructor, p.constructor.constructor, rng.normal.constructor, rng.split().random.constructor, (() => 0).constructor];
  let caught = 0;
  try { rng.binomial(-1, 2); } catch (e) { Fs.push(e.constructor.constructor); }
  for (const F of Fs) { try { F('return 1'); } catch (e) { if (e instanceof EvalError) caught++; } }
  return { S: caught, n: Fs.length };
}`;
    const sim = withEvaluator('vm', () => compileSimulator(probe));
    expect(sim.step({ S: 1 }, null, Object.freeze({ a: 0.5 }), createRng(1), ['S'])).toEqual({ S: 6, n: 6 });
    expect(currentSandboxEvaluator()).toBe(functionEvaluator);
  });
});
