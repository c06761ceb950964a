// The hostile-program corpus (tests/hostile/corpus) through the real Node pool: isolated worker
// processes with a heap limit, each program in fresh processes and its own vm context. Every case must end as its manifest says (time-limit
// cases within 2 s), leak no canary, and leave the pool able to score the COVID ground truth exactly as
// before (other projects untouched).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/Dataset.ts';
import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import { createNodePool, type NodeSimPool } from '../../src/pool/createNodePool.ts';
import { probeProgram, type ProbeOutcome } from '../../src/pool/probeProgram.ts';
import { CANARY, casesFor, HOSTILE_CORPUS } from './corpus/index.ts';

const covid = getEnvironment('covid');

describe('hostile corpus in the Node pool', () => {
  let pool: NodeSimPool;
  let data: Dataset;
  let reference: ProbeOutcome;
  const probe = (source: string, phase: 'load' | 'step') => probeProgram(pool, source, data, phase, () => performance.now());

  beforeAll(async () => {
    data = generateDataset(covid, 1, { train: 2, val: 1, test: 1, horizon: 5 });
    // 5 s: generous for the heavy-but-legal cases (a 3-million-number state) on a loaded machine.
    pool = createNodePool({ size: 2, timeoutMs: 5000, maxMemoryMb: 96 });
    reference = await probe(covid.groundTruthSource, 'step');
    process.env.GSIM_CANARY = CANARY;
  });
  afterAll(() => {
    pool.terminate();
    delete process.env.GSIM_CANARY;
  });

  it('has at least 30 cases, each with a unique id', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_CORPUS.map((c) => c.id)).size).toBe(HOSTILE_CORPUS.length);
    expect(reference.code).toBe('ok');
  });

  it.each(casesFor('node').map(({ c, expect: e }) => [c.id, c, e] as const))('%s', async (_id, c, want) => {
    const got = await probe(c.source, c.phase);
    expect(got.code, `${c.what}: ${got.message}`).toBe(want.code);
    if (want.code !== 'ok') expect(got.message).toMatch(want.message);
    else if (want.state) expect(got.state).toMatchObject(want.state);
    expect(JSON.stringify(got)).not.toContain(CANARY);
    if (c.timeLimit) expect(got.ms).toBeLessThan(8000);
    // The pool still works and other programs are untouched (same numbers as before the case).
    const after = await probe(covid.groundTruthSource, 'step');
    expect(after).toMatchObject({ code: 'ok', state: reference.state });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(existsSync('/tmp/gsim-pwned')).toBe(false);
  }, 20_000);
});
