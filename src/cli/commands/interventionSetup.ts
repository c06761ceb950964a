import { getEnvironment, listEnvironments } from '../../core/envs/environments.ts';
import type { Environment } from '../../core/envs/Environment.ts';
import { compileSimulator } from '../../core/sim/compileSimulator.ts';
import type { CompiledSimulator, ParameterSpec } from '../../core/sim/types.ts';
import { usageError } from '../CliError.ts';
import { numbersObjectFlag, required } from '../parseFlags.ts';
import { readProgramParameters } from '../readProgramParameters.ts';
import { readSimulator } from '../readSimulator.ts';
import { resolveParams, type ResolvedParams } from '../resolveParams.ts';

/** What whatif and policy share: the model, the benchmark's truth, and common start states. */
export interface InterventionSetup {
  simLabel: string;
  env: Environment;
  /** The program under study: its source and declared parameters (read in an isolated worker process). */
  model: { source: string; parameters: ParameterSpec[] };
  params: Record<string, number>;
  defaulted: ResolvedParams['defaulted'];
  /** The benchmark's ground truth (shipped with gsim, so compiled here; its rollouts run on a pool of their own). */
  truth: CompiledSimulator;
  /** True when --sim is the benchmark's own ground truth (the model is the truth). */
  modelIsTruth: boolean;
}

/**
 * Reads --sim, --env and --params. `--env` may be left out with `--sim gt:ENV`. The model is loaded in
 * an isolated worker process to read its parameters (top level limited to a few seconds); the rollouts
 * themselves run on the worker pool under its time limit.
 */
export async function interventionSetup(
  command: string,
  f: { sim?: string; env?: string; params?: string },
  cwd: string,
  signal?: AbortSignal,
): Promise<InterventionSetup> {
  const sim = readSimulator(required(f.sim, 'sim', command), cwd);
  const envId = f.env ?? sim.groundTruthOf?.id;
  if (envId === undefined) throw usageError(`gsim ${command} needs --env (${listEnvironments().map((e) => e.id).join(', ')}): the benchmark whose truth, start states and policy to use`);
  if (!listEnvironments().some((e) => e.id === envId)) {
    throw usageError(`unknown environment "${envId}" for --env: expected one of ${listEnvironments().map((e) => e.id).join(', ')}`);
  }
  const env = getEnvironment(envId);
  if (sim.groundTruthOf && sim.groundTruthOf.id !== env.id) throw usageError(`--sim ${sim.label} does not match --env ${env.id}`);
  const params = numbersObjectFlag(f.params, 'params');
  const model = { source: sim.source, parameters: await readProgramParameters(sim.source, env.variables, signal) };
  const { values, defaulted } = resolveParams(model.parameters, params, sim.groundTruthOf?.trueParams);
  return {
    simLabel: sim.label, env, model, params: values, defaulted,
    truth: compileSimulator(env.groundTruthSource), modelIsTruth: sim.groundTruthOf !== undefined,
  };
}
