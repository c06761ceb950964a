import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis } from './connectRedis.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { contentHash } from './contentHash.ts';
import { JOB_ATTEMPTS, QUEUE_NAME, SETUP_TTL_S, setupKey, type JobData, type JobRequest, type JobResult } from './queueProtocol.ts';
import { parseRedisUrl, type RedisTarget } from './redisUrl.ts';
import { QueueUnavailableError } from './QueueUnavailableError.ts';
import { ResultJournal } from './ResultJournal.ts';
import { decodeWire, encodeWire } from './wireCodec.ts';

export interface QueueClientOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://…`. */
  url: string;
  /** Directory of the result journal (resume); none: no journal. */
  journalDir?: string;
  /** How long to wait for Redis at start, in ms (default 5 s). */
  connectTimeoutMs?: number;
}

interface Pending {
  resolve(resultText: string): void;
  reject(e: unknown): void;
}

/** Reconnect tries before the coordinator gives up on a lost Redis (about 5 s in all). */
const RECONNECT_TRIES = 8;

/**
 * The coordinator's side of the queue: adds jobs, gets their answers back through BullMQ's event
 * stream, stores setups (program + dataset) once by content hash, and keeps the result journal.
 * One client per run; its job ids start with a random run id.
 * NOTE: call `close()` when done, or the connections keep the process alive.
 */
export class QueueClient {
  readonly label: string;
  readonly runId = randomBytes(6).toString('hex');
  /** Jobs sent to workers, and calls answered from the journal: for `--json` and tests. */
  jobsSent = 0;
  jobsResumed = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly setups = new Map<string, Promise<unknown>>();
  private readonly loads = new Map<string, Promise<unknown>>();
  private readonly cleanups: Promise<unknown>[] = [];
  private failure?: Error;
  private seq = 0;
  private closed = false;

  private constructor(
    private readonly conn: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    target: RedisTarget,
    readonly journal?: ResultJournal,
  ) {
    this.label = target.label;
  }

  /** Connects to Redis and listens for answers. @throws QueueUnavailableError when Redis cannot be reached. */
  static async connect(opts: QueueClientOptions): Promise<QueueClient> {
    const target = parseRedisUrl(opts.url);
    const retryStrategy = (times: number): number | null => (times > RECONNECT_TRIES ? null : Math.min(100 * times, 1000));
    const conn = await connectRedis(target, { maxRetriesPerRequest: null, retryStrategy }, opts.connectTimeoutMs);
    const queue = new Queue(QUEUE_NAME, { connection: conn });
    const events = new QueueEvents(QUEUE_NAME, { connection: { ...target.options, maxRetriesPerRequest: null, retryStrategy } });
    queue.on('error', () => {});
    events.on('error', () => {});
    await events.waitUntilReady();
    const client = new QueueClient(conn, queue, events, target, opts.journalDir ? new ResultJournal(opts.journalDir) : undefined);
    client.listen();
    return client;
  }

  /**
   * Stores a program and dataset once (content-addressed) and loads them on a worker; answers the
   * LoadResult. Every slot of a pool calls this for the same broadcast: one job serves them all.
   * @returns the setup's hash (for the calls that need it) and the load's answer.
   */
  load(source: string, dataset: unknown): { setup: string; result: Promise<unknown> } {
    const payload = encodeWire({ source, dataset });
    const setup = contentHash(payload);
    if (!this.setups.has(setup)) {
      this.setups.set(setup, this.conn.set(setupKey(setup), payload, 'EX', SETUP_TTL_S));
    }
    let result = this.loads.get(setup);
    if (!result) {
      result = this.call({ role: 'model', setup, method: 'load', args: [] });
      this.loads.set(setup, result);
      // A failed load (lost Redis) may be tried again by a replacement slot.
      result.catch(() => this.loads.delete(setup));
    }
    return { setup, result };
  }

  /**
   * Runs one call on some worker (or answers it from the journal). A program's own failure rejects
   * with its SimulatorError, as the local pool does; `track` receives the job id so the caller can
   * {@link cancel} it.
   */
  async call(req: JobRequest, track?: (jobId: string) => void): Promise<unknown> {
    const key = contentHash(req.role, req.setup ?? '', req.method, encodeWire(req.args));
    const known = this.journal?.get(key);
    if (known !== undefined) {
      this.jobsResumed++;
      return answer(known);
    }
    if (this.failure) throw this.failure;
    if (req.setup) await this.setups.get(req.setup);
    const jobId = `${this.runId}-${++this.seq}`;
    const text = await new Promise<string>((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      track?.(jobId);
      const data: JobData = { run: this.runId, payload: encodeWire(req) };
      this.queue
        .add('call', data, {
          jobId,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'fixed', delay: 500 },
          // The answer travels in the completed event; the job itself is kept only briefly (bounded
          // Redis memory however long the run: at most 10,000 finished jobs, none older than 5 min).
          removeOnComplete: { age: 300, count: 10_000 },
          removeOnFail: { age: 86_400, count: 10_000 },
        })
        .then(() => this.jobsSent++)
        .catch((e: unknown) => this.settle(jobId, 'reject', this.failure ?? e));
    });
    const result = decodeWire(text) as JobResult;
    // A timeout depends on the machine, not on the arguments: it is not kept for a rerun.
    if (!(result.t === 'simerr' && result.error.code === 'timeout')) this.journal?.put(key, text);
    return answer(text);
  }

  /** Forgets a call and takes its job off the queue if no worker has started it. */
  cancel(jobId: string, reason: unknown): void {
    if (!this.pending.has(jobId)) return;
    this.settle(jobId, 'reject', reason);
    this.cleanups.push(this.queue.remove(jobId).catch(() => 0));
  }

  /** Takes the run's unstarted jobs off the queue and closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const reason = new Error('QueueClient: closed');
    for (const id of [...this.pending.keys()]) this.cancel(id, reason);
    if (!this.failure) await withTimeout(Promise.allSettled(this.cleanups), 2000, 'cleanup').catch(() => {});
    await withTimeout(Promise.allSettled([this.events.close(), this.queue.close()]), 2000, 'close').catch(() => {});
    this.conn.disconnect();
  }

  private listen(): void {
    this.events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, 'resolve', returnvalue));
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.settle(jobId, 'reject', new Error(`a queue worker could not run job ${jobId} (tried ${JOB_ATTEMPTS} times): ${failedReason}`));
    });
    this.conn.on('end', () => {
      if (this.closed) return;
      const where = this.journal ? ' — the finished jobs are kept; run the same command again to resume' : '';
      this.failure = new QueueUnavailableError(`lost the connection to Redis at ${this.label}${where}`);
      for (const id of [...this.pending.keys()]) this.settle(id, 'reject', this.failure);
    });
  }

  private settle(jobId: string, how: 'resolve' | 'reject', value: unknown): void {
    const p = this.pending.get(jobId);
    if (!p) return; // another run's job, or one already cancelled
    this.pending.delete(jobId);
    if (how === 'resolve') p.resolve(typeof value === 'string' ? value : JSON.stringify(value));
    else p.reject(value);
  }
}

/** A job's answer as the local pool gives it: the value, or the program's SimulatorError thrown. */
function answer(text: string): unknown {
  const r = decodeWire(text) as JobResult;
  if (r.t === 'simerr') throw SimulatorError.fromJSON(r.error);
  return r.value;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} after ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
