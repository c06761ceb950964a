import { wrap, type Remote } from 'comlink';
import type { NpeSessionApi } from '../../core/npe/npeSession.ts';

let worker: Remote<NpeSessionApi> | null = null;

/**
 * The studio's NPE worker (workers/npeWorker.ts), made on first use and kept: it holds the last trained
 * estimator for "Export .onnx". Training and sampling run there with onnxruntime-web, off the page.
 */
export function getNpeWorker(): Remote<NpeSessionApi> {
  worker ??= wrap<NpeSessionApi>(new Worker(new URL('../../../workers/npeWorker.ts', import.meta.url), { type: 'module', name: 'gsim-npe' }));
  return worker;
}
