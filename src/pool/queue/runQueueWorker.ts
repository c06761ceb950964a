import { Worker, type Job } from 'bullmq';
import type { LoadResult } from '../../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { sandboxBundleSource } from '../../sandbox/node/sandboxBundle.ts';
import { simProcessEntryFile } from '../../sandbox/node/simProcessBundle.ts';
import { createNodePool, createTruthPool, type NodeSimPool } from '../createNodePool.ts';
import { connectRedis } from './connectRedis.ts';
import { contentHash } from './contentHash.ts';
import { LOCK_MS, MAX_STALLED_COUNT, QUEUE_NAME, STALLED_INTERVAL_MS, setupKey, type JobData, type JobRequest, type JobResult } from './queueProtocol.ts';
import { parseRedisUrl } from './redisUrl.ts';
import { decodeWire, encodeWire } from './wireCodec.ts';

export interface QueueWorkerOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://…`. */
  url: string;
  /** Simulation processes, and jobs run at once. */
  workers: number;
  /** Per-call limit (ms) for jobs that carry none, and the most any job may ask for. */
  timeoutMs: number;
  /** Stops taking jobs; the ones running finish first. */
  signal: AbortSignal;
  /** Setups (program + dataset) kept loaded, each on its own processes (default 3). */
  cachedSetups?: number;
  /** Stall detection, in ms (defaults LOCK_MS, STALLED_INTERVAL_MS): tests shorten them. */
  lockMs?: number;
  stalledIntervalMs?: number;
  /** One line per event worth telling (started, setup loaded, job failed). */
  log?: (line: string) => void;
}

interface SetupEntry {
  pool: NodeSimPool;
  loaded: Promise<LoadResult>;
  busy: number;
}

/**
 * A `gsim worker`: takes jobs from the queue until `signal` aborts, running each on local isolated
 * simulation processes (createNodePool: the same sandbox as local runs). A job that needs a setup it
 * has not loaded fetches it from Redis by hash, checks the hash, and loads it on fresh processes; the
 * last few setups stay loaded. A program's own failure (SimulatorError: compile error, timeout,
 * crash, out of memory) is the job's *answer*, as the local pool would give it; only infrastructure
 * failures fail the job, which BullMQ then retries (a bounded number of times).
 * @returns the number of jobs run, once stopped.
 * @throws QueueUnavailableError when Redis cannot be reached at start.
 */
export async function runQueueWorker(opts: QueueWorkerOptions): Promise<{ jobs: number }> {
  const target = parseRedisUrl(opts.url);
  const log = opts.log ?? (() => {});
  // Workers outlive a Redis restart: they reconnect for as long as it takes.
  const conn = await connectRedis(target, { maxRetriesPerRequest: null });
  const cache = new Map<string, SetupEntry>();
  const keep = Math.max(1, opts.cachedSetups ?? 3);
  let bare: NodeSimPool | undefined;
  let truth: NodeSimPool | undefined;
  let jobs = 0;

  const setupPool = (hash: string, timeoutMs: number): SetupEntry => {
    let entry = cache.get(hash);
    if (entry) {
      cache.delete(hash); // most recently used goes last
      cache.set(hash, entry);
      return entry;
    }
    const pool = createNodePool({ size: opts.workers, timeoutMs: opts.timeoutMs });
    const loaded = (async () => {
      const payload = await conn.get(setupKey(hash));
      if (payload === null) throw new Error(`setup ${hash.slice(0, 12)}… is not in Redis (expired, or another Redis?)`);
      if (contentHash(payload) !== hash) throw new Error(`setup ${hash.slice(0, 12)}… does not match its hash`);
      const { source, dataset } = decodeWire(payload) as { source: string; dataset: never };
      const [first] = await pool.broadcast((api) => api.load(source, dataset), { timeoutMs });
      log(`loaded setup ${hash.slice(0, 12)}… (${(payload.length / 1e6).toFixed(2)} MB)`);
      return first;
    })();
    entry = { pool, loaded, busy: 0 };
    // A setup that could not be fetched is dropped, so a retry fetches it again.
    loaded.catch(() => cache.get(hash) === entry && (cache.delete(hash), pool.terminate()));
    cache.set(hash, entry);
    for (const [h, e] of cache) {
      if (cache.size <= keep) break;
      if (e.busy === 0 && h !== hash) {
        cache.delete(h);
        e.pool.terminate();
      }
    }
    return entry;
  };

  const runJob = async (req: JobRequest): Promise<unknown> => {
    const timeoutMs = Math.min(req.timeoutMs ?? opts.timeoutMs, opts.timeoutMs);
    if (req.role === 'truth') {
      truth ??= createTruthPool(opts.workers, opts.timeoutMs);
      return truth.run((api) => callMethod(api, req), { timeoutMs });
    }
    if (req.setup === undefined) {
      bare ??= createNodePool({ size: opts.workers, timeoutMs: opts.timeoutMs, spares: 0 });
      return bare.run((api) => callMethod(api, req), { timeoutMs });
    }
    const entry = setupPool(req.setup, timeoutMs);
    entry.busy++;
    try {
      const loaded = await entry.loaded;
      if (req.method === 'load') return loaded;
      return await entry.pool.run((api) => callMethod(api, req), { timeoutMs });
    } finally {
      entry.busy--;
    }
  };

  const processor = async (job: Job<JobData>): Promise<string> => {
    const req = readRequest(job.data);
    let result: JobResult;
    try {
      result = { t: 'ok', value: await runJob(req) };
    } catch (e) {
      if (!(e instanceof SimulatorError)) {
        log(`job ${job.id} (${req.method}) failed: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
      result = { t: 'simerr', error: e.toJSON() };
    }
    jobs++;
    return encodeWire(result);
  };

  // Build the sandbox bundles now (esbuild, synchronous): built during the first job, they would block
  // the event loop long enough on a busy machine for that job's lock to lapse and BullMQ to call it stalled.
  sandboxBundleSource();
  simProcessEntryFile();
  const worker = new Worker<JobData, string>(QUEUE_NAME, processor, {
    connection: { ...target.options, maxRetriesPerRequest: null },
    concurrency: opts.workers,
    lockDuration: opts.lockMs ?? LOCK_MS,
    stalledInterval: opts.stalledIntervalMs ?? STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  worker.on('error', (e) => log(`queue error: ${e.message}`));
  await worker.waitUntilReady();
  log(`taking jobs from ${target.label} with ${opts.workers} simulation process${opts.workers === 1 ? '' : 'es'}`);
  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) return resolve();
    opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  log('stopping: finishing the jobs in hand…');
  await worker.close();
  for (const e of cache.values()) e.pool.terminate();
  bare?.terminate();
  truth?.terminate();
  conn.disconnect();
  return { jobs };
}

/** Calls one SimWorkerApi method by name (the child process refuses names it does not know). */
function callMethod(api: object, req: JobRequest): Promise<unknown> {
  const fn = (api as Record<string, (...a: unknown[]) => Promise<unknown>>)[req.method];
  return fn(...req.args);
}

/** A job's request, checked for shape: a malformed job fails (and is not retried into success). */
function readRequest(data: JobData): JobRequest {
  const req = decodeWire(String(data?.payload)) as Partial<JobRequest>;
  const ok =
    req !== null && typeof req === 'object' && (req.role === 'model' || req.role === 'truth') && typeof req.method === 'string' &&
    Array.isArray(req.args) && (req.setup === undefined || typeof req.setup === 'string') && (req.timeoutMs === undefined || typeof req.timeoutMs === 'number');
  if (!ok) throw new Error('malformed job (not a gsim job request)');
  return req as JobRequest;
}
