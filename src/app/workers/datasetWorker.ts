/// <reference lib="webworker" />
/**
 * Generates a benchmark dataset off the main thread (the hospital's takes ~0.6 s). A thin adapter
 * over core's generateDataset (style P3); one request per message, answered in order.
 */
import { generateDataset } from '../../core/data/generateDataset.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import type { DatasetRequest, DatasetReply } from './datasetMessages.ts';

self.onmessage = (e: MessageEvent<DatasetRequest>) => {
  const { id, env, seed } = e.data;
  let reply: DatasetReply;
  try {
    reply = { id, ok: true, dataset: generateDataset(getEnvironment(env), seed) };
  } catch (err) {
    reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
