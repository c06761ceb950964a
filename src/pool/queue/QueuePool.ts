import type { SimWorkerApi } from '../../core/runtime/createSimWorkerApi.ts';
import type { RemoteApi } from '../RemoteApi.ts';
import { WorkerPool, type CallOptions, type WorkerHandle, type WorkerTask } from '../WorkerPool.ts';
import type { QueueClient } from './QueueClient.ts';
import type { JobRole } from './queueProtocol.ts';

type Api = RemoteApi<SimWorkerApi>;

export interface QueuePoolOptions {
  /** Jobs in flight at once (the pool's `size`): at least the workers' total concurrency to keep them busy. */
  size: number;
  /** Default per-call limit (ms) each job carries to its worker; absent: the worker's own. */
  timeoutMs?: number;
  /** `truth`: jobs run on worker processes that never run a model (default `model`). */
  role?: JobRole;
  /** Close the client on `terminate()` (default true; false for a second pool sharing it). */
  ownsClient?: boolean;
}

/** Where a pool runs its calls, for `--json` and the studio. */
export interface QueueExecutor {
  kind: 'queue';
  /** The Redis URL without its password. */
  queue: string;
  run: string;
  inFlight: number;
}

/**
 * A worker pool whose "workers" are slots for jobs on a BullMQ queue: the same surface as the local
 * pools (broadcast / run / map / terminate), so poolEvaluator, poolNpeSimulations, poolPolicySearch,
 * poolScenarios and poolBenchmarkW1 work unchanged. Closures cannot travel, so each task is invoked
 * with a *recording api*: its method calls become jobs `{setup, method, args}` whose promises answer
 * with the job's result. `broadcast((api) => api.load(source, dataset))` stores program and dataset
 * once in Redis by content hash; later jobs carry only that hash, the method and its arguments
 * (parameters and seeds), so results equal the local pool's for the same seed.
 *
 * Time limits apply on the worker (each job carries its call's limit), not here: waiting in the
 * queue does not count. Cancelling a call (its signal) takes its job off the queue.
 */
export class QueuePool extends WorkerPool<Api> {
  readonly client: QueueClient;
  private readonly jobTimeoutMs?: number;
  private readonly ownsClient: boolean;

  constructor(client: QueueClient, options: QueuePoolOptions) {
    const role = options.role ?? 'model';
    super(() => queueSlot(client, role), { size: options.size });
    this.client = client;
    this.jobTimeoutMs = options.timeoutMs;
    this.ownsClient = options.ownsClient ?? true;
  }

  get executor(): QueueExecutor {
    return { kind: 'queue', queue: this.client.label, run: this.client.runId, inFlight: this.size };
  }

  override run<T>(task: WorkerTask<Api, T>, opts: CallOptions = {}): Promise<T> {
    const limit = opts.timeoutMs ?? this.jobTimeoutMs;
    return super.run((api) => task(recordingApi(api, limit)), { signal: opts.signal });
  }

  override map<I, T>(items: readonly I[], task: (api: Api, item: I, index: number) => Promise<T>, opts: CallOptions = {}): Promise<T[]> {
    const limit = opts.timeoutMs ?? this.jobTimeoutMs;
    return super.map(items, (api, item, i) => task(recordingApi(api, limit), item, i), { signal: opts.signal });
  }

  override broadcast<T>(task: WorkerTask<Api, T>, opts: CallOptions = {}): Promise<T[]> {
    const limit = opts.timeoutMs ?? this.jobTimeoutMs;
    return super.broadcast((api) => task(recordingApi(api, limit)), { signal: opts.signal });
  }

  /** Stops the pool; takes the run's unstarted jobs off the queue and closes its connections (async). */
  override terminate(): void {
    super.terminate();
    if (this.ownsClient) void this.client.close();
  }
}

/** What a slot exposes in place of a worker's API: one entry point that makes a job. */
interface SlotApi {
  invoke(method: string, args: unknown[], timeoutMs: number | undefined): Promise<unknown>;
}

/** The api a task sees: any method call becomes `invoke`; `then` stays undefined so it is not taken for a promise. */
function recordingApi(slot: Api, timeoutMs: number | undefined): Api {
  const raw = slot as unknown as SlotApi;
  return new Proxy({}, {
    get: (_t, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => raw.invoke(name, args, timeoutMs) : undefined),
  }) as Api;
}

/**
 * One job slot: remembers the setup its last `load` named (calls after it run against that setup)
 * and the jobs it has in flight, which `terminate` (cancellation) takes off the queue.
 */
function queueSlot(client: QueueClient, role: JobRole): WorkerHandle<Api> {
  let setup: string | undefined;
  const jobs = new Set<string>();
  const invoke = (method: string, args: unknown[], timeoutMs: number | undefined): Promise<unknown> => {
    if (method === 'load') {
      const loaded = client.load(args[0] as string, args[1]);
      setup = loaded.setup;
      return loaded.result;
    }
    let id: string | undefined;
    const track = (jobId: string): void => {
      id = jobId;
      jobs.add(jobId);
    };
    return client.call({ role, setup, method, args, timeoutMs }, track).finally(() => id !== undefined && jobs.delete(id));
  };
  const api: SlotApi = { invoke };
  return {
    api: api as unknown as Api,
    // A slot never dies on its own: a lost worker is BullMQ's to handle (stall detection).
    exited: new Promise<Error>(() => {}),
    terminate() {
      for (const id of jobs) client.cancel(id, new Error('cancelled'));
      jobs.clear();
    },
  };
}
