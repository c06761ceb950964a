/// <reference lib="webworker" />
/**
 * Reads an imported file off the main thread (a 100 MB CSV takes seconds to decode and parse): one
 * request, one reply, then the page terminates the worker, which frees the file's text. A thin adapter
 * over readDatasetImport.
 */
import { readDatasetImport } from '../model/readDatasetImport.ts';
import type { DatasetImportReply, DatasetImportRequest } from './datasetImportMessages.ts';

self.onmessage = async (e: MessageEvent<DatasetImportRequest>) => {
  const { file, fileName } = e.data;
  let reply: DatasetImportReply;
  try {
    reply = readDatasetImport(fileName, await file.text());
  } catch (err) {
    // Not a data problem (e.g. out of memory): report it as a failure without a location.
    const message = `Could not read ${fileName}: ${err instanceof Error ? err.message : String(err)}`;
    reply = { ok: false, failure: { message }, chars: file.size };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
