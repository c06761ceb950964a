import { decay } from './decay.ts';
import { flowBalance } from './flowBalance.ts';
import { geneExpression } from './geneExpression.ts';
import { hiddenSeir } from './hiddenSeir.ts';
import { logisticGrowth } from './logisticGrowth.ts';
import { perishableInventory } from './perishableInventory.ts';
import { predatorPrey } from './predatorPrey.ts';
import { slowDiffusion } from './slowDiffusion.ts';
import { stagePopulation } from './stagePopulation.ts';
import type { SuiteEnvironment } from './SuiteEnvironment.ts';
import { thermostat } from './thermostat.ts';

const ALL: readonly SuiteEnvironment[] = [
  decay, flowBalance, logisticGrowth, hiddenSeir, perishableInventory, thermostat, geneExpression, predatorPrey, stagePopulation, slowDiffusion,
];

/** The calibration robustness suite, smallest problems first (a test bed, not studio benchmarks). */
export function listSuiteEnvironments(): SuiteEnvironment[] {
  return [...ALL];
}

/**
 * The suite environment with the given id.
 * @throws Error naming the unknown id and the valid ones.
 */
export function getSuiteEnvironment(id: string): SuiteEnvironment {
  const env = ALL.find((e) => e.id === id);
  if (!env) throw new Error(`Unknown suite environment ${JSON.stringify(id)}: expected one of ${ALL.map((e) => e.id).join(', ')}`);
  return env;
}
