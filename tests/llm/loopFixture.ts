import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import { calibrateCandidate } from '../../src/core/llm/calibrateCandidate.ts';
import { defaultDomainRules } from '../../src/core/llm/defaultDomainRules.ts';
import { diagnoseCandidate } from '../../src/core/llm/diagnoseCandidate.ts';
import type { GsimLoopOptions } from '../../src/core/llm/GsimLoop.ts';
import { trainingDataSummary } from '../../src/core/llm/taskPrompt.ts';
import { compileSimulator } from '../../src/core/sim/compileSimulator.ts';
import type { Sleep } from '../../src/llm/abortableSleep.ts';

/** The small COVID dataset of the loop tests (10 / 5 / 5 trajectories of 60 steps, seed 1). */
export const covidEnv = getEnvironment('covid');
export const covidData = generateDataset(covidEnv, 1, { train: 10, val: 5, test: 5 });

/**
 * The real core behind the loop's callbacks with a tiny budget (GA popsize 8, 2 generations, one draw
 * per transition; 5 samples and rollouts in diagnostics), so a whole loop runs in well under a second.
 * `calibrations` counts the calibrate calls (identical code must not add one).
 */
export function realCallbacks(): Pick<GsimLoopOptions, 'calibrate' | 'diagnose' | 'knowledge' | 'variables' | 'data'> & { calibrations: string[] } {
  const calibrations: string[] = [];
  return {
    calibrations,
    knowledge: covidEnv.knowledge,
    variables: covidData.variables,
    data: trainingDataSummary(covidData),
    calibrate: async (code, warmStart) => {
      calibrations.push(code);
      return calibrateCandidate({ code, dataset: covidData, warmStart, seed: 1, popsize: 8, generations: 2, mc: 1 });
    },
    diagnose: async (code, params) =>
      diagnoseCandidate({ sim: compileSimulator(code), params, dataset: covidData, rules: defaultDomainRules('covid'), seed: 1, samples: 5, rollouts: 5, ruleRollouts: 3 }),
  };
}

/** A {@link Sleep} that waits no time and records what it was asked to wait. */
export function recordingSleep(): Sleep & { waits: number[] } {
  const waits: number[] = [];
  const sleep = (async (ms: number) => {
    waits.push(ms);
  }) as Sleep & { waits: number[] };
  sleep.waits = waits;
  return sleep;
}
