import { proxy, wrap, type Remote } from 'comlink';
import type { BaselineSessionApi } from '../../../core/baselines/baselineSession.ts';

let worker: Remote<BaselineSessionApi> | null = null;

/** The baselines' worker (workers/baselineWorker.ts), made on first use and kept (it holds the ONNX runtime). */
export function getBaselineWorker(): Remote<BaselineSessionApi> {
  worker ??= wrap<BaselineSessionApi>(new Worker(new URL('../../../../workers/baselineWorker.ts', import.meta.url), { type: 'module', name: 'gsim-baselines' }));
  return worker;
}

export { proxy };
