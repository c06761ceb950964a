import { describe, expect, it } from 'vitest';
import { guardPort } from '../sandbox/browser/guardPort.ts';

/** The next message on a port (the worker's side of the channel). */
const next = (port: MessagePort) => new Promise<unknown>((resolve) => port.addEventListener('message', (e) => resolve(e.data), { once: true }));

describe('guardPort', () => {
  it('delivers one answer per open call and stops the worker at its first message out of turn', async () => {
    const { port1: page, port2: worker } = new MessageChannel();
    worker.start();
    const violations: string[] = [];
    const ep = guardPort(page, (why) => violations.push(why));
    const got: unknown[] = [];
    ep.addEventListener('message', (e) => got.push((e as MessageEvent).data));

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
