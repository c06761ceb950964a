// `npm run bench -- --queue [--quick] [--json]`: what the BullMQ queue backend costs on this machine.
// A real redis-server on a free loopback port and 1, 2, 4 real `gsim worker` processes (one simulator
// process each): the per-job overhead (a `ping` job: queue round trip + worker + sandboxed process),
// job throughput, and the fitness throughput (one GA candidate per job, as poolEvaluator sends them)
// beside a local pool of the same size. Figures depend on the machine and its load (style P11).
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { createNodePool, type NodeSimPool } from '../src/pool/createNodePool.ts';
import { poolEvaluator } from '../src/pool/poolEvaluator.ts';
import { QueueClient } from '../src/pool/queue/QueueClient.ts';
import { QueuePool } from '../src/pool/queue/QueuePool.ts';
import { encodeWire } from '../src/pool/queue/wireCodec.ts';
import { startWorker, stopProcess } from '../tests/queue/gsimProcess.ts';
import { hasRedisServer, startRedisServer } from '../tests/queue/redisServer.ts';

interface QueueRow {
  workers: number;
  /** Median ms of one ping job with nothing else in flight. */
  pingMs: number;
  /** Ping jobs per second with 64 in flight. */
  pingJobsPerSecond: number;
  /** GA candidates per second (one job each) on the queue, and on a local pool of as many processes. */
  queueCandidatesPerSecond: number;
  localCandidatesPerSecond: number;
}

export async function runQueueBench(quick: boolean, json: boolean): Promise<void> {
  const log = (s: string) => process.stderr.write(s + '\n');
  if (!hasRedisServer()) throw new Error('bench --queue needs redis-server (bash scripts/ensure-redis.sh installs it)');
  const env = getEnvironment('covid');
  const dataset = generateDataset(env, 1, { train: quick ? 20 : 100, val: 0, test: 0 });
  const batch = Array.from({ length: quick ? 64 : 192 }, (_, i) => new Float64Array([0.25 + 0.001 * i, 0.1 + 0.0005 * i]));
  const sizes = {
    setupBytes: encodeWire({ source: env.groundTruthSource, dataset }).length,
    fitnessJobBytes: encodeWire({ role: 'model', setup: 'f'.repeat(64), method: 'fitness', args: [[batch[0]], 1, 2, 'mse'], timeoutMs: 60_000 }).length,
    fitnessResultBytes: encodeWire({ t: 'ok', value: { fitness: new Float64Array(1), simulations: 1200, failures: 0 } }).length,
  };
  const redis = await startRedisServer();
  const rows: QueueRow[] = [];
  try {
    for (const n of quick ? [1, 2] : [1, 2, 4]) {
      log(`queue bench: ${n} gsim worker process${n > 1 ? 'es' : ''}…`);
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(process.cwd(), redis.url)));
      const client = await QueueClient.connect({ url: redis.url });
      const pool = new QueuePool(client, { size: 64 });
      try {
        await pool.broadcast((api) => api.load(env.groundTruthSource, dataset));
        await pool.map(Array.from({ length: 2 * n }, (_, i) => i), (api) => api.ping()); // warm-up: every worker's bare process
        const lat: number[] = [];
        for (let i = 0; i < (quick ? 20 : 50); i++) {
          const t = performance.now();
          await pool.run((api) => api.ping());
          lat.push(performance.now() - t);
        }
        lat.sort((a, b) => a - b);
        const pings = quick ? 300 : 1000;
        const t0 = performance.now();
        await pool.map(Array.from({ length: pings }, (_, i) => i), (api) => api.ping());
        const pingJobsPerSecond = pings / ((performance.now() - t0) / 1000);
        const onQueue = await candidatesPerSecond(pool, batch);
        const local = createNodePool({ size: n, spares: 0 });
        let localRate: number;
        try {
          await local.broadcast((api) => api.load(env.groundTruthSource, dataset));
          localRate = await candidatesPerSecond(local, batch);
        } finally {
          local.terminate();
        }
        rows.push({ workers: n, pingMs: lat[lat.length >> 1], pingJobsPerSecond, queueCandidatesPerSecond: onQueue, localCandidatesPerSecond: localRate });
      } finally {
        pool.terminate();
        await client.close();
        await Promise.all(workers.map(stopProcess));
      }
    }
  } finally {
    await redis.dispose();
  }
  const f = (x: number, d = 1) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  log(`\nqueue backend (redis-server on loopback, gsim worker processes with 1 simulator process each; covid, ${dataset.splits.train.length} train trajectories, mc 2)`);
  log('workers | ping job ms (1 in flight) | ping jobs/s (64 in flight) | candidates/s queue | candidates/s local | queue/local');
  for (const r of rows) {
    log(`${r.workers} | ${f(r.pingMs)} | ${f(r.pingJobsPerSecond, 0)} | ${f(r.queueCandidatesPerSecond)} | ${f(r.localCandidatesPerSecond)} | ${f((100 * r.queueCandidatesPerSecond) / r.localCandidatesPerSecond, 0)} %`);
  }
  log(`payloads: setup (program + dataset, stored once) ${f(sizes.setupBytes / 1024)} KiB; fitness job (1 candidate) ${sizes.fitnessJobBytes} B; its result ${sizes.fitnessResultBytes} B`);
  if (json) process.stdout.write(JSON.stringify({ rows, sizes }, null, 2) + '\n');
}

/** GA candidates scored per second, one per call (poolEvaluator's default chunk), after a warm-up batch. */
async function candidatesPerSecond(pool: NodeSimPool, batch: Float64Array[]): Promise<number> {
  const evaluate = poolEvaluator(pool, 2);
  await evaluate(batch.slice(0, 8), 1);
  const t0 = performance.now();
  await evaluate(batch, 2);
  return batch.length / ((performance.now() - t0) / 1000);
}
