import { SimulatorError } from '../core/sim/SimulatorError.ts';

/**
 * One worker as the pool sees it, whatever runs it (Web Worker, Node worker thread, a fake in tests).
 * `exited` settles with the reason when the worker dies on its own (crash, out of memory); it never
 * settles after `terminate()`.
 */
export interface WorkerHandle<Api> {
  readonly api: Api;
  terminate(): void;
  readonly exited: Promise<Error>;
  /** Settles once the worker answers; time limits start only then, so slow start-ups never count. */
  readonly ready?: Promise<unknown>;
}

/** Makes a fresh worker; called at start-up and whenever a worker is replaced. */
export type WorkerFactory<Api> = () => WorkerHandle<Api>;

/** A unit of work run on one worker. */
export type WorkerTask<Api, T> = (api: Api) => Promise<T>;

export interface WorkerPoolOptions {
  /** Number of workers: pass `os.availableParallelism()` or `navigator.hardwareConcurrency`. */
  size: number;
  /** Default per-call time limit in milliseconds (Infinity: none). */
  timeoutMs?: number;
  /**
   * Run each broadcast (a newly loaded program) on fresh workers: a worker that already ran an earlier
   * broadcast is replaced first, so nothing a program did to its worker's realm (prototype pollution)
   * reaches the next program. The browser pool sets it; Node's vm sandbox gives each program a realm.
   */
  freshWorkersPerBroadcast?: boolean;
  /**
   * How long a new worker may take to answer its first ping before the call waiting on it fails; the
   * call's own limit when that is longer. Default 30 s (a cold start on a loaded machine takes seconds).
   */
  startupLimitMs?: number;
}

export interface CallOptions {
  /** Cancels queued calls and terminates (then replaces) the workers running this call's tasks. */
  signal?: AbortSignal;
  /** Per-call time limit in milliseconds; overrides the pool's default. */
  timeoutMs?: number;
}

interface Slot<Api> {
  handle: WorkerHandle<Api>;
  /** The call this worker runs now. */
  running?: Job<Api>;
  /** Version of the broadcast setup this worker has run (0: none). */
  setupVersion: number;
  /** The worker died on its own; replaced before its next call. */
  dead?: boolean;
  /** The worker has run a call (so a program may have touched its realm). */
  used?: boolean;
}

interface Job<Api> {
  task: WorkerTask<Api, unknown>;
  /** When set, only this slot may run the job (broadcast). */
  slot?: Slot<Api>;
  /** The job *is* the setup of this version (broadcast), so it is not replayed before itself. */
  setsVersion?: number;
  opts: CallOptions;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  settled: boolean;
  /** While running: stops the call (the worker is then replaced). */
  cancel?: (reason: unknown) => void;
  /** Times the job went back to the queue because its worker died before it started. */
  startRetries?: number;
  /** Another job of its group failed: the call is over, so it is never retried. */
  abandoned?: boolean;
}

/**
 * How often a job is handed to a fresh worker when the one it waited for died before answering its
 * first ping. The program never ran there (its sandbox died while starting, or was torn down for an
 * earlier program), so the call is not the program's failure; past this, the crash is reported as usual.
 */
const START_RETRIES = 2;

/**
 * An environment-agnostic pool of simulation workers with per-call time limits and cancellation.
 *
 * A call that runs past its time limit has its worker terminated and replaced, and rejects with
 * `SimulatorError('timeout')`; a worker that dies (e.g. out of memory) is replaced and its call
 * rejects with the reason; an aborted signal rejects queued calls at once and terminates the busy
 * workers that run its calls. `broadcast` (used for `load`) runs on every worker and is replayed on
 * replacements, so a replaced worker holds the same program and data as the others.
 *
 * @example
 * const pool = new WorkerPool(factory, { size: 4, timeoutMs: 30_000 });
 * await pool.broadcast((api) => api.load(source, dataset));
 * const scores = await pool.map(chunks, (api, chunk) => api.fitness(chunk, seed, mc));
 * pool.terminate();
 */
export class WorkerPool<Api> {
  private readonly slots: Slot<Api>[] = [];
  private readonly queue: Job<Api>[] = [];
  private readonly factory: WorkerFactory<Api>;
  private readonly defaultTimeoutMs: number;
  private readonly freshWorkersPerBroadcast: boolean;
  private readonly startupLimitMs: number;
  private setup?: WorkerTask<Api, unknown>;
  private setupVersion = 0;
  private closed = false;
  /** One abort listener per signal (not per job: a GA run queues thousands of jobs on one signal). */
  private readonly watched = new Map<AbortSignal, { jobs: Set<Job<Api>>; listener: () => void }>();
  /** Workers replaced so far (timeouts, crashes, cancellations): for diagnostics and tests. */
  replacements = 0;

