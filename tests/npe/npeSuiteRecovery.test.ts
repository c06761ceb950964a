import { describe, expect, it } from 'vitest';
import { DEFAULT_MC } from '../../src/core/calibrate/defaultMc.ts';
import { localEvaluator } from '../../src/core/calibrate/localEvaluator.ts';
import { transitionsOf } from '../../src/core/data/transitions.ts';
import { logisticGrowth } from '../../src/core/envs/suite/logisticGrowth.ts';
import { suiteNoiseFloor, suiteTestW1 } from '../../src/core/envs/suite/noiseFloor.ts';
import { suiteDataset } from '../../src/core/envs/suite/suiteDataset.ts';
import { npeCalibrator } from '../../src/core/npe/npeCalibrator.ts';
import { localSummarySimulator } from '../../src/core/npe/simulateSummaries.ts';
import { observedSummary, summarySpec } from '../../src/core/npe/summaryStatistics.ts';
import { compileSimulator } from '../../src/core/sim/compileSimulator.ts';
import { createOrtRuntime } from '../../src/ort/createOrtRuntime.ts';

// Issue #14: NPE with its defaults (second-order summaries, two rounds, the pick by the energy score)
// on an environment the defaults were not tuned on and where one round with the posterior mean scored
// 5.3× the noise floor (40 trajectories, 1,000 simulations): logistic growth, whose K the data pin to
// ±0.3 on a box of width 190. Reduced: 20 trajectories per split, 300 simulations per round.
describe('NPE with defaults on an unseen stochastic model (logistic growth, reduced)', () => {
  const env = logisticGrowth;
  const data = suiteDataset(env, 1, 20);
  const sim = compileSimulator(env.groundTruthSource);
  const spec = summarySpec(data);
  const sizes = { states: 100, samples: 100 };

  // ≈13 s of CPU (one core, unloaded); the timeout allows for a machine shared with other jobs.
  it('fits within 1.25× the noise floor (seeded: 1.03)', async () => {
    const r = await npeCalibrator.run(sim.parameters, localSummarySimulator(sim, data, spec), {
      seed: 1, runtime: await createOrtRuntime(), observed: observedSummary(data, spec), simulations: 300, samples: 2000, sbc: false,
      evaluator: localEvaluator(sim, transitionsOf(data, 'train'), DEFAULT_MC, 'energy'),
    });
    const floor = suiteNoiseFloor(env, data, 7, sizes);
    const ratio = (p: Record<string, number>) => suiteTestW1(env, data, env.groundTruthSource, p, 7, sizes).w1 / floor;
    expect(r.pointEstimate.kind).toBe('fitness-pick');
    expect(r.truncatedBox).toHaveLength(3);
    expect(r.trainingSet.requested).toBe(600);
    expect(ratio(r.params)).toBeLessThan(1.25);
    // The round-2 posterior is narrow where round 1's was not (K: 45–77 after one round at 1,000 sims).
    const k = sim.parameters.findIndex((p) => p.name === 'K');
    expect(r.posterior!.q95[k] - r.posterior!.q05[k]).toBeLessThan(10);
  }, 120_000);
});
