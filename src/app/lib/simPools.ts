/**
 * The studio's simulation workers, made lazily on first use. Two pools, so that checking the editor's
 * working copy never reloads the workers a calibration is using:
 * - the run pool (one worker per core, at most 4) scores candidates and computes diagnostics;
 * - the check pool (one worker, short time limit) compiles the working copy as the user types.
 */
import { createBrowserPool, type BrowserSimPool } from '../../pool/createBrowserPool.ts';

/** The type of a studio worker pool. */
export type SimPool = BrowserSimPool;

let runPool: SimPool | null = null;
let checkPool: SimPool | null = null;

/** Workers for calibration and diagnostics: leave one core to the page, use at least 1 and at most 4. */
export function runPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores - 1 || 1, cores));
}

/** The calibration pool (created on first call). */
export function getRunPool(): SimPool {
  runPool ??= createBrowserPool({ size: Math.max(2, runPoolSize()), timeoutMs: 60_000 });
  return runPool;
}

/** The one-worker compile-check pool; a program that loops at top level is stopped after 3 s. */
export function getCheckPool(): SimPool {
  checkPool ??= createBrowserPool({ size: 1, timeoutMs: 3_000 });
  return checkPool;
}

let explorePool: SimPool | null = null;

/**
 * The one-worker pool of the live parameter sliders (Structure panel): its own worker, so moving a
 * slider never reloads the program a calibration is running, and a stuck program is stopped after 10 s.
 */
export function getExplorePool(): SimPool {
  explorePool ??= createBrowserPool({ size: 1, timeoutMs: 10_000 });
  return explorePool;
}

let truthPool: SimPool | null = null;

/**
 * Workers that only ever run trusted code: the benchmarks' ground truths (what-if and policy truth
 * rollouts, the truth's half of the benchmark W1). No model, project program or LLM candidate is ever
 * sent here, so nothing a model does to its own realm can change the numbers it is compared with.
 */
export function getTruthPool(): SimPool {
  truthPool ??= createBrowserPool({ size: Math.max(1, Math.min(2, runPoolSize())), timeoutMs: 60_000 });
  return truthPool;
}

/**
 * A pool for one what-if or policy run of a model, to be terminated when the run ends, so workers that
 * ran a model by source are discarded before anything else (the next run, a calibration) uses them.
 */
export function createModelRunPool(): SimPool {
  return createBrowserPool({ size: Math.max(2, runPoolSize()), timeoutMs: 60_000 });
}

/** Workers in the run pool, or 0 before it exists (status bar). */
export function runPoolWorkers(): number {
  return runPool?.size ?? 0;
}
