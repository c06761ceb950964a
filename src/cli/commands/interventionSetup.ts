import { getEnvironment, listEnvironments } from '../../core/envs/environments.ts';
import type { Environment } from '../../core/envs/Environment.ts';
import { compileSimulator } from '../../core/sim/compileSimulator.ts';
import type { CompiledSimulator } from '../../core/sim/types.ts';
import { usageError } from '../CliError.ts';
import { numbersObjectFlag, required } from '../parseFlags.ts';
import { readSimulator } from '../readSimulator.ts';
import { resolveParams, type ResolvedParams } from '../resolveParams.ts';

/** What whatif and policy share: the model, the benchmark's truth, and common start states. */
export interface InterventionSetup {
  simLabel: string;
  env: Environment;
  model: CompiledSimulator;
  params: Record<string, number>;
  defaulted: ResolvedParams['defaulted'];
  truth: CompiledSimulator;
  /** True when --sim is the benchmark's own ground truth (the model is the truth). */
  modelIsTruth: boolean;
}

/**
 * Reads --sim, --env and --params. `--env` may be left out with `--sim gt:ENV`. Programs compile
 * here to read their parameters; the rollouts themselves run on the worker pool under its time limit.
 */
export function interventionSetup(command: string, f: { sim?: string; env?: string; params?: string }, cwd: string): InterventionSetup {
  const sim = readSimulator(required(f.sim, 'sim', command), cwd);
  const envId = f.env ?? sim.groundTruthOf?.id;
  if (envId === undefined) throw usageError(`gsim ${command} needs --env (${listEnvironments().map((e) => e.id).join(', ')}): the benchmark whose truth, start states and policy to use`);
  if (!listEnvironments().some((e) => e.id === envId)) {
    throw usageError(`unknown environment "${envId}" for --env: expected one of ${listEnvironments().map((e) => e.id).join(', ')}`);
  }
  const env = getEnvironment(envId);
  if (sim.groundTruthOf && sim.groundTruthOf.id !== env.id) throw usageError(`--sim ${sim.label} does not match --env ${env.id}`);
  const model = compileSimulator(sim.source);
  const { values, defaulted } = resolveParams(model.parameters, numbersObjectFlag(f.params, 'params'), sim.groundTruthOf?.trueParams);
  return {
    simLabel: sim.label, env, model, params: values, defaulted,
    truth: compileSimulator(env.groundTruthSource), modelIsTruth: sim.groundTruthOf !== undefined,
  };
}
