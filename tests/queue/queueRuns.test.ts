import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGsim, startGsim, startWorker, stopProcess, type GsimProcess } from './gsimProcess.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from './redisServer.ts';

// End to end, as a user runs it: a real redis-server on a free loopback port, two real `gsim worker`
// processes (one simulator process each, --stall 2 s so a killed worker's job restarts quickly), and
// the real `gsim` commands with --queue, compared with the same commands on local processes.

/** COVID SIR with busy work in `step`, so jobs last long enough (tens of ms) to kill things mid-run. */
const SLOW_SIR = `const parameters = { gamma: { min: 0, max: 1, init: 0.1 } };
function step(state, action, params, rng) {
  let x = 0;
  for (let k = 0; k < 3000; k++) x += Math.sqrt(k);
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0 || x < 0) return { S: 0, I: 0, R: 0 };
  const newInf = rng.binomial(S, Math.min(1, Math.max(0, 1 - Math.exp(-0.3 * I / N))));
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}`;

const DIAG = ['--states', '1', '--samples', '5', '--json'];
const GA = ['calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'ga', '--generations', '2', '--popsize', '6', '--seed', '3', ...DIAG];
const CMAES = ['calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'cmaes', '--generations', '2', '--popsize', '5', '--seed', '4', ...DIAG];
const SLOW_GA = ['calibrate', '--sim', 'slow.js', '--data', 'covid.json', '--method', 'ga', '--generations', '3', '--popsize', '8', '--seed', '5', ...DIAG];
const POLICY = ['policy', '--sim', 'gt:covid', '--grid', 'covid-lockdown', '--rollouts', '2', '--seed', '2', '--json'];

/** A command's --json without what legitimately differs between runs (time, where it ran). */
function stable(stdout: string): unknown {
  const drop = new Set(['seconds', 'simulationsPerSecond', 'workers', 'executor']);
  return JSON.parse(stdout, (k, v) => (drop.has(k) ? undefined : v));
}

async function ok(cwd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await runGsim(cwd, args);
  if (r.code !== 0) throw new Error(`gsim ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

const available = hasRedisServer();
if (!available) console.warn('tests/queue: redis-server is not installed (scripts/ensure-redis.sh installs it); skipping the queue tests');

describe.skipIf(!available)('gsim --queue with two gsim worker processes on a real Redis', () => {
  let dir: string;
  let redis: RedisServer;
  let workers: GsimProcess[] = [];
  let url: string;
  const local: Record<string, unknown> = {};
  let journal = 0;
  /** A fresh journal per queue run, so no run is answered from another's. */
  const resumeDir = () => ['--resume', join(dir, `journal-${++journal}`)];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-queue-'));
    writeFileSync(join(dir, 'slow.js'), SLOW_SIR);
    redis = await startRedisServer();
    url = redis.url;
    await ok(dir, ['data', '--env', 'covid', '--seed', '7', '--out', 'covid.json', '--train', '4', '--val', '2', '--test', '2', '--horizon', '30']);
    // The local references (2 worker processes each, as a small machine), while the workers start.
    const refs = Object.entries({ GA, CMAES, SLOW_GA, POLICY }).map(async ([name, args]) => (local[name] = stable((await ok(dir, [...args, '--workers', '2'])).stdout)));
    workers = await Promise.all([startWorker(dir, url), startWorker(dir, url)]);
    await Promise.all(refs);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map(stopProcess));
    await redis?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('GA and CMA-ES run at the same time on one Redis: each equals its local run (runs do not mix)', async () => {
    const [ga, cma] = await Promise.all([ok(dir, [...GA, '--queue', url, ...resumeDir()]), ok(dir, [...CMAES, '--queue', url, '--workers', '3', ...resumeDir()])]);
    expect(stable(ga.stdout)).toEqual(local.GA);
    expect(stable(cma.stdout)).toEqual(local.CMAES);
    expect(JSON.parse(ga.stdout).executor).toMatchObject({ kind: 'queue', queue: url, inFlight: 64 });
  }, 60_000);

  it('a policy grid (model and ground truth) equals the local one', async () => {
    const r = await ok(dir, [...POLICY, '--queue', url, '--workers', '4', ...resumeDir()]);
    expect(stable(r.stdout)).toEqual(local.POLICY);
  }, 60_000);

  it('a worker killed with SIGKILL mid-run: its job runs on the other worker and the result is unchanged', async () => {
    const run = startGsim(dir, [...SLOW_GA, '--queue', url, '--workers', '4', ...resumeDir()]);
    const victim = workers[0];
    await victim.waitFor('loaded setup');
    victim.proc.kill('SIGKILL');
    await victim.exited;
    expect(await run.exited).toBe(0);
    expect(stable(run.stdout())).toEqual(local.SLOW_GA);
  }, 60_000);

  it('Redis lost mid-run: a clear error naming the URL, then the same command resumes and gives the same result', async () => {
    const resume = resumeDir();
    const run = startGsim(dir, [...SLOW_GA, '--queue', url, '--workers', '2', ...resume]);
    // Some jobs have finished (the journal has their answers) when Redis goes.
    const file = join(resume[1], 'results.jsonl');
    await expect.poll(() => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length : 0), { timeout: 30_000, interval: 50 }).toBeGreaterThan(3);
    await redis.stop();
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`lost the connection to Redis at ${url}`);
    expect(run.stderr()).toContain('run the same command again to resume');

    await redis.start();
    const again = await ok(dir, [...SLOW_GA, '--queue', url, '--workers', '2', ...resume]);
    expect(stable(again.stdout)).toEqual(local.SLOW_GA);
  }, 90_000);

  it('Redis unreachable at start: a clear error naming the URL (password hidden), exit code 1', async () => {
    const r = await runGsim(dir, [...GA, '--queue', 'redis://someone:secret@127.0.0.1:1', ...resumeDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot reach Redis at redis://someone:***@127.0.0.1:1');
    expect(r.stderr).not.toContain('secret');
  }, 30_000);
});
