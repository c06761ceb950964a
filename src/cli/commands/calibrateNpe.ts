import { checkOutputPath, writeOutputFile } from '../writeOutputFile.ts';
import { resolve } from 'node:path';
import type { CalibrationProgress } from '../../core/calibrate/Calibrator.ts';
import type { Dataset } from '../../core/data/Dataset.ts';
import { npeCalibrator } from '../../core/npe/npeCalibrator.ts';
import { DEFAULT_POSTERIOR_SAMPLES } from '../../core/npe/posterior.ts';
import { SBC_DEFAULTS } from '../../core/npe/sbc.ts';
import { DEFAULT_NPE_SIMULATIONS, defaultNpeSimulations, NPE_SIMULATIONS_PER_PARAMETER } from '../../core/npe/simulateTrainingSet.ts';
import { observedSummary, summarySpec } from '../../core/npe/summaryStatistics.ts';
import type { ParameterSpec } from '../../core/sim/types.ts';
import { createOrtRuntime } from '../../ort/createOrtRuntime.ts';
import type { NodeSimPool } from '../../pool/createNodePool.ts';
import { poolNpeSimulations } from '../../pool/poolNpeSimulations.ts';
import type { CommandContext, CommandOutput } from '../Command.ts';
import { diagnose, formatDiagnostics } from '../diagnose.ts';
import { posteriorIdentifiability } from '../../core/calibrate/posteriorIdentifiability.ts';
import { fmt, table } from '../formatText.ts';
import { budgetChoice, formatSignals, noiseRatioOf, warningsWithNoise } from './calibrateSignals.ts';
import { DEFAULT_MC } from '../../core/calibrate/defaultMc.ts';
import { DEFAULT_PICK_SAMPLES } from '../../core/npe/pickByFitness.ts';
import { poolEvaluator } from '../../pool/poolEvaluator.ts';
import { choiceFlag, intFlag, optionalIntFlag } from '../parseFlags.ts';
import { poolExecutor } from '../queuePools.ts';

/** Flags only `--method npe` reads (parsed by calibrate.ts with the rest). */
export const NPE_FLAGS = {
  sims: { type: 'string' },
  estimator: { type: 'string' },
  'posterior-samples': { type: 'string' },
  sbc: { type: 'string' },
  'max-epochs': { type: 'string' },
  observation: { type: 'string' },
  'export-onnx': { type: 'string' },
  force: { type: 'boolean' },
  rounds: { type: 'string' },
} as const;

export const NPE_USAGE = `NPE (--method npe): neural posterior estimation with an ONNX density estimator (onnxruntime, WASM)
  --sims N               training simulations per round (default ${DEFAULT_NPE_SIMULATIONS}, or ${NPE_SIMULATIONS_PER_PARAMETER} per free parameter
                         above 4; --preset paper: ${DEFAULT_NPE_SIMULATIONS})
  --estimator maf|mdn    masked autoregressive flow (default) or mixture density network
  --posterior-samples N  posterior samples (default ${DEFAULT_POSTERIOR_SAMPLES.toLocaleString('en')}; --samples stays the benchmark's)
  --sbc N                SBC test simulations (default ${SBC_DEFAULTS.simulations}; 0 skips SBC)
  --max-epochs N         epoch cap (default: early stopping only)
  --observation statistics|trajectory  what the network conditions on (default statistics; trajectory = the paper's)
  --rounds 1|2           2 (default): a second round of --sims simulations on the box the first posterior
                         occupies; 1 = the paper's single round
  The point estimate is the best of the posterior mean, median and ${DEFAULT_PICK_SAMPLES} posterior samples by the
  --fitness score on the training data. --preset paper: one round on the first trajectory flattened,
  the posterior mean (the paper's sbi settings).
  --export-onnx FILE     write the trained posterior sampler as an ONNX model (+ FILE.txt describing it)
  --force                overwrite --export-onnx files that exist (otherwise an error before the run starts)`;

