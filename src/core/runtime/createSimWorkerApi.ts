import type { BatchScores } from '../calibrate/Calibrator.ts';
import { oneStepFitness, type FitnessKind } from '../calibrate/oneStepFitness.ts';
import type { Dataset, SplitName } from '../data/Dataset.ts';
import { transitionsOf, type Transitions } from '../data/transitions.ts';
import { benchmarkCandidateSamples, benchmarkW1AgainstTruth, benchmarkW1States, type BenchmarkW1Part } from '../eval/benchmarkW1States.ts';
import { DEFAULT_QUANTILES, quantileBands } from '../eval/quantileBands.ts';
import { rolloutEnsemble } from '../eval/rolloutEnsemble.ts';
import { validationMetrics, type ValidationMetrics, type ValidationMetricsOptions } from '../eval/validationMetrics.ts';
import type { RuleViolation } from '../llm/DomainRule.ts';
import { ruleViolationRates, type RuleViolationOptions } from '../llm/ruleViolationRates.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError, type SimulatorErrorData } from '../sim/SimulatorError.ts';
import type { Action, CompiledSimulator, ParameterSpec, State } from '../sim/types.ts';
import { createScenarioWorkerMethods, type ScenarioWorkerApi } from './scenarioWorkerMethods.ts';
import { createNpeWorkerMethods, type NpeWorkerApi } from './npeWorkerMethods.ts';
import type { Outcome } from './Outcome.ts';

/** What `load` answers: the program's parameters, or why it does not compile. */
export type LoadResult = { ok: true; parameters: ParameterSpec[] } | { ok: false; error: SimulatorErrorData };

/**
 * The stateful API a simulation worker exposes (browser Web Worker or Node worker thread): `load` once,
 * then score candidates and compute diagnostics against the loaded program and data. Everything that
 * crosses the boundary is structured-clone friendly (typed arrays, plain objects).
 */
export interface SimWorkerApi {
  /** Compiles `source` and keeps it with `dataset` (its train transitions are prepared eagerly). */
  load(source: string, dataset: Dataset): LoadResult;
  /** One-step fitness (on train) of each parameter vector; every candidate replays `seed`. */
  fitness(batch: Float64Array[], seed: number, mc: number, kind?: FitnessKind): BatchScores;
  /**
   * The benchmark W1's per-state work ({@link benchmarkW1States}) for some start states of a split
   * (normally `test`) of the loaded data, against a ground truth compiled here (and cached by source).
   * A pool runs slices of the state indices on its workers and combines them with combineBenchmarkW1.
   */
  benchmarkPart(request: BenchmarkPartRequest): Outcome<BenchmarkW1Part>;
  /**
   * The loaded candidate's half of benchmarkPart: its one-step samples from some start states
   * (benchmarkCandidateSamples), for a worker that never ran a model to score with benchmarkTruth.
   */
  benchmarkCandidate(request: BenchmarkCandidateRequest): Outcome<Float64Array>;
  /** The truth's half of benchmarkPart (benchmarkW1AgainstTruth); needs no loaded program or data. */
  benchmarkTruth(request: BenchmarkTruthRequest): Outcome<BenchmarkW1Part>;
  /** Data-only diagnostics ({@link validationMetrics}) of the loaded program on a split of the loaded data. */
  validation(request: ValidationRequest): Outcome<ValidationMetrics>;
  /** Rollout ensembles replaying some trajectories of a split, as fan-chart quantile bands. */
  rollouts(request: RolloutsRequest): Outcome<RolloutBands[]>;
  /**
   * Domain-rule violation rates ({@link ruleViolationRates}) of the loaded program on rollouts of a
   * split of the loaded data, so the G-Sim loop's rule checks run off the main thread. Rates may be NaN
   * (a rule that does not compile); NaN survives structured cloning.
   */
  ruleViolations(request: RuleViolationsRequest): Outcome<RuleViolation[]>;
  /** What-if rollouts of a scenario (scenarioWorkerMethods.ts). */
  scenarioRollouts: ScenarioWorkerApi['scenarioRollouts'];
  /** Expected costs of policy-grid cells (scenarioWorkerMethods.ts). */
  policyCells: ScenarioWorkerApi['policyCells'];
  /** Simulated NPE summaries for prior draws (npeWorkerMethods.ts). */
  npeSummaries: NpeWorkerApi['npeSummaries'];
  /** Liveness probe used by pools and tests. */
  ping(): 'pong';
}

