import type { Dataset } from '../core/data/Dataset.ts';
import { generateDataset } from '../core/data/generateDataset.ts';
import { getEnvironment } from '../core/envs/environments.ts';
import { createBrowserPool, type BrowserSimPool } from './createBrowserPool.ts';
import { probeProgram, type ProbeOutcome, type ProbePhase } from './probeProgram.ts';

let pool: BrowserSimPool | undefined;
let data: Dataset | undefined;

/**
 * Runs a program through a real browser pool (two sandboxed workers, 1 s time limit) on a small COVID
 * dataset and reports how it ended: the hostile corpus's browser runner (e2e/hostile.spec.ts) calls it
 * through `window.__studioTestApi.probeProgram`. The pool is the studio's own kind, made on first use.
 */
export function probeInBrowserPool(source: string, phase: ProbePhase): Promise<ProbeOutcome> {
  pool ??= createBrowserPool({ size: 2, timeoutMs: 1000 });
  data ??= generateDataset(getEnvironment('covid'), 1, { train: 2, val: 1, test: 1, horizon: 5 });
  return probeProgram(pool, source, data, phase, () => performance.now());
}