export interface NpeRunInput {
  ctx: CommandContext;
  flags: Record<string, string | boolean | undefined> & { 'export-onnx'?: string; sims?: string; estimator?: string; 'posterior-samples'?: string; sbc?: string; 'max-epochs'?: string; observation?: string; rounds?: string; preset?: string; fitness?: string; mc?: string };
  pool: NodeSimPool;
  parameters: ParameterSpec[];
  dataset: Dataset;
  simLabel: string;
  dataPath: string;
  seed: number;
  states: number | undefined;
  samples: number;
}

/**
 * `gsim calibrate --method npe`: simulate on the pool, train and sample with ORT (two rounds by
 * default), pick the point estimate by the fitness, SBC, then diagnose the point estimate.
 */
export async function runNpeCalibration(i: NpeRunInput): Promise<CommandOutput> {
  const f = i.flags;
  const force = (f as Record<string, unknown>).force === true;
  if (f['export-onnx'] !== undefined) checkOutputPath(f['export-onnx'], i.ctx.cwd, '--export-onnx', force);
  const kind = choiceFlag(f.estimator, 'estimator', ['maf', 'mdn'] as const, 'maf');
  const nSamples = intFlag(f['posterior-samples'], 'posterior-samples', DEFAULT_POSTERIOR_SAMPLES, 1, 1_000_000);
  const sbcSims = intFlag(f.sbc, 'sbc', SBC_DEFAULTS.simulations, 0, 100_000);
  const maxEpochs = optionalIntFlag(f['max-epochs'], 'max-epochs', 1, 100_000);
  // --preset paper: the paper's sbi path (one round, the first trajectory flattened, the posterior mean).
  const paper = f.preset === 'paper';
  // Per round; the paper's 1,000, or 250 per free parameter above 4 unless --preset paper (defaultNpeSimulations).
  const simulations = intFlag(f.sims, 'sims', paper ? DEFAULT_NPE_SIMULATIONS : defaultNpeSimulations(i.parameters.length), 20, 1_000_000);
  const observation = choiceFlag(f.observation, 'observation', ['statistics', 'trajectory'] as const, paper ? 'trajectory' : 'statistics');
  const rounds = choiceFlag(f.rounds, 'rounds', ['1', '2'] as const, paper ? '1' : '2') === '1' ? 1 : 2;
  const { fitness } = budgetChoice(f);
  const mc = intFlag(f.mc, 'mc', DEFAULT_MC, 1, 10_000);
  const evaluator = paper ? undefined : poolEvaluator(i.pool, mc, { fitness });
  const spec = summarySpec(i.dataset, observation);
  const observed = observedSummary(i.dataset, spec);
  const runtime = await createOrtRuntime();
  const progress = npeProgressLine(i.ctx.stderr);
  const r = await npeCalibrator.run(i.parameters, poolNpeSimulations(i.pool, spec), {
    seed: i.seed, runtime, observed, simulations, estimator: { kind }, train: { maxEpochs }, samples: nSamples,
    sbc: sbcSims > 0 ? { simulations: sbcSims } : false, signal: i.ctx.signal, onProgress: progress.update,
    now: () => performance.now(), keepEstimator: f['export-onnx'] !== undefined, rounds, evaluator,
  });
  progress.done();
  let exported: string | null = null;
  if (r.estimator) {
    const { model, description } = r.estimator.toOnnx();
    exported = resolve(i.ctx.cwd, f['export-onnx']!);
    writeOutputFile(exported, model, '--export-onnx', f['export-onnx']!, force);
    writeOutputFile(exported + '.txt', description + '\n', '--export-onnx', f['export-onnx']! + '.txt', force);
    await r.estimator.release();
  }
  r.warnings.forEach((w) => i.ctx.warn(w));
  const { estimator: _e, samples: _s, ...rest } = r;
  const summary = {
    sim: i.simLabel, data: i.dataPath, env: i.dataset.env ?? null, ...rest,
    simulationsPerSecond: r.seconds > 0 ? r.simulations / r.seconds : null, firstError: r.firstError ?? null,
    observation, observedSummary: observed, summaryLength: observed.length, estimator: kind, rounds, seed: i.seed, workers: i.pool.size, executor: poolExecutor(i.pool), exported,
  };
  const p = r.posterior;
  const head = [
    `NPE (${kind}, ${observation}) on ${i.simLabel} with ${i.dataPath} (${i.dataset.name})${r.cancelled ? ' — CANCELLED' : ''}`,
    `simulations: ${r.trainingSet.used} used of ${r.trainingSet.requested} (${r.trainingSet.failures} failed); ` +
      `phases (s): simulate ${fmt(r.phaseSeconds.simulate)}, train ${fmt(r.phaseSeconds.train)}, sample ${fmt(r.phaseSeconds.sample)}, sbc ${fmt(r.phaseSeconds.sbc)}`,
  ];
  if (r.training) head.push(`training on ${r.training.provider}: ${r.training.epochs.length} epochs (stopped by ${r.training.stoppedBy}), best validation loss ${fmt(r.bestFitness)}`);
  if (p) {
    head.push(table(['parameter', 'mean', 'std', '5 %', '95 %'], p.names.map((n, k) => [n, p.mean[k], p.std[k], p.q05[k], p.q95[k]])));
    head.push(`acceptance inside the prior: ${fmt(100 * r.acceptance!.rate)} % (${r.acceptance!.drawn.toLocaleString('en')} draws)${r.acceptance!.low ? ' — LOW' : ''}`);
  }
  if (r.truncatedBox) head.push(`round 2 prior box: ${r.truncatedBox.map((b) => `${b.name} ${fmt(b.min)}–${fmt(b.max)}`).join(', ')}`);
  if (r.pointEstimate.kind === 'fitness-pick') head.push(`point estimate: the ${r.pointEstimate.chosen === 'sample' ? 'posterior sample' : `posterior ${r.pointEstimate.chosen}`} with the best ${fitness} score of ${r.pointEstimate.candidates} (${fmt(r.pointEstimate.fitness)}; posterior mean ${fmt(r.pointEstimate.meanFitness)})`);
  if (r.sbc) head.push(r.sbc.message);
  if (exported) head.push(`exported the posterior sampler to ${exported} (+ .txt)`);
  if (r.cancelled || !p) return { json: { ...summary, metrics: null, benchmark: null }, text: head.join('\n'), exitCode: r.cancelled ? 130 : 1 };
  const { metrics, benchmark } = await diagnose(i.pool, { dataset: i.dataset, params: r.params, splits: ['val', 'test'], states: i.states, samples: i.samples, seed: i.seed, signal: i.ctx.signal });
  // Trust signals (issue #14): posterior widths per parameter, and the calibration warnings.
  const identifiability = posteriorIdentifiability(i.parameters, p);
  const noiseRatio = noiseRatioOf(metrics.val);
  const calibrationWarnings = warningsWithNoise(r, identifiability, noiseRatio);
  calibrationWarnings.forEach((w) => i.ctx.warn(w.message));
  return {
    json: { ...summary, identifiability, calibrationWarnings, noiseRatio, metrics, benchmark },
    text: [...head, formatSignals(identifiability, calibrationWarnings, noiseRatio), `${pointLabel(r.pointEstimate)} simulator:`, formatDiagnostics(metrics, benchmark)].join('\n'),
  };
}

function pointLabel(p: { kind: string; chosen?: string }): string {
  return p.kind === 'fitness-pick' ? `fitness-picked posterior ${p.chosen === 'sample' ? 'sample' : p.chosen}` : 'posterior-mean';
}

/** One progress line on a TTY: phase and work done, or the epoch's losses while training. */
function npeProgressLine(stream: CommandContext['stderr']): { update(p: CalibrationProgress): void; done(): void } {
  let drawn = false;
  return {
    update(p) {
      if (stream.isTTY !== true) return;
      const what = p.phase === 'train' ? `epoch ${p.iteration}  train ${fmt(p.trainLoss)}  val ${fmt(p.valLoss)}` : `${p.phaseDone ?? 0}/${p.phaseTotal ?? '?'}`;
      stream.write(`\rnpe ${p.phase} ${what}${p.failures ? `  failures ${p.failures}` : ''}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
