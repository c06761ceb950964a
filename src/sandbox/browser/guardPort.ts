import type { Endpoint } from 'comlink';

/** Why a guarded worker was stopped. */
export type PortViolation = 'unsolicited' | 'malformed';

/**
 * The page's side of a simulation worker's MessagePort, as a comlink endpoint that lets through only
 * answers to calls the page made: every message the page posts carries a comlink id, and the worker may
 * answer each id once. Anything else (a message after its call returned, a second answer, a flood from a
 * program that captured the port) is a violation: `onViolation` runs once (the caller kills the worker)
 * and nothing more from the port is delivered. So a program can post at most one message per open
 * call, and its worker dies on the first one it posts out of turn.
 * @example
 * const ep = guardPort(link.port, () => link.terminate());
 * const api = wrap<SimWorkerApi>(ep);
 */
export function guardPort(port: MessagePort, onViolation: (why: PortViolation) => void): Endpoint {
  const open = new Set<string>();
  const listeners = new Set<EventListenerOrEventListenerObject>();
  let broken = false;
  port.addEventListener('message', (ev: MessageEvent) => {
    if (broken) return;
    const data: unknown = ev.data;
    const id = data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !open.delete(id)) {
      broken = true;
      port.close();
      onViolation(typeof id === 'string' ? 'unsolicited' : 'malformed');
      return;
    }
    for (const l of listeners) (typeof l === 'function' ? l : l.handleEvent.bind(l))(ev);
  });
  port.start();
  return {
    postMessage(message: unknown, transfer?: Transferable[]) {
      const id = message !== null && typeof message === 'object' ? (message as { id?: unknown }).id : undefined;
      if (typeof id === 'string') open.add(id);
      port.postMessage(message, transfer ?? []);
    },
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void listeners.add(listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void listeners.delete(listener),
  };
}
