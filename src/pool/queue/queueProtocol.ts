import type { SimulatorErrorData } from '../../core/sim/SimulatorError.ts';

/**
 * What coordinators and `gsim worker` processes agree on. All runs share one BullMQ queue (workers
 * need not know the runs); a run's jobs are told apart by their ids, results travel back to the
 * coordinator that added them, and programs and data are content-addressed, so two runs on one Redis
 * never mix.
 */
export const QUEUE_NAME = 'gsim-jobs';

/** Redis key of a stored setup (program + dataset) by its SHA-256. */
export const setupKey = (hash: string): string => `gsim:setup:${hash}`;

/** A stored setup lives this long after it was last (re)written by a coordinator: a day. */
export const SETUP_TTL_S = 86_400;

/**
 * Stall detection: a worker renews its jobs' locks every `LOCK_MS / 2`; a job whose lock lapses (its
 * worker was killed, even with SIGKILL, or lost the network) goes back to the queue at the next check,
 * which runs every `STALLED_INTERVAL_MS` on every live worker. So a killed worker's jobs restart
 * elsewhere after at most LOCK_MS + STALLED_INTERVAL_MS (15 s). Simulations run in child processes,
 * so the worker's event loop stays free to renew locks and a short lock is safe.
 */
export const LOCK_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
/** A job whose worker died this many times fails (a program that kills its host every time). */
export const MAX_STALLED_COUNT = 2;
/**
 * Tries per job for infrastructure failures (a worker that cannot fetch the setup, a lost
 * connection). A program's own failure is an answer ({@link JobResult} `simerr`), never a retry.
 */
export const JOB_ATTEMPTS = 3;

/** Who runs a job: `truth` jobs run on worker processes that never run a model (see createTruthPool). */
export type JobRole = 'model' | 'truth';

/** A job's payload (wireCodec-encoded in `job.data.payload`). */
export interface JobRequest {
  role: JobRole;
  /** SHA-256 of the stored setup the call needs loaded; absent for calls that carry their program. */
  setup?: string;
  /** A SimWorkerApi method, or `load` (which loads `setup` and answers its LoadResult). */
  method: string;
  args: unknown[];
  /** Per-call limit in ms the worker applies (the coordinator's --timeout); absent: the worker's. */
  timeoutMs?: number;
}

/** `job.data` as BullMQ stores it. */
export interface JobData {
  /** Coordinator run id, for logs and cleanup. */
  run: string;
  payload: string;
}

/** A job's answer (wireCodec-encoded string as the job's return value). */
export type JobResult = { t: 'ok'; value: unknown } | { t: 'simerr'; error: SimulatorErrorData };