/** What {@link SimWorkerApi.benchmarkPart} needs besides the loaded program and data. */
export interface BenchmarkPartRequest {
  params: Record<string, number>;
  truthSource: string;
  trueParams: Record<string, number>;
  split: SplitName;
  stateIndices: Int32Array;
  samples?: number;
  seed: number;
}

/** What {@link SimWorkerApi.benchmarkCandidate} needs besides the loaded program and data. */
export type BenchmarkCandidateRequest = Omit<BenchmarkPartRequest, 'truthSource' | 'trueParams'>;

/** What {@link SimWorkerApi.benchmarkTruth} needs: the truth, the start states, and the candidate's samples. */
export interface BenchmarkTruthRequest {
  truthSource: string;
  trueParams: Record<string, number>;
  variables: string[];
  stateIndices: Int32Array;
  /** Start state and action of each index, in order. */
  states: State[];
  actions: Action[];
  /** benchmarkCandidate's answer for the same indices. */
  candidate: Float64Array;
  samples?: number;
  seed: number;
}

/** {@link validationMetrics} options without the program and data the worker holds. */
export type ValidationRequest = Omit<ValidationMetricsOptions, 'sim' | 'dataset'>;

/** {@link ruleViolationRates} options without the program and data the worker holds. */
export type RuleViolationsRequest = Omit<RuleViolationOptions, 'sim' | 'dataset'>;

/** What {@link SimWorkerApi.rollouts} needs. */
export interface RolloutsRequest {
  params: Record<string, number>;
  split: SplitName;
  /** Indices of the trajectories of the split to roll out. */
  trajectories: number[];
  /** Rollouts per trajectory. */
  rollouts: number;
  /** Quantiles of the bands (default 5%, 50%, 95%). */
  quantiles?: number[];
  /** Also return the raw ensembles (larger; for spaghetti plots). */
  includeEnsemble?: boolean;
  seed: number;
}

/** Fan-chart data for one trajectory: `bands[(q * steps + t) * dim + j]` as {@link quantileBands} packs it. */
export interface RolloutBands {
  trajectory: number;
  id: string;
  steps: number;
  variables: string[];
  quantiles: number[];
  bands: Float64Array;
  /** Observed values, `observed[t * dim + j]`. */
  observed: Float64Array;
  /** `[rollout][t][variable]`, when asked for. */
  ensemble?: Float64Array;
}

interface Loaded {
  sim: CompiledSimulator;
  dataset: Dataset;
  splits: Partial<Record<SplitName, Transitions>>;
}

/**
 * Creates the API a simulation worker exposes. It holds the loaded program between calls so that a
 * GA generation only ships parameter vectors, not source and data. Pure core: the worker file wraps it
 * with comlink (`expose(createSimWorkerApi())`), and tests may call it directly.
 *
 * @example
 * const api = createSimWorkerApi();
 * const r = api.load(source, dataset);
 * if (r.ok) api.fitness([new Float64Array([0.5, 0.1])], 1, 10).fitness; // Float64Array [mse]
 */
