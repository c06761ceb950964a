import type { Dataset } from '../core/data/Dataset.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError, type SimulatorErrorCode } from '../core/sim/SimulatorError.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { WorkerPool } from './WorkerPool.ts';

/** How far a probe goes: compile only, or compile and take one rollout of the first train trajectory. */
export type ProbePhase = 'load' | 'step';

/** What a program did when probed: its error (code and message), or the first state it stepped to. */
export interface ProbeOutcome {
  code: SimulatorErrorCode | 'ok' | 'crash';
  message: string;
  /** Observed variables after one step (phase 'step', when it ran). */
  state?: Record<string, number>;
  /** Wall time of the probe in milliseconds. */
  ms: number;
}

/**
 * Runs a program the way the studio and the CLI do (broadcast `load`, then a rollout on the pool) and
 * reports how it ended instead of throwing. Used by the hostile-program corpus in Node and, through
 * `window.__studioTestApi`, in the browser. `now` is the clock (performance.now in both).
 */
export async function probeProgram(
  pool: WorkerPool<RemoteApi<SimWorkerApi>>,
  source: string,
  dataset: Dataset,
  phase: ProbePhase,
  now: () => number,
): Promise<ProbeOutcome> {
  const t0 = now();
  const done = (o: Omit<ProbeOutcome, 'ms'>): ProbeOutcome => ({ ...o, ms: now() - t0 });
  try {
    const [loaded] = await pool.broadcast((api) => api.load(source, dataset));
    if (!loaded.ok) return done({ code: loaded.error.code, message: loaded.error.message });
    if (phase === 'load') return done({ code: 'ok', message: '' });
    const params = Object.fromEntries(loaded.parameters.map((p) => [p.name, p.init ?? (p.min + p.max) / 2]));
    const r = await pool.run((api) => api.rollouts({ params, split: 'train', trajectories: [0], rollouts: 1, includeEnsemble: true, seed: 1 }));
    if (!r.ok) return done({ code: r.error.code, message: r.error.message });
    const [bands] = r.value;
    const dim = bands.variables.length;
    const state = Object.fromEntries(bands.variables.map((v, j) => [v, bands.ensemble![dim + j]]));
    return done({ code: 'ok', message: '', state });
  } catch (e) {
    if (e instanceof SimulatorError) return done({ code: e.code, message: e.message });
    return done({ code: 'crash', message: e instanceof Error ? e.message : String(e) });
  }
}
