import { covid } from './covid.ts';
import type { Environment } from './Environment.ts';
import { hospital } from './hospital.ts';
import { supplyChain } from './supplyChain.ts';

const ALL: readonly Environment[] = [covid, supplyChain, hospital];

/** The built-in benchmarks in display order: COVID-19, supply chain, hospital. */
export function listEnvironments(): Environment[] {
  return [...ALL];
}

/**
 * The built-in benchmark with the given id.
 * @param id one of `covid`, `supply-chain`, `hospital`.
 * @throws Error naming the unknown id and the valid ones.
 * @example
 * getEnvironment('covid').trueParams; // { beta: 0.5, gamma: 0.1 }
 */
export function getEnvironment(id: string): Environment {
  const env = ALL.find((e) => e.id === id);
  if (!env) {
    throw new Error(`Unknown environment ${JSON.stringify(id)}: expected one of ${ALL.map((e) => e.id).join(', ')}`);
  }
  return env;
}