  constructor(factory: WorkerFactory<Api>, options: WorkerPoolOptions) {
    const size = Math.floor(options.size);
    if (!(size >= 1)) throw new RangeError(`WorkerPool: size must be at least 1, got ${options.size}`);
    this.factory = factory;
    this.defaultTimeoutMs = options.timeoutMs ?? Infinity;
    this.freshWorkersPerBroadcast = options.freshWorkersPerBroadcast ?? false;
    this.startupLimitMs = options.startupLimitMs ?? 30_000;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Number of workers. */
  get size(): number {
    return this.slots.length;
  }

  /** Workers running a call right now. */
  get busyCount(): number {
    return this.slots.filter((s) => s.running).length;
  }

  /** Runs `task` on the next free worker. */
  run<T>(task: WorkerTask<Api, T>, opts: CallOptions = {}): Promise<T> {
    return this.submit({ task, opts }) as Promise<T>;
  }

  /**
   * Runs `task` once per item, spread over the workers; results keep the items' order. On the first
   * failure the items not yet started are dropped and the returned promise rejects with that failure.
   */
  map<I, T>(items: readonly I[], task: (api: Api, item: I, index: number) => Promise<T>, opts: CallOptions = {}): Promise<T[]> {
    const jobs: Job<Api>[] = [];
    const promises = items.map((item, i) => this.submit({ task: (api) => task(api, item, i), opts }, jobs));
    return Promise.all(promises) as Promise<T[]>;
  }

  /**
   * Runs `task` on every worker (e.g. `load`) and remembers it: a worker started later to replace a
   * timed-out or crashed one runs the latest broadcast before its first call.
   */
  broadcast<T>(task: WorkerTask<Api, T>, opts: CallOptions = {}): Promise<T[]> {
    const version = ++this.setupVersion;
    this.setup = task;
    const jobs: Job<Api>[] = [];
    const promises = this.slots.map((slot) => this.submit({ task, opts, slot, setsVersion: version }, jobs));
    return Promise.all(promises) as Promise<T[]>;
  }

  /**
   * Forgets the latest broadcast (a program whose run failed or was cancelled): workers started from now
   * on hold no program, and every call that would run it (queued, or running and not a broadcast) is
   * rejected with `reason`, its worker stopped. Without this, work queued behind a run that crashed its
   * sandbox (the run's fitness landscape) replayed the program on the rebuilt sandbox's new workers and
   * crashed that one too. Broadcasts (the next program's load) are left to run.
   */
  forget(reason: Error): void {
    this.setup = undefined;
    for (const job of this.queue.filter((j) => j.setsVersion === undefined)) {
      this.queue.splice(this.queue.indexOf(job), 1);
      settle(job, 'reject', reason);
    }
    for (const slot of this.slots) if (slot.running && slot.running.setsVersion === undefined) slot.running.cancel?.(reason);
  }

  /** Terminates every worker and rejects queued calls; the pool cannot be used afterwards. */
  terminate(): void {
    this.closed = true;
    const reason = new Error('WorkerPool: terminated');
    for (const s of this.slots) {
      s.handle.terminate();
      s.running?.cancel?.(reason);
    }
    for (const job of this.queue.splice(0)) settle(job, 'reject', reason);
  }

  private submit(spec: Pick<Job<Api>, 'task' | 'opts' | 'slot' | 'setsVersion'>, group?: Job<Api>[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('WorkerPool: used after terminate()'));
      const signal = spec.opts.signal;
      if (signal?.aborted) return reject(abortReason(signal));
      const job: Job<Api> = {
        ...spec,
        resolve: (v) => {
          this.unwatch(job);
          resolve(v);
        },
        reject: (e) => {
          this.unwatch(job);
          reject(e);
          // Fail fast, before the pool hands the freed worker the next item of the group.
          if (group) this.drop(group, e);
        },
        settled: false,
      };
      group?.push(job);
      this.queue.push(job);
      if (signal) this.watch(signal, job);
      this.dispatch();
    });
  }

  private watch(signal: AbortSignal, job: Job<Api>): void {
    let w = this.watched.get(signal);
    if (!w) {
      const jobs = new Set<Job<Api>>();
      const listener = (): void => {
        const reason = abortReason(signal);
        for (const j of [...jobs]) {
          const i = this.queue.indexOf(j);
          if (i >= 0) {
            this.queue.splice(i, 1);
            settle(j, 'reject', reason);
          } else {
            j.cancel?.(reason);
          }
        }
      };
      w = { jobs, listener };
      this.watched.set(signal, w);
      signal.addEventListener('abort', listener, { once: true });
    }
    w.jobs.add(job);
  }

  private unwatch(job: Job<Api>): void {
    const signal = job.opts.signal;
    const w = signal && this.watched.get(signal);
    if (!w) return;
    w.jobs.delete(job);
    if (w.jobs.size === 0) {
      signal.removeEventListener('abort', w.listener);
      this.watched.delete(signal);
    }
  }

  /** Rejects the queued jobs of a failed group so they never start. */
  private drop(jobs: Job<Api>[], reason: unknown): void {
    for (const job of jobs) {
      job.abandoned = true;
      const i = this.queue.indexOf(job);
      if (i >= 0) {
        this.queue.splice(i, 1);
        settle(job, 'reject', reason);
      }
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.running || this.closed) continue;
      // A worker that died while idle is replaced before it takes work.
      if (slot.dead) this.replace(slot);
      const i = this.queue.findIndex((j) => j.slot === undefined || j.slot === slot);
      if (i < 0) continue;
      const [job] = this.queue.splice(i, 1);
      void this.execute(slot, job);
    }
  }

  private spawn(): Slot<Api> {
    const slot: Slot<Api> = { handle: undefined as never, setupVersion: 0 };
    this.attach(slot, this.factory());
    return slot;
  }

  private attach(slot: Slot<Api>, handle: WorkerHandle<Api>): void {
    slot.handle = handle;
    slot.setupVersion = 0;
    slot.dead = false;
    slot.used = false;
    // One watcher per worker (not per call), so long runs do not pile up listeners.
    void handle.exited.then((reason) => {
      if (slot.handle !== handle || this.closed) return;
      slot.dead = true;
      slot.running?.cancel?.(crashError(reason));
    });
  }

  private replace(slot: Slot<Api>): void {
    slot.handle.terminate();
    this.attach(slot, this.factory());
    this.replacements++;
  }

  private async execute(slot: Slot<Api>, job: Job<Api>): Promise<void> {
    slot.running = job;
    // A worker that died while idle (killed for posting out of turn, its sandbox gone) is replaced first.
    if (slot.dead) this.replace(slot);
    if (this.freshWorkersPerBroadcast && job.setsVersion !== undefined && slot.used) this.replace(slot);
    slot.used = true;
    const api = slot.handle.api;
    const limit = job.opts.timeoutMs ?? this.defaultTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Set when this call ends by stopping its worker (timeout, abort, crash): the worker is replaced.
    let kill = false;
    // Set once the worker has answered: from then on a crash may be the program's doing.
    let started = false;
    try {
      const stopped = new Promise<never>((_, reject) => {
        job.cancel = (reason) => {
          kill = true;
          reject(reason);
        };
      });
      // Each phase (the worker's start, replaying the broadcast, then the call itself) gets the full limit.
      const limited = <T>(phase: Promise<T>, ms = limit, onLimit: (ms: number) => Error = timeoutError): Promise<T> => {
        if (Number.isFinite(ms)) timer = setTimeout(() => job.cancel?.(onLimit(ms)), ms);
        return Promise.race([phase, stopped]).finally(() => clearTimeout(timer));
      };
      const work = (async () => {
        // A worker that never answers its first ping (a sandbox that never started) would otherwise
        // leave the call, and the run waiting on it, open for ever. Its own limit is at least
        // `startupLimitMs`: a short call limit (the editor's 3 s check) must not fail a slow start.
        if (slot.handle.ready) await limited(slot.handle.ready, Math.max(limit, this.startupLimitMs), startupError);
        started = true;
        // Its group failed while it waited for the worker: the call is over, the program is not run.
        if (job.abandoned) throw new SimulatorError('runtime', 'an earlier item of this call failed');
        // A replacement worker first replays the latest broadcast (it holds no program yet).
        const version = this.setupVersion;
        if (job.setsVersion === undefined && this.setup && slot.setupVersion !== version) {
          await limited(this.setup(api));
          slot.setupVersion = version;
        }
        const value = await limited(job.task(api));
        if (job.setsVersion !== undefined) slot.setupVersion = job.setsVersion;
        return value;
      })();
      settle(job, 'resolve', await Promise.race([work, stopped]));
    } catch (e) {
      // Not for a job whose call already failed: that call is over, and retrying its items would run
      // the program again on fresh workers.
      if (!started && slot.dead && !job.abandoned && !job.opts.signal?.aborted && (job.startRetries ?? 0) < START_RETRIES) {
        job.startRetries = (job.startRetries ?? 0) + 1;
        this.queue.unshift(job);
      } else {
        settle(job, 'reject', e);
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      job.cancel = undefined;
      slot.running = undefined;
      if ((kill || slot.dead) && !this.closed) this.replace(slot);
      this.dispatch();
    }
  }
}

function settle<Api>(job: Job<Api>, how: 'resolve' | 'reject', value: unknown): void {
  if (job.settled) return;
  job.settled = true;
  if (how === 'resolve') job.resolve(value);
  else job.reject(value);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('The operation was aborted');
}

function timeoutError(limitMs: number): SimulatorError {
  const s = limitMs >= 1000 ? `${+(limitMs / 1000).toFixed(2)} s` : `${limitMs} ms`;
  return new SimulatorError(
    'timeout',
    `the simulator did not finish within the time limit of ${s} per call (an endless loop in step or at top level?); its worker was stopped and replaced`,
  );
}

function startupError(limitMs: number): SimulatorError {
  const s = limitMs >= 1000 ? `${+(limitMs / 1000).toFixed(2)} s` : `${limitMs} ms`;
  return new SimulatorError('timeout', `a simulation worker did not start within ${s} (its sandbox never answered); it was stopped and replaced`);
}

/** A dead worker: simulator failures pass through; anything else becomes a runtime failure of the program. */
function crashError(reason: Error): Error {
  if (reason instanceof SimulatorError) return reason;
  return new SimulatorError('runtime', `the simulator's worker stopped unexpectedly (${reason.message}); it was replaced`);
}
