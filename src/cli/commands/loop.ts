import { cmaes } from '../../core/calibrate/cmaes/cmaes.ts';
import type { Calibrator } from '../../core/calibrate/Calibrator.ts';
import { DEFAULT_MC } from '../../core/calibrate/defaultMc.ts';
import { GA_DEFAULTS, geneticAlgorithm } from '../../core/calibrate/ga/geneticAlgorithm.ts';
import type { Dataset } from '../../core/data/Dataset.ts';
import { generateDataset } from '../../core/data/generateDataset.ts';
import { getEnvironment, listEnvironments } from '../../core/envs/environments.ts';
import { defaultDomainRules } from '../../core/llm/defaultDomainRules.ts';
import { runGsimLoop, GSIM_LOOP_DEFAULTS } from '../../core/llm/runGsimLoop.ts';
import { trainingDataSummary } from '../../core/llm/taskPrompt.ts';
import { createChatProvider, type ProviderKind } from '../../llm/createChatProvider.ts';
import { createTruthPool, DEFAULT_NODE_TIMEOUT_MS } from '../../pool/createNodePool.ts';
import { poolLoopCallbacks } from '../../pool/poolLoopCallbacks.ts';
import { usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { DEFAULT_BENCHMARK_STATES, statesFlag } from '../diagnose.ts';
import { toJsonValue } from '../formatText.ts';
import { createLoopProgress } from '../loopProgress.ts';
import { formatLoopText, loopResultJson, type LoopRunInfo } from '../loopReport.ts';
import { POOL_FLAGS, POOL_USAGE, poolWorkers, startPool } from '../openPool.ts';
import { poolExecutor } from '../queuePools.ts';
import { timeoutFlag } from '../poolFlags.ts';
import { choiceFlag, intFlag, optionalIntFlag, parseFlags, required, secondsFlag } from '../parseFlags.ts';
import { readDataset } from '../readDataset.ts';
import { readDomainRules } from '../readDomainRules.ts';
import { readText } from '../readSimulator.ts';
import { DEFAULT_KEY_ENV, PLACEHOLDER_API_KEY, resolveApiKey } from '../resolveApiKey.ts';
import { createLoopFiles } from '../writeLoopFiles.ts';

const ENV_IDS: string[] = listEnvironments().map((e) => e.id);

const USAGE = `Usage: gsim loop (--env ENV | --data FILE) [--knowledge FILE.md] [--rules FILE.js|FILE.json]
                 --provider openai|anthropic --model NAME [--base-url URL] [--key-env NAME]
                 [--iterations N] [--patience N] [--method ga|cmaes] [--generations N] [--popsize N] [--mc K]
                 [--seed N] [--temperature T] [--max-tokens N] [--states K|all] [--samples N]
                 [--out DIR] [--workers N] [--timeout S] [--json]

Runs the G-Sim loop: the model proposes a simulator, its parameters are calibrated on the train
split (on the worker pool), it is diagnosed on the val split (validation metrics, domain-rule
violations), and the model reflects on the results to propose the next one. Ctrl-C stops cleanly
and reports the iterations finished so far (exit code 130).
  --env          ${ENV_IDS.join(' | ')}: knowledge, variables, domain rules and (unless --data) data
                 generated with --seed from the built-in ground truth; the benchmark W1 against it
                 is reported per iteration
  --data         a dataset (gsim data / the studio's export) or a trajectory CSV
  --knowledge    domain knowledge (Markdown); required with --data that has no built-in environment
  --rules        domain rules replacing the defaults: JSON [{ "id", "description", "check" }] or a JS
                 module exporting them (default export or \`rules\`)
  --provider     openai (OpenAI and OpenAI-compatible servers) or anthropic
  --model        model name, e.g. gpt-4o or claude-sonnet-4-5
  --base-url     API root: an OpenAI-compatible server's, e.g. http://127.0.0.1:8000/v1 (anthropic: the origin)
  --key-env      environment variable holding the API key (default ${DEFAULT_KEY_ENV.openai} or
                 ${DEFAULT_KEY_ENV.anthropic}); the key is never printed or written. Without a key,
                 --base-url servers get a placeholder.
  --iterations   iterations (default ${GSIM_LOOP_DEFAULTS.maxIterations})
  --patience     stop after this many iterations without a better val score (default ${GSIM_LOOP_DEFAULTS.patience})
  --method       ga (default) or cmaes; --generations, --popsize as gsim calibrate (default: the converge
                 budget and the energy score; --generations N gives the paper's fixed budget, e.g. ${GA_DEFAULTS.generations} × ${GA_DEFAULTS.popsize})
  --mc           Monte-Carlo draws per training transition (default ${DEFAULT_MC})
  --seed         seed of the data, the calibrations and the diagnostics (default 1)
  --temperature  sampling temperature (the provider's default when absent)
  --max-tokens   output token limit per request
  --states       benchmark start states: a seeded subset of K (default ${DEFAULT_BENCHMARK_STATES}) or all
  --samples      benchmark samples per start state (default 200)
  --out          directory for iteration-N.js (each iteration's code) and lineage.json
${POOL_USAGE}`;

/** `gsim loop`: the headless G-Sim loop. */
export const loopCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('loop', ctx.argv, {
      env: { type: 'string' },
      data: { type: 'string' },
      knowledge: { type: 'string' },
      rules: { type: 'string' },
      provider: { type: 'string' },
      model: { type: 'string' },
      'base-url': { type: 'string' },
      'key-env': { type: 'string' },
      iterations: { type: 'string' },
      patience: { type: 'string' },
      method: { type: 'string' },
      generations: { type: 'string' },
      popsize: { type: 'string' },
      mc: { type: 'string' },
      seed: { type: 'string' },
      temperature: { type: 'string' },
      'max-tokens': { type: 'string' },
      states: { type: 'string' },
      samples: { type: 'string' },
      out: { type: 'string' },
      ...POOL_FLAGS,
    });
    // Model settings first: a wrong provider or a missing model fails before any data is read.
    const provider: ProviderKind = choiceFlag(required(f.provider, 'provider', 'loop'), 'provider', ['openai', 'anthropic'] as const, 'openai');
    const model = required(f.model, 'model', 'loop');
    const baseURL = urlFlag(f['base-url']);
    const { apiKey, source: keySource } = resolveApiKey(provider, f['key-env'], baseURL, process.env);
    const temperature = numberFlag(f.temperature, 'temperature', 0, 2);
    const maxTokens = optionalIntFlag(f['max-tokens'], 'max-tokens', 1);
    const iterations = intFlag(f.iterations, 'iterations', GSIM_LOOP_DEFAULTS.maxIterations, 1, 1000);
    const patience = intFlag(f.patience, 'patience', GSIM_LOOP_DEFAULTS.patience, 1);
    const method = choiceFlag(f.method, 'method', ['ga', 'cmaes'] as const, 'ga');
    const generations = optionalIntFlag(f.generations, 'generations', 0, 100_000);
    const popsize = optionalIntFlag(f.popsize, 'popsize', 2, 100_000);
    const mc = intFlag(f.mc, 'mc', DEFAULT_MC, 1, 10_000);
    const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const states = statesFlag(f.states);
    const samples = intFlag(f.samples, 'samples', 200, 1, 100_000);
    const workers = poolWorkers(f);
    const timeoutMs = timeoutFlag(f.timeout, DEFAULT_NODE_TIMEOUT_MS);

    const { dataset, dataLabel, envId } = loadData(f.env, f.data, seed, ctx.cwd, ctx.warn);
    const env = envId ? getEnvironment(envId) : undefined;
    let knowledge: string;
    if (f.knowledge !== undefined) knowledge = readText(f.knowledge, ctx.cwd, '--knowledge');
    else if (env) knowledge = env.knowledge;
    else throw usageError('--data without a built-in environment needs --knowledge FILE.md (the domain knowledge the model is given)');
    if (knowledge.trim() === '') throw usageError(`--knowledge file "${f.knowledge}" is empty`);
    const rules = f.rules !== undefined ? await readDomainRules(f.rules, ctx.cwd, dataset.variables) : defaultDomainRules(envId);

    const info: LoopRunInfo = {
      provider, model, baseURL: baseURL ?? null, env: envId ?? null, data: dataLabel,
      knowledge: f.knowledge ?? `built-in (${envId})`, rules: rules.map((r) => r.id), method,
      generations: generations ?? null, popsize: popsize ?? null, mc, seed, iterations, patience, workers,
    };
    const files = f.out !== undefined ? createLoopFiles(f.out, ctx.cwd) : undefined;
    const progress = createLoopProgress(ctx.stderr);
    const redact = secretRedactor(apiKey === PLACEHOLDER_API_KEY ? undefined : apiKey);
    ctx.warn(`${provider} model ${model}${baseURL ? ` at ${baseURL}` : ''}, API key from ${keySource}; ${iterations} iteration${iterations === 1 ? '' : 's'} on ${workers} worker${workers === 1 ? '' : 's'}`);

    const pool = await startPool(f);
    // Never runs a candidate: the benchmark's truth half is computed here (see poolBenchmarkW1).
    const truthPool = dataset.env ? createTruthPool(workers, timeoutMs) : undefined;
    const t0 = performance.now();
    try {
      const callbacks = poolLoopCallbacks(pool, {
        dataset, rules, calibrator: CALIBRATORS[method], generations, popsize, mc, seed, timeoutMs,
        benchmark: dataset.env ? { truthSource: getEnvironment(dataset.env).groundTruthSource, trueParams: getEnvironment(dataset.env).trueParams, states, samples, truthPool } : undefined,
        onCalibrationProgress: (p) => progress.onCalibrationProgress(p),
        now: () => performance.now(),
      });
      const result = await runGsimLoop({
        provider: createChatProvider({
          kind: provider, apiKey, baseURL,
          onRetry: (e) => ctx.warn(`rate-limited (${redact(e.message)}); retry ${e.attempt} in ${(e.delayMs / 1000).toFixed(1)} s`),
        }),
        model: { model, ...(temperature !== undefined ? { temperature } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}) },
        knowledge, variables: dataset.variables, data: trainingDataSummary(dataset),
        ...callbacks,
        maxIterations: iterations, patience,
        signal: ctx.signal,
        events: {
          ...progress.events,
          onIterationDone: (e) => {
            progress.events.onIterationDone?.(e);
            files?.writeIteration(e.record);
          },
        },
      });
      progress.done();
      const seconds = (performance.now() - t0) / 1000;
      files?.writeLineage(redact(loopResultJson(result, info, seconds, true)));
      if (result.error) ctx.warn(redact(result.error.message));
      const exitCode = result.stopReason === 'aborted' ? 130 : result.stopReason === 'llm-error' ? 1 : 0;
      return { json: { ...redact(loopResultJson(result, info, seconds)), executor: poolExecutor(pool) }, text: formatLoopText(result, info, seconds), exitCode };
    } finally {
      progress.done();
      pool.terminate();
      truthPool?.terminate();
    }
  },
};

