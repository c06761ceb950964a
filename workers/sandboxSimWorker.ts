// Browser simulation worker, started from a blob by the sandbox iframe (src/sandbox/browser): an
// opaque-origin document whose CSP forbids connections, so nothing here can reach the studio's
// origin or the network. Bundled as one classic script (src/sandbox/build/simWorkerSourcePlugin.ts),
// because an opaque origin cannot load the studio's module chunks. A thin adapter (style P3): the
// first message carries the MessagePort the page talks to; all logic is core's createSimWorkerApi.
import { expose } from 'comlink';
import { createSimWorkerApi } from '../src/core/runtime/createSimWorkerApi.ts';
import { decodeDataset, type EncodedDataset } from '../src/sandbox/browser/encodedDataset.ts';
import { stripWorkerGlobals } from '../src/sandbox/browser/stripWorkerGlobals.ts';
import type { Dataset } from '../src/core/data/Dataset.ts';

const scope = globalThis as unknown as { addEventListener: typeof addEventListener; removeEventListener: typeof removeEventListener };

function onPort(e: MessageEvent): void {
  const port = (e.data as { port?: unknown } | null)?.port;
  if (!(port instanceof MessagePort)) return;
  scope.removeEventListener('message', onPort as EventListener);
  const apis = { Blob, Response, DecompressionStream }; // taken before the globals are stripped
  stripWorkerGlobals();
  const api = createSimWorkerApi();
  // The page broadcasts datasets as compressed bytes (encodedDataset.ts); core's load takes the object.
  const load = api.load.bind(api);
  const loadEncoded = async (source: string, dataset: Dataset | EncodedDataset) => load(source, await decodeDataset(dataset, apis));
  expose({ ...api, load: loadEncoded }, port);
}
scope.addEventListener('message', onPort as EventListener);
