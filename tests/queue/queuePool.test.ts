import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import { summarySpec } from '../../src/core/npe/summaryStatistics.ts';
import { createNodePool, type NodeSimPool } from '../../src/pool/createNodePool.ts';
import { poolEvaluator } from '../../src/pool/poolEvaluator.ts';
import { poolNpeSimulations } from '../../src/pool/poolNpeSimulations.ts';
import { QueueClient } from '../../src/pool/queue/QueueClient.ts';
import { QueuePool } from '../../src/pool/queue/QueuePool.ts';
import { JOB_ATTEMPTS, QUEUE_NAME } from '../../src/pool/queue/queueProtocol.ts';
import { runQueueWorker } from '../../src/pool/queue/runQueueWorker.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from './redisServer.ts';

// The queue pool in-process against a real redis-server and an in-process queue worker (its
// simulations still run in isolated child processes): NPE simulations, failing programs, cancellation.

const covid = getEnvironment('covid');
const dataset = generateDataset(covid, 5, { train: 3, val: 1, test: 1, horizon: 15 });

/** Throws for gamma > 0.5: those candidates fail inside the program (scored +Infinity in the batch). */
const THROWS_SOMETIMES = `const parameters = { beta: { min: 0, max: 1 }, gamma: { min: 0, max: 1 } };
function step(state, action, params, rng) {
  if (params.gamma > 0.5) throw new Error('gamma too large');
  const { S, I, R } = state;
  const N = S + I + R;
  const newInf = rng.binomial(S, Math.min(1, Math.max(0, 1 - Math.exp(-params.beta * I / N))));
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}`;
/** Never returns: every call ends at the time limit. */
const LOOPS = `const parameters = { beta: { min: 0, max: 1 } };
function step(state) { for (;;) {} }`;

const available = hasRedisServer();

describe.skipIf(!available)('QueuePool on a real Redis', () => {
  let redis: RedisServer;
  let dir: string;
  let stopWorker: AbortController | undefined;
  let worker: Promise<{ jobs: number }> | undefined;
  const open: { terminate(): void }[] = [];

  const queuePool = async (size: number, timeoutMs = 20_000): Promise<QueuePool> => {
    const client = await QueueClient.connect({ url: redis.url, journalDir: mkdtempSync(join(dir, 'journal-')) });
    const pool = new QueuePool(client, { size, timeoutMs });
    open.push(pool);
    return pool;
  };
  const localPool = (size: number, timeoutMs = 20_000): NodeSimPool => {
    const pool = createNodePool({ size, timeoutMs, spares: 0 });
    open.push(pool);
    return pool;
  };
  const startWorker = (): void => {
    stopWorker = new AbortController();
    worker = runQueueWorker({ url: redis.url, workers: 2, timeoutMs: 20_000, signal: stopWorker.signal, lockMs: 2000, stalledIntervalMs: 1000 });
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    dir = mkdtempSync(join(tmpdir(), 'gsim-queue-pool-'));
  }, 30_000);

  afterAll(async () => {
    open.forEach((p) => p.terminate());
    stopWorker?.abort();
    await worker;
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('cancelling (Ctrl-C) takes the run\'s unstarted jobs off the queue', async () => {
    // No worker yet: every job waits in the queue until the signal aborts.
    const pool = await queuePool(4);
    const controller = new AbortController();
    const calls = pool.map([0, 1, 2, 3], (api) => api.ping(), { signal: controller.signal });
    const queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(4);
      controller.abort();
      await expect(calls).rejects.toThrow();
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('NPE simulations on the queue equal the local pool\'s, whatever the sizes', async () => {
    startWorker();
    const spec = summarySpec(dataset);
    const thetas = Array.from({ length: 25 }, (_, i) => new Float64Array([0.1 + 0.03 * i, 0.05 + 0.01 * i]));
    const [q, l] = [await queuePool(3), localPool(2)];
    for (const p of [q, l]) await p.broadcast((api) => api.load(covid.groundTruthSource, dataset));
    const onQueue = await poolNpeSimulations(q, spec, { chunkSize: 4 })(thetas, 11, 100);
    const onLocal = await poolNpeSimulations(l, spec, { chunkSize: 7 })(thetas, 11, 100);
    expect(onQueue).toEqual(onLocal);
    expect(onQueue.x.every((x) => x instanceof Float64Array)).toBe(true);
  }, 60_000);

  it('a program that throws scores +Infinity as locally; one that never returns times out once, +Infinity, not retried', async () => {
    const batch = [0.2, 0.7, 0.4].map((g) => new Float64Array([0.3, g]));
    const [q, l] = [await queuePool(2), localPool(1)];
    for (const p of [q, l]) await p.broadcast((api) => api.load(THROWS_SOMETIMES, dataset));
    const onQueue = await poolEvaluator(q, 2)(batch, 3);
    expect(onQueue).toEqual(await poolEvaluator(l, 2)(batch, 3));
    expect(onQueue.fitness[1]).toBe(Infinity);
    expect(Number.isFinite(onQueue.fitness[0])).toBe(true);

    const looping = await queuePool(1, 500);
    await looping.broadcast((api) => api.load(LOOPS, dataset));
    const before = looping.client.jobsSent;
    const scores = await poolEvaluator(looping, 2)([new Float64Array([0.5])], 1);
    expect(scores.fitness[0]).toBe(Infinity);
    expect(scores.firstError).toMatch(/time limit/);
    expect(looping.client.jobsSent - before).toBe(1);
    // The job is an answer (completed on its first try), not a failure BullMQ would retry.
    const queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const job = await queue.getJob(`${looping.client.runId}-${looping.client.jobsSent}`);
      expect(await job!.getState()).toBe('completed');
      expect(job!.attemptsMade).toBeLessThan(JOB_ATTEMPTS);
    } finally {
      await queue.close();
    }
  }, 60_000);
});
