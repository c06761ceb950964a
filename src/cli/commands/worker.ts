import { availableParallelism } from 'node:os';
import { DEFAULT_NODE_TIMEOUT_MS } from '../../pool/createNodePool.ts';
import { QueueUnavailableError } from '../../pool/queue/QueueUnavailableError.ts';
import { LOCK_MS } from '../../pool/queue/queueProtocol.ts';
import { runQueueWorker } from '../../pool/queue/runQueueWorker.ts';
import type { Command } from '../Command.ts';
import { CliError, usageError } from '../CliError.ts';
import { parseFlags, required, secondsFlag } from '../parseFlags.ts';
import { MAX_WORKERS, poolSizeFlag, timeoutFlag } from '../poolFlags.ts';

const USAGE = `Usage: gsim worker --queue redis://[user:pass@]host:port[/db] [--workers N] [--timeout S] [--stall S]

Takes simulation jobs from a queue until stopped (Ctrl-C or SIGTERM: the jobs in hand finish first),
for commands run elsewhere with --queue URL (evaluate, calibrate, whatif, policy, loop). Each job
runs in this machine's isolated simulator processes, the same sandbox as local runs; jobs carry
program, data, parameters and seeds only, never an API key. Start as many workers, on as many
machines, as you like. See docs/scale-out.md.
  --queue    the Redis that coordinators use (rediss:// for TLS)
  --workers  simulator processes, and jobs run at once, 1..${MAX_WORKERS} (default ${availableParallelism()} here)
  --timeout  most seconds any one call may run (default ${DEFAULT_NODE_TIMEOUT_MS / 1000}); a job asks for its command's --timeout
  --stall    seconds after which the jobs of a worker that died (even kill -9) run elsewhere
             (BullMQ lock duration, default ${LOCK_MS / 1000}; the stall check runs every S/2)`;

/** `gsim worker`: a queue worker for `--queue` runs. */
export const workerCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('worker', ctx.argv, {
      queue: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      stall: { type: 'string' },
    });
    const url = required(f.queue, 'queue', 'worker');
    const workers = poolSizeFlag(f.workers);
    const timeoutMs = timeoutFlag(f.timeout, DEFAULT_NODE_TIMEOUT_MS);
    const lockMs = secondsFlag(f.stall, 'stall', LOCK_MS, 3600);
    // Ctrl-C aborts ctx.signal (runCli); a service manager sends SIGTERM.
    const term = new AbortController();
    const onTerm = (): void => term.abort();
    process.once('SIGTERM', onTerm);
    const stamp = (): string => new Date().toISOString().slice(11, 19);
    try {
      const { jobs } = await runQueueWorker({
        url, workers, timeoutMs, lockMs, stalledIntervalMs: Math.max(200, lockMs / 2),
        signal: AbortSignal.any([ctx.signal, term.signal]),
        log: (line) => void ctx.stderr.write(`${stamp()} gsim worker: ${line}\n`),
      });
      return { json: { jobs }, text: `gsim worker: stopped after ${jobs} job${jobs === 1 ? '' : 's'}` };
    } catch (e) {
      if (e instanceof RangeError) throw usageError(`--queue: ${e.message}`);
      if (e instanceof QueueUnavailableError) throw new CliError(e.message);
      throw e;
    } finally {
      process.off('SIGTERM', onTerm);
    }
  },
};
