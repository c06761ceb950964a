import { describe, expect, it } from 'vitest';
import { createLatestOnly } from './createLatestOnly.ts';

/** A job whose runs finish when the test says so. */
function controllableJob() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const run = (input: number) =>
    new Promise<number>((resolve) => {
      started.push(input);
      finish.push(() => resolve(input * 10));
    });
  return { started, finish, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLatestOnly', () => {
  it('runs the first input at once and only the latest of those that arrive meanwhile', async () => {
    const job = controllableJob();
    const got: number[] = [];
    const q = createLatestOnly(job.run, (r) => r.ok && got.push(r.value));
    q.submit(1);
    q.submit(2);
    q.submit(3);
    q.submit(4);
    expect(job.started).toEqual([1]);
    job.finish[0]();
    await tick();
    expect(job.started).toEqual([1, 4]);
    expect(q.superseded).toBe(2);
    job.finish[1]();
    await tick();
    expect(got).toEqual([10, 40]);
  });

  it('delivers errors with their input and keeps going', async () => {
    const results: string[] = [];
    const q = createLatestOnly(
      (x: number) => (x < 0 ? Promise.reject(new Error('negative')) : Promise.resolve(x)),
      (r) => results.push(r.ok ? `ok ${r.value}` : `error ${r.input}`),
    );
    q.submit(-1);
    await tick();
    q.submit(2);
    await tick();
    expect(results).toEqual(['error -1', 'ok 2']);
  });

  it('aborts the run in flight and drops waiting input on dispose', async () => {
    let signal: AbortSignal | null = null;
    const started: number[] = [];
    const q = createLatestOnly(
      (x: number, s) => {
        signal = s;
        started.push(x);
        return new Promise<number>(() => {});
      },
      () => {},
    );
    q.submit(1);
    q.submit(2);
    q.dispose();
    q.submit(3);
    await tick();
    expect(signal!.aborted).toBe(true);
    expect(started).toEqual([1]);
  });
});
