import { useEffect, useRef, useState } from 'react';
import type { Dataset, SplitName } from '../../../core/data/Dataset.ts';
import type { LoadResult } from '../../../core/runtime/createSimWorkerApi.ts';
import { createLatestOnly, type LatestOnly } from '../../lib/createLatestOnly.ts';
import { getExplorePool } from '../../lib/simPools.ts';
import { fanBands } from '../../model/diagnosticsFromWorkers.ts';
import type { FanBand } from '../../model/FanBand.ts';

/** Rollouts per fan chart and the validation budget: small enough to answer a slider in ~100 ms. */
export const LIVE_BUDGET = { rollouts: 40, samples: 10, validationRollouts: 10, maxTransitions: 300, maxTrajectories: 10, seed: 1 } as const;
/** Slider moves closer together than this are one request. */
const DEBOUNCE_MS = 60;

/** One answer of the workers to a slider position. */
export interface LiveResult {
  params: Record<string, number>;
  fans: FanBand[];
  rolloutW1: number;
  perVariableMse: Record<string, number>;
  /** Wall time from request to answer. */
  ms: number;
}

export interface LiveState {
  result: LiveResult | null;
  error: string | null;
  pending: boolean;
}

/**
 * Re-simulates rollouts of one trajectory (and a small validation) in the explore worker whenever the
 * parameters change: debounced, latest-only (superseded positions never start), with the same seed
 * every time so only the parameters move the fan. The worker loads the program and data once per
 * program/dataset.
 */
export function useLiveRollouts(source: string, dataset: Dataset | null, split: SplitName, trajectory: number, params: Record<string, number> | null): LiveState {
  const [state, setState] = useState<LiveState>({ result: null, error: null, pending: false });
  const queue = useRef<LatestOnly<Record<string, number>> | null>(null);

  useEffect(() => {
    if (!dataset || !source.trim()) return;
    const pool = getExplorePool();
    const loaded: Promise<LoadResult> = pool.broadcast((api) => api.load(source, dataset)).then((all) => all[0]);
    const q = createLatestOnly(
      async (p: Record<string, number>, signal) => {
        const t0 = performance.now();
        const load = await loaded;
        if (!load.ok) throw new Error(load.error.message);
        const [bands, validation] = await Promise.all([
          pool.run((api) => api.rollouts({ params: p, split, trajectories: [trajectory], rollouts: LIVE_BUDGET.rollouts, seed: LIVE_BUDGET.seed }), { signal }),
          pool.run(
            (api) =>
              api.validation({
                params: p,
                split,
                seed: LIVE_BUDGET.seed,
                samples: LIVE_BUDGET.samples,
                rollouts: LIVE_BUDGET.validationRollouts,
                maxTransitions: LIVE_BUDGET.maxTransitions,
                maxTrajectories: LIVE_BUDGET.maxTrajectories,
              }),
            { signal },
          ),
        ]);
        if (!bands.ok) throw new Error(bands.error.message);
        if (!validation.ok) throw new Error(validation.error.message);
        return { params: p, fans: fanBands(bands.value), rolloutW1: validation.value.rolloutW1, perVariableMse: validation.value.perVariableMse, ms: performance.now() - t0 };
      },
      (r) => setState(r.ok ? { result: r.value, error: null, pending: false } : { result: null, error: r.error instanceof Error ? r.error.message : String(r.error), pending: false }),
    );
    queue.current = q;
    return () => {
      q.dispose();
      if (queue.current === q) queue.current = null;
    };
  }, [source, dataset, split, trajectory]);

  const paramsKey = params ? JSON.stringify(params) : '';
  useEffect(() => {
    if (!params) return;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => queue.current?.submit(params), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paramsKey, source, dataset, split, trajectory]);

  return state;
}
