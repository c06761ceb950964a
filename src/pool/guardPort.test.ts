import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_BUDGET, guardPort } from '../sandbox/browser/guardPort.ts';
import { simAnswerBudget } from './simAnswerBudget.ts';

/** The next message on a port (the worker's side of the channel). */
const next = (port: MessagePort) => new Promise<unknown>((resolve) => port.addEventListener('message', (e) => resolve(e.data), { once: true }));

/** A channel whose page side is guarded: what the guard lets through, and the violations it saw. */
function guardedChannel(options?: Parameters<typeof guardPort>[2]) {
  const { port1: page, port2: worker } = new MessageChannel();
  worker.start();
  const violations: string[] = [];
  const ep = guardPort(page, (why) => violations.push(why), options);
  const got: unknown[] = [];
  ep.addEventListener('message', (e) => got.push((e as MessageEvent).data));
  return { page, worker, ep, violations, got };
}

describe('guardPort', () => {
  it('delivers one answer per open call and stops the worker at its first message out of turn', async () => {
    const { worker, ep, violations, got } = guardedChannel();

    const asked = next(worker);
    ep.postMessage({ id: 'call-1', type: 'APPLY' });
    expect(await asked).toEqual({ id: 'call-1', type: 'APPLY' });
    worker.postMessage({ id: 'call-1', value: 42 });
    await expect.poll(() => got).toEqual([{ id: 'call-1', value: 42 }]);

    // The call returned: a second answer to it, then a flood, are out of turn.
    worker.postMessage({ id: 'call-1', value: 'again' });
    for (let i = 0; i < 10; i++) worker.postMessage({ id: 'flood', blob: 'x'.repeat(1000) });
    await expect.poll(() => violations).toEqual(['unsolicited']);
    expect(got).toHaveLength(1);
    worker.close();
  });

  it('treats a message without a comlink id as malformed', async () => {
    const { port1: page, port2: worker } = new MessageChannel();
    const violations: string[] = [];
    guardPort(page, (why) => violations.push(why));
    worker.postMessage('hello');
    await expect.poll(() => violations).toEqual(['malformed']);
    worker.close();
  });
});

describe('guardPort undeserializable messages', () => {
  it('stops the worker at a message the page cannot deserialize, and delivers nothing from it afterwards', async () => {
    const { page, worker, ep, violations, got } = guardedChannel();
    ep.postMessage({ id: 'call-1', type: 'APPLY' });
    // What the browser fires on the page's port when a worker posts what cannot cross (no data, no id).
    page.dispatchEvent(new Event('messageerror'));
    expect(violations).toEqual(['malformed']);
    worker.postMessage({ id: 'call-1', value: 42 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got).toEqual([]);
    expect(violations).toEqual(['malformed']);
    worker.close();
  });
});

describe('guardPort answer budget', () => {
  it('stops the worker whose answer is larger than its call allows, and delivers answers within it', async () => {
    const { worker, ep, violations, got } = guardedChannel({ answerBudget: (req) => ((req as { path: string[] }).path[0] === 'ping' ? 1024 : 1e6) });

    ep.postMessage({ id: 'big', type: 'APPLY', path: ['rollouts'] });
    worker.postMessage({ id: 'big', value: new Float64Array(100_000) }); // 800 kB, within 1 MB
    await expect.poll(() => got).toHaveLength(1);

    ep.postMessage({ id: 'p', type: 'APPLY', path: ['ping'] });
    worker.postMessage({ id: 'p', value: 'pong', padding: new Float64Array(1000) }); // 8 kB for a 1 kB call
    await expect.poll(() => violations).toEqual(['oversized']);
    expect(got).toHaveLength(1);
    worker.close();
  });
});

describe('simAnswerBudget', () => {
  it('sizes a fitness answer from its batch, and leaves data-sized answers the default', () => {
    const fitness = (n: number) => ({ id: 'x', type: 'APPLY', path: ['fitness'], argumentList: [{ type: 'RAW', value: Array.from({ length: n }, () => new Float64Array(3)) }] });
    expect(simAnswerBudget(fitness(1000)) - simAnswerBudget(fitness(0))).toBe(8000);
    expect(simAnswerBudget({ id: 'x', type: 'APPLY', path: ['ping'], argumentList: [] })).toBeLessThan(100_000);
    expect(simAnswerBudget({ id: 'x', type: 'APPLY', path: ['rollouts'], argumentList: [] })).toBe(DEFAULT_ANSWER_BUDGET);
    expect(simAnswerBudget(null)).toBeLessThan(100_000);
  });
});