const CALIBRATORS: Record<'ga' | 'cmaes', Calibrator> = { ga: geneticAlgorithm, cmaes };

/**
 * The dataset, from `--data` or generated from `--env` with the seed (the default 100/100/100
 * trajectories), and the environment it belongs to (`--env`, else the dataset's own `env`).
 */
function loadData(
  envFlag: string | undefined,
  dataPath: string | undefined,
  seed: number,
  cwd: string,
  warn: (m: string) => void,
): { dataset: Dataset; dataLabel: string; envId: string | undefined } {
  if (envFlag !== undefined && !ENV_IDS.includes(envFlag)) throw usageError(`unknown environment "${envFlag}" for --env: expected one of ${ENV_IDS.join(', ')}`);
  if (dataPath === undefined) {
    if (envFlag === undefined) throw usageError('gsim loop needs --env ENV or --data FILE (see gsim loop --help)');
    const dataset = generateDataset(getEnvironment(envFlag), seed);
    return { dataset, dataLabel: `generated from ${envFlag} with seed ${seed}`, envId: envFlag };
  }
  const { dataset, warnings } = readDataset(dataPath, cwd);
  warnings.forEach(warn);
  if (envFlag !== undefined) {
    if (dataset.env !== undefined && dataset.env !== envFlag) throw usageError(`--data "${dataPath}" was generated from ${dataset.env}, not --env ${envFlag}`);
    const expected = getEnvironment(envFlag).variables;
    if (expected.join() !== dataset.variables.join()) {
      throw usageError(`--data "${dataPath}" has variables ${dataset.variables.join(', ')}, but --env ${envFlag} observes ${expected.join(', ')}`);
    }
  }
  if (dataset.splits.train.length === 0) throw usageError(`--data "${dataPath}" has no train trajectories: calibration fits on them`);
  if (dataset.splits.val.length === 0) throw usageError(`--data "${dataPath}" has no val trajectories: the loop scores candidates on them`);
  return { dataset, dataLabel: dataPath, envId: envFlag ?? dataset.env };
}

/** An optional URL flag (`--base-url`). */
function urlFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw usageError(`--base-url must be an http(s) URL such as http://127.0.0.1:8000/v1, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** An optional number flag within [min, max]. */
function numberFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw usageError(`--${flag} must be a number in ${min}..${max}, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * Removes the API key from anything printed or written (belt and braces: a server could echo it in an
 * error message). Works on strings and on JSON-able objects.
 */
function secretRedactor(secret: string | undefined): <T>(v: T) => T {
  return <T>(v: T): T => {
    if (!secret || secret.length < 8) return v;
    if (typeof v === 'string') return v.split(secret).join('[redacted]') as T;
    const text = JSON.stringify(toJsonValue(v));
    return (text.includes(secret) ? JSON.parse(text.split(secret).join('[redacted]')) : v) as T;
  };
}
