// Diagnoses NPE on one suite environment (issue #14): posterior against the truth per parameter, and the
// W1 / floor of several point estimates (posterior mean, median, best posterior sample by the one-step
// energy score on the training data). In-process, one thread.
// Usage: nice -n 10 node --import tsx bench/npeDiagnose.ts <env-id> [seed] [simulations]
// Env: NPE_DIAG_STATES / NPE_DIAG_SAMPLES (W1 sizes, default 100 × 100),
// NPE_DIAG_MEAN=1 (no fitness pick: the posterior mean), NPE_DIAG_FIRST_ORDER=1 (summaries without the
// second-order block), NPE_DIAG_ROUNDS (1 or 2, default 2).
import { localEvaluator } from '../src/core/calibrate/localEvaluator.ts';
import { DEFAULT_MC } from '../src/core/calibrate/defaultMc.ts';
import { transitionsOf } from '../src/core/data/transitions.ts';
import { suiteDataset } from '../src/core/envs/suite/suiteDataset.ts';
import { listSuiteEnvironments } from '../src/core/envs/suite/suiteEnvironments.ts';
import { suiteNoiseFloor, suiteTestW1 } from '../src/core/envs/suite/noiseFloor.ts';
import { npeCalibrator } from '../src/core/npe/npeCalibrator.ts';
import { localSummarySimulator } from '../src/core/npe/simulateSummaries.ts';
import { observedSummary, summarySpec } from '../src/core/npe/summaryStatistics.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

const [id, seedArg, simsArg] = process.argv.slice(2);
const env = listSuiteEnvironments().find((e) => e.id === id);
if (!env) throw new Error(`unknown suite environment ${id}; one of ${listSuiteEnvironments().map((e) => e.id).join(', ')}`);
const seed = Number(seedArg ?? 1);
const sizes = { states: Number(process.env.NPE_DIAG_STATES ?? 100), samples: Number(process.env.NPE_DIAG_SAMPLES ?? 100) };
const data = suiteDataset(env, seed);
const sim = compileSimulator(env.groundTruthSource);
const spec = { ...summarySpec(data), secondOrder: !process.env.NPE_DIAG_FIRST_ORDER };
const t0 = performance.now();
const evaluator = localEvaluator(sim, transitionsOf(data, 'train'), DEFAULT_MC, 'energy');
const r = await npeCalibrator.run(sim.parameters, localSummarySimulator(sim, data, spec), {
  seed, runtime: await createOrtRuntime(), observed: observedSummary(data, spec), sbc: false, now: () => performance.now(),
  ...(simsArg ? { simulations: Number(simsArg) } : {}),
  ...(process.env.NPE_DIAG_MEAN ? {} : { evaluator }),
  rounds: Number(process.env.NPE_DIAG_ROUNDS ?? 2) as 1 | 2,
});
const secs = (performance.now() - t0) / 1000;
const p = r.posterior!;
const floor = suiteNoiseFloor(env, data, seed + 1000, sizes);
const ratio = (params: Record<string, number>) => suiteTestW1(env, data, env.groundTruthSource, params, seed + 1000, sizes).w1 / floor;
const byName = (v: readonly number[]) => Object.fromEntries(p.names.map((n, k) => [n, v[k]]));
console.log(`${env.id} seed ${seed}: ${r.trainingSet.used} sims, ${r.training?.epochs.length} epochs (${r.training?.stoppedBy}), acceptance ${(100 * r.acceptance!.rate).toFixed(1)} %, ${secs.toFixed(1)} s (simulate ${r.phaseSeconds.simulate.toFixed(1)}, train ${r.phaseSeconds.train.toFixed(1)}, sample ${r.phaseSeconds.sample.toFixed(1)})`);
console.log('param\ttruth\tbox\tmean\tstd\tq05\tq95\ttruth-in-90%\tpick');
sim.parameters.forEach((s, k) => {
  const t = env.trueParams[s.name];
  console.log([s.name, t, `[${s.min}, ${s.max}]`, p.mean[k].toPrecision(4), p.std[k].toPrecision(3), p.q05[k].toPrecision(4), p.q95[k].toPrecision(4), t >= p.q05[k] && t <= p.q95[k], r.params[s.name].toPrecision(4)].join('\t'));
});
console.log(`W1/floor: posterior mean ${ratio(byName(p.mean)).toFixed(3)}, median ${ratio(byName(p.median)).toFixed(3)}, result ${ratio(r.params).toFixed(3)}; floor ${floor.toPrecision(4)}; ${JSON.stringify(r.pointEstimate)}`);
if (r.truncatedBox) console.log(`round 2 box: ${r.truncatedBox.map((b) => `${b.name} [${b.min.toPrecision(3)}, ${b.max.toPrecision(3)}]`).join(', ')}`);
r.warnings.forEach((w) => console.log('warning: ' + w));
process.exit(0);
