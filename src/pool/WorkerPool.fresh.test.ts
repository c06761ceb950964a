import { describe, expect, it } from 'vitest';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** A fake worker that remembers what was loaded into it ("its realm"). */
interface FakeApi {
  id: number;
  load(name: string): Promise<string>;
  loaded(): Promise<string[]>;
}

function factory(made: { terminated: boolean }[]) {
  return (): WorkerHandle<FakeApi> => {
    const id = made.length;
    const rec = { terminated: false };
    made.push(rec);
    const realm: string[] = [];
    return {
      api: { id, load: async (n) => (realm.push(n), `${n}@${id}`), loaded: async () => [...realm] },
      exited: new Promise<Error>(() => {}),
      terminate: () => void (rec.terminated = true),
    };
  };
}

describe('WorkerPool freshWorkersPerBroadcast', () => {
  it('runs each new broadcast on fresh workers, so nothing of the previous program is left in them', async () => {
    const made: { terminated: boolean }[] = [];
    const pool = new WorkerPool(factory(made), { size: 2, freshWorkersPerBroadcast: true });
    expect(await pool.broadcast((api) => api.load('first'))).toEqual(['first@0', 'first@1']);
    expect(await pool.map([0, 1], (api) => api.loaded())).toEqual([['first'], ['first']]);
    expect(await pool.broadcast((api) => api.load('second'))).toEqual(['second@2', 'second@3']);
    expect(await pool.map([0, 1], (api) => api.loaded())).toEqual([['second'], ['second']]);
    expect(made.map((m) => m.terminated)).toEqual([true, true, false, false]);
    pool.terminate();
  });

  it('also replaces a worker whose broadcast failed (the program may have broken its realm before failing)', async () => {
    const made: { terminated: boolean }[] = [];
    const pool = new WorkerPool(factory(made), { size: 1, freshWorkersPerBroadcast: true });
    await expect(pool.broadcast(async (api) => (await api.load('bad'), Promise.reject(new Error('broken'))))).rejects.toThrow('broken');
    expect(await pool.broadcast((api) => api.load('good'))).toEqual(['good@1']);
    expect(await pool.run((api) => api.loaded())).toEqual(['good']);
    pool.terminate();
  });

  it('keeps workers across broadcasts by default', async () => {
    const made: { terminated: boolean }[] = [];
    const pool = new WorkerPool(factory(made), { size: 1 });
    await pool.broadcast((api) => api.load('first'));
    expect(await pool.broadcast((api) => api.load('second'))).toEqual(['second@0']);
    expect(await pool.run((api) => api.loaded())).toEqual(['first', 'second']);
    pool.terminate();
  });
});
