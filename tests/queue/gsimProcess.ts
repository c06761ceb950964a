import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GSIM = fileURLToPath(new URL('../../bin/gsim.mjs', import.meta.url));

/** A running `gsim` process whose output is collected. */
export interface GsimProcess {
  readonly proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles with the exit code (128 + n for a signal). */
  readonly exited: Promise<number>;
  /** Resolves once stderr prints `text` after this call (rejects when the process exits first). */
  waitFor(text: string): Promise<void>;
}

/** Starts `gsim ...args` in `cwd` (the real executable, as a user runs it). */
export function startGsim(cwd: string, args: string[]): GsimProcess {
  const proc = spawn(process.execPath, [GSIM, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { text: string; from: number; resolve(): void }[] = [];
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.splice(0)) (err.includes(w.text, w.from) ? w.resolve() : waiters.push(w));
  });
  const exited = new Promise<number>((resolve) => {
    proc.once('close', (code, signal) => resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : 15)));
  });
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text, from: err.length, resolve });
        void exited.then((code) => reject(new Error(`gsim exited (${code}) before printing "${text}": ${err.slice(-800)}`)));
      }),
  };
}

/** Runs `gsim ...args` to the end. */
export async function runGsim(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = startGsim(cwd, args);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** A `gsim worker` on `url`, ready to take jobs. */
export async function startWorker(cwd: string, url: string, extra: string[] = []): Promise<GsimProcess> {
  const w = startGsim(cwd, ['worker', '--queue', url, '--workers', '1', '--stall', '2', ...extra]);
  await w.waitFor('taking jobs from');
  return w;
}

/** Stops a process: SIGTERM, then SIGKILL if it has not gone within 5 s. */
export async function stopProcess(p: GsimProcess | undefined): Promise<void> {
  if (!p || p.proc.exitCode !== null || p.proc.signalCode !== null) return;
  p.proc.kill('SIGTERM');
  const timer = setTimeout(() => p.proc.kill('SIGKILL'), 5000);
  await p.exited;
  clearTimeout(timer);
}
