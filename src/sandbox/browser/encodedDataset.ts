import type { Dataset } from '../../core/data/Dataset.ts';

/**
 * A dataset as UTF-8 JSON bytes, for broadcasting to the simulation workers. Posting a Dataset object
 * structured-clones its object graph on the page's main thread once per worker: the hospital data
 * (33 MB of JSON, patient lists in every state) blocked the page for seconds when a run started.
 * Encoding on the main thread is no cure (JSON.stringify of that dataset took as long), so the bytes
 * are made where the dataset is made, in the dataset worker, and remembered for the dataset object
 * ({@link rememberEncoded}); a broadcast then copies one buffer per worker (a memcpy) and each worker
 * decodes it off the main thread. A dataset with no bytes known is posted as before.
 */
export interface EncodedDataset {
  format: 'gsim-dataset-utf8';
  /** gzip-compressed UTF-8 JSON: the sandbox's workers live in another process, so every byte crosses. */
  bytes: ArrayBuffer;
}

const known = new WeakMap<Dataset, Promise<EncodedDataset | null>>();

/** The dataset's bytes, gzip-compressed (run it off the main thread: it stringifies the whole dataset). */
export async function encodeDataset(dataset: Dataset): Promise<EncodedDataset> {
  const json = new Blob([JSON.stringify(dataset)]).stream().pipeThrough(new CompressionStream('gzip'));
  return { format: 'gsim-dataset-utf8', bytes: await new Response(json).arrayBuffer() };
}

/**
 * Remembers bytes being encoded elsewhere (the dataset worker) for this dataset object, while it
 * lives; `bytes` resolves to null when they will not come.
 */
export function rememberEncoded(dataset: Dataset, bytes: Promise<ArrayBuffer | null>): void {
  known.set(dataset, bytes.then((b) => (b ? { format: 'gsim-dataset-utf8', bytes: b } : null)));
}

/**
 * What to post to the workers for this dataset: its remembered bytes (waiting for them when still
 * being encoded: a wait of a second keeps the page responsive, a clone per worker blocks it), else the
 * dataset itself.
 */
export async function datasetForWorkers(dataset: Dataset): Promise<Dataset | EncodedDataset> {
  return (await known.get(dataset)) ?? dataset;
}

/** True for what {@link encodeDataset} makes (checked in the worker before decoding). */
export function isEncodedDataset(x: unknown): x is EncodedDataset {
  return typeof x === 'object' && x !== null && (x as EncodedDataset).format === 'gsim-dataset-utf8' && (x as EncodedDataset).bytes instanceof ArrayBuffer;
}

/** Browser APIs the decoder needs, taken before a worker's globals are stripped. */
export interface DecodeApis {
  Blob: typeof Blob;
  Response: typeof Response;
  DecompressionStream: typeof DecompressionStream;
}

/** The dataset a worker's `load` receives: decoded when encoded, else as given. */
export async function decodeDataset(x: Dataset | EncodedDataset, apis: DecodeApis): Promise<Dataset> {
  if (!isEncodedDataset(x)) return x;
  const json = new apis.Blob([x.bytes]).stream().pipeThrough(new apis.DecompressionStream('gzip'));
  return JSON.parse(await new apis.Response(json).text()) as Dataset;
}
