import type { IterationRecord, StopReason } from './GsimLoop.ts';
import { normalizeCode } from './normalizeCode.ts';

/**
 * The loop's bookkeeping between iterations, changed only by {@link appendIteration}: the lineage,
 * the best candidate and the patience counter (paper notes §4.1: early stopping when the best
 * validation score has not improved for `patience` consecutive iterations).
 */
export interface LoopState {
  readonly records: readonly IterationRecord[];
  /** Index into `records` of the lowest finite validation score (first one wins ties). */
  readonly bestIndex: number | undefined;
  /** Consecutive iterations since the best improved (failed iterations count: they did not improve it). */
  readonly stale: number;
}

/**
 * The state a run starts from, replaying an earlier run's iterations. The patience counter starts at
 * zero even then: a resumed run (typically after the user edited the code) deserves a fresh budget.
 * @param history iterations of an earlier run, in order.
 */
export function initialLoopState(history: readonly IterationRecord[] = []): LoopState {
  let state: LoopState = { records: [], bestIndex: undefined, stale: 0 };
  for (const r of history) state = appendIteration(state, r);
  return { ...state, stale: 0 };
}

/**
 * Adds a finished iteration: it becomes the best when its score is finite and strictly lower than the
 * best so far; otherwise the patience counter grows.
 * @returns a new state (the input is not changed).
 */
export function appendIteration(state: LoopState, record: IterationRecord): LoopState {
  const records = [...state.records, record];
  const best = state.bestIndex === undefined ? Infinity : state.records[state.bestIndex].valScore;
  if (Number.isFinite(record.valScore) && record.valScore < best) {
    return { records, bestIndex: records.length - 1, stale: 0 };
  }
  return { records, bestIndex: state.bestIndex, stale: state.stale + 1 };
}

/** The best candidate so far, or undefined when no iteration has a finite score. */
export function bestRecord(state: LoopState): IterationRecord | undefined {
  return state.bestIndex === undefined ? undefined : state.records[state.bestIndex];
}

/**
 * Why the loop must stop after the latest iteration, if it must.
 * @param done new iterations run in this call.
 * @param maxIterations new iterations allowed.
 * @param patience iterations without improvement tolerated.
 */
export function stopReasonAfter(state: LoopState, done: number, maxIterations: number, patience: number): StopReason | undefined {
  if (done >= maxIterations) return 'max-iterations';
  if (state.stale >= patience) return 'patience';
  return undefined;
}

/**
 * The k working candidates with the lowest validation scores, sorted with the best LAST (the order the
 * reflection prompt shows them in; paper notes §4.6). Failed iterations and reused duplicates are left
 * out; equal scores keep the earlier iteration as the better one.
 * @param records every iteration so far.
 * @param k how many to keep (0 gives none).
 */
export function topCandidates(records: readonly IterationRecord[], k: number): IterationRecord[] {
  const working = records.filter((r) => Number.isFinite(r.valScore) && r.reusedFrom === undefined && r.code !== undefined);
  const ranked = working
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.valScore - b.r.valScore || a.i - b.i)
    .slice(0, Math.max(0, k));
  return ranked.reverse().map((x) => x.r);
}

/**
 * The earliest iteration whose code equals `code` up to whitespace and that was itself evaluated
 * (not a reuse), so identical code is not recalibrated.
 */
export function sameCodeAs(records: readonly IterationRecord[], code: string): IterationRecord | undefined {
  const key = normalizeCode(code);
  return records.find((r) => r.reusedFrom === undefined && r.code !== undefined && normalizeCode(r.code) === key);
}

/**
 * The warm start for the next calibration: the best candidate's fitted values by name (paper E.3.1:
 * reuse the previous best when only the structure changes; calibrators ignore names a new program lacks).
 */
export function warmStartFrom(state: LoopState): Record<string, number> | undefined {
  const best = bestRecord(state);
  return best?.params ? { ...best.params } : undefined;
}
