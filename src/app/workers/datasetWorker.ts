/// <reference lib="webworker" />
/**
 * Generates a benchmark dataset off the main thread (the hospital's takes ~0.6 s). A thin adapter
 * over core's generateDataset (style P3); one request per message, answered in order.
 */
import { generateDataset } from '../../core/data/generateDataset.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { encodeDataset } from '../../sandbox/browser/encodedDataset.ts';
import type { DatasetBytes, DatasetRequest, DatasetReply } from './datasetMessages.ts';

self.onmessage = async (e: MessageEvent<DatasetRequest>) => {
  const { id, env, seed } = e.data;
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  let reply: DatasetReply;
  try {
    reply = { id, ok: true, dataset: generateDataset(getEnvironment(env), seed) };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
  // Then its bytes (transferred), so the page never stringifies or clones the dataset per sim worker.
  if ('dataset' in reply) {
    const bytes: DatasetBytes = { id, bytes: (await encodeDataset(reply.dataset)).bytes };
    scope.postMessage(bytes, [bytes.bytes]);
  }
};