export function createSimWorkerApi(): SimWorkerApi {
  let loaded: Loaded | undefined;
  let truth: CompiledSimulator | undefined;

  function current(what: string): Loaded {
    if (!loaded) throw new Error(`${what}: no simulator loaded; call load(source, dataset) first`);
    return loaded;
  }

  return {
    load(source, dataset) {
      loaded = undefined;
      const r = attempt(() => compileSimulator(source));
      if (!r.ok) return r;
      loaded = { sim: r.value, dataset, splits: { train: transitionsOf(dataset, 'train') } };
      return { ok: true, parameters: r.value.parameters.map((p) => ({ ...p })) };
    },

    fitness(batch, seed, mc, kind = 'mse') {
      const l = current('fitness');
      return oneStepFitness(l.sim, l.splits.train!, batch, seed, mc, kind);
    },

    benchmarkPart(req) {
      const l = current('benchmarkPart');
      return attempt(() => {
        if (truth?.source !== req.truthSource) truth = compileSimulator(req.truthSource);
        const opts = {
          candidate: l.sim,
          candidateParams: req.params,
          truth,
          trueParams: req.trueParams,
          transitions: splitOf(l, req.split),
          samples: req.samples,
          seed: req.seed,
        };
        return benchmarkW1States(opts, req.stateIndices);
      });
    },

    benchmarkCandidate(req) {
      const l = current('benchmarkCandidate');
      return attempt(() =>
        benchmarkCandidateSamples({ candidate: l.sim, candidateParams: req.params, transitions: splitOf(l, req.split), samples: req.samples, seed: req.seed }, req.stateIndices),
      );
    },

    benchmarkTruth(req) {
      return attempt(() => {
        if (truth?.source !== req.truthSource) truth = compileSimulator(req.truthSource);
        return benchmarkW1AgainstTruth(
          { truth, trueParams: req.trueParams, variables: req.variables, states: req.states, actions: req.actions, samples: req.samples, seed: req.seed },
          req.stateIndices,
          req.candidate,
        );
      });
    },

    validation(req) {
      const l = current('validation');
      return attempt(() => validationMetrics({ ...req, sim: l.sim, dataset: l.dataset }));
    },

    rollouts(req) {
      const l = current('rollouts');
      return attempt(() => {
        const trajs = l.dataset.splits[req.split];
        const variables = l.dataset.variables;
        const dim = variables.length;
        const quantiles = req.quantiles ?? [...DEFAULT_QUANTILES];
        const params = Object.freeze({ ...req.params });
        return req.trajectories.map((k) => {
          const tr = trajs[k];
          if (!tr) throw new Error(`rollouts: trajectory ${k} is outside 0..${trajs.length - 1} of split ${req.split}`);
          // Same stream as validationMetrics' rollouts, so the chart shows what the metric scored.
          const ensemble = rolloutEnsemble(l.sim, params, tr, variables, req.rollouts, createRng(deriveSeed(req.seed, 1, k)));
          const steps = tr.states.length;
          const observed = new Float64Array(steps * dim);
          tr.states.forEach((st, t) => variables.forEach((v, j) => (observed[t * dim + j] = st[v] as number)));
          const out: RolloutBands = {
            trajectory: k, id: tr.id, steps, variables: [...variables], quantiles,
            bands: quantileBands(ensemble, req.rollouts, steps, dim, quantiles), observed,
          };
          if (req.includeEnsemble) out.ensemble = ensemble;
          return out;
        });
      });
    },

    ruleViolations(req) {
      const l = current('ruleViolations');
      return attempt(() => ruleViolationRates({ ...req, sim: l.sim, dataset: l.dataset }));
    },

    ...createScenarioWorkerMethods((what) => current(what).sim, attempt),

    ...createNpeWorkerMethods(current),

    ping: () => 'pong',
  };
}

/** Transitions of a split, prepared once per load. */
function splitOf(l: Loaded, split: SplitName): Transitions {
  return (l.splits[split] ??= transitionsOf(l.dataset, split));
}

/** Runs `fn`, returning a simulator failure as data (structured cloning would drop its code). */
function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: errorData(e) };
  }
}

/** A simulator failure as plain data; anything else (a bug on our side) is rethrown. */
function errorData(e: unknown): SimulatorErrorData {
  if (e instanceof SimulatorError) return e.toJSON();
  // rng samplers throw RangeError on bad arguments the program passed (e.g. binomial(n, 1.3)).
  if (e instanceof RangeError) return { code: 'runtime', message: e.message };
  throw e;
}
