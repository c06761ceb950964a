import { describe, expect, it } from 'vitest';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** An in-process stand-in for a worker: `hang` never answers (like `while (true)`), `crash` dies. */
interface FakeApi {
  id: number;
  loaded: string[];
  echo(x: number): Promise<number>;
  hang(): Promise<never>;
  load(name: string): Promise<string>;
}

function fakeFactory() {
  const made: { id: number; terminated: boolean; die: (e: Error) => void }[] = [];
  const factory = (): WorkerHandle<FakeApi> => {
    const id = made.length;
    let die!: (e: Error) => void;
    const exited = new Promise<Error>((resolve) => (die = resolve));
    const rec = { id, terminated: false, die };
    made.push(rec);
    const api: FakeApi = {
      id,
      loaded: [],
      echo: async (x) => x * 2,
      hang: () => new Promise<never>(() => {}),
      load: async (name) => {
        api.loaded.push(name);
        return `${name}@${id}`;
      },
    };
    return { api, exited, terminate: () => void (rec.terminated = true) };
  };
  return { factory, made };
}

describe('WorkerPool', () => {
  it('map(items, task) keeps the order of the items', async () => {
    const { factory } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 3 });
    expect(await pool.map([1, 2, 3, 4, 5], (api, x) => api.echo(x))).toEqual([2, 4, 6, 8, 10]);
    pool.terminate();
  });

  it('run(task) rejects with SimulatorError timeout naming the limit, replaces the worker, and the pool works afterwards', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 1, timeoutMs: 50 });
    const err = await pool.run((api) => api.hang()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulatorError);
    expect((err as SimulatorError).code).toBe('timeout');
    expect((err as SimulatorError).message).toContain('50 ms');
    expect(made[0].terminated).toBe(true);
    expect(pool.replacements).toBe(1);
    expect(await pool.run((api) => api.echo(21))).toBe(42);
    expect(pool.busyCount).toBe(0);
    pool.terminate();
  });

  it('a worker that never starts (its first ping never answered) fails the call at the start-up limit, is replaced, and the next worker serves', async () => {
    const { factory, made } = fakeFactory();
    // The first worker's sandbox never answers; its replacement starts normally.
    const pool = new WorkerPool<FakeApi>(() => {
      const handle = factory();
      return made.length === 1 ? { ...handle, ready: new Promise<never>(() => {}) } : { ...handle, ready: Promise.resolve() };
    }, { size: 1, timeoutMs: 10, startupLimitMs: 50 });
    const err = await pool.run((api) => api.echo(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulatorError);
    expect((err as SimulatorError).code).toBe('timeout');
    expect((err as SimulatorError).message).toMatch(/did not start within 50 ms/);
    expect(made[0].terminated).toBe(true);
    expect(await pool.run((api) => api.echo(21))).toBe(42);
    pool.terminate();
  });

  it('a worker whose sandbox dies before it answers its first ping: the call goes to a fresh worker and succeeds (the program never ran there)', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool<FakeApi>(() => {
      const handle = factory();
      return made.length === 1 ? { ...handle, ready: new Promise<never>(() => {}) } : { ...handle, ready: Promise.resolve() };
    }, { size: 1, startupLimitMs: 60_000 });
    const pending = pool.run((api) => api.echo(21));
    await Promise.resolve();
    made[0].die(new Error('the simulation sandbox did not start within 15 s; it was rebuilt'));
    expect(await pending).toBe(42);
    expect(made[0].terminated).toBe(true);
    expect(pool.replacements).toBe(1);
    pool.terminate();
  });

  it('a worker that keeps dying before it starts: after two fresh workers the crash is reported, naming the reason', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool<FakeApi>(() => {
      const handle = factory();
      made[made.length - 1].die(new Error('its sandbox is gone'));
      return { ...handle, ready: new Promise<never>(() => {}) };
    }, { size: 1, startupLimitMs: 60_000 });
    const err = (await pool.run((api) => api.echo(1)).catch((e: unknown) => e)) as SimulatorError;
    expect(err).toBeInstanceOf(SimulatorError);
    expect(err.code).toBe('runtime');
    expect(err.message).toContain('its sandbox is gone');
    // The first worker, the two it was retried on, and the replacement after the failure.
    expect(made.length).toBe(4);
    pool.terminate();
  });

  it('after an item of a map fails, a sibling whose worker dies before starting is not retried: the failed call runs nothing more', async () => {
    const { factory, made } = fakeFactory();
    const ran: number[] = [];
    // Worker 0 starts and fails its item; worker 1 never answers its ping, then dies.
    const pool = new WorkerPool<FakeApi>(() => {
      const handle = factory();
      return made.length === 2 ? { ...handle, ready: new Promise<never>(() => {}) } : { ...handle, ready: Promise.resolve() };
    }, { size: 2, startupLimitMs: 60_000 });
    const err = await pool.map([0, 1], async (api, item) => {
      ran.push(item);
      if (item === 0) throw new SimulatorError('runtime', 'item 0 failed');
      return api.echo(item);
    }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('item 0 failed');
    made[1].die(new Error('its sandbox is gone'));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual([0]);
    expect(made.length).toBe(3);
    pool.terminate();
  });

  it('forget(reason) rejects the calls that would run the forgotten program, running or queued, and replacements no longer load it', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 1 });
    await pool.broadcast((api) => api.load('bomb'));
    const running = pool.run((api) => api.hang()).catch((e: unknown) => e);
    const queued = pool.run((api) => api.echo(1)).catch((e: unknown) => e);
    await Promise.resolve();
    pool.forget(new Error('its run failed'));
    expect(((await running) as Error).message).toBe('its run failed');
    expect(((await queued) as Error).message).toBe('its run failed');
    expect(made[0].terminated).toBe(true);
    // The replacement holds no program: the forgotten broadcast is not replayed on it.
    expect(await pool.run(async (api) => api.loaded)).toEqual([]);
    expect(made.length).toBe(2);
    // The next program's broadcast loads as usual.
    expect(await pool.broadcast((api) => api.load('benign'))).toEqual(['benign@1']);
    pool.terminate();
  });

  it('broadcast(task) runs on every worker and is replayed on a replacement before its first call', async () => {
    const { factory } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 2, timeoutMs: 50 });
    const replies = await pool.broadcast((api) => api.load('prog'));
    expect(replies.sort()).toEqual(['prog@0', 'prog@1']);
    await pool.run((api) => api.hang()).catch(() => undefined);
    const loaded = await pool.map([0, 1, 2, 3], async (api) => api.loaded.join(','));
    expect(loaded.every((l) => l === 'prog')).toBe(true);
    pool.terminate();
  });

  it('an aborted signal rejects queued and running calls promptly and leaves no worker busy', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 2 });
    const controller = new AbortController();
    const calls = [0, 1, 2, 3].map(() => pool.run((api) => api.hang(), { signal: controller.signal }).catch((e: unknown) => e));
    controller.abort();
    const errors = await Promise.all(calls);
    expect(errors.every((e) => (e as Error).name === 'AbortError')).toBe(true);
    expect(made.slice(0, 2).every((m) => m.terminated)).toBe(true);
    expect(pool.busyCount).toBe(0);
    expect(await pool.run((api) => api.echo(1))).toBe(2);
    pool.terminate();
  });

  it('a worker that dies mid-call rejects that call with a SimulatorError and is replaced', async () => {
    const { factory, made } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 1 });
    const pending = pool.run((api) => api.hang()).catch((e: unknown) => e);
    await Promise.resolve();
    made[0].die(new SimulatorError('runtime', 'the simulator ran out of memory'));
    const err = (await pending) as SimulatorError;
    expect(err.code).toBe('runtime');
    expect(err.message).toContain('out of memory');
    expect(await pool.run((api) => api.echo(2))).toBe(4);
    expect(pool.replacements).toBe(1);
    pool.terminate();
  });

  it('map(items, task) drops the items not yet started after the first failure', async () => {
    const { factory } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 1 });
    let started = 0;
    const err = await pool
      .map([1, 2, 3], async (api, x) => {
        started++;
        if (x === 1) throw new Error('boom');
        return api.echo(x);
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('boom');
    expect(started).toBe(1);
    pool.terminate();
  });

  it('terminate() rejects running calls instead of leaving them pending', async () => {
    const { factory } = fakeFactory();
    const pool = new WorkerPool(factory, { size: 1 });
    const pending = pool.run((api) => api.hang()).catch((e: unknown) => e);
    await Promise.resolve();
    pool.terminate();
    expect(((await pending) as Error).message).toContain('terminated');
  });
});
