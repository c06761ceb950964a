import type { Endpoint } from 'comlink';
import { cloneSizeAtMost } from './cloneSizeAtMost.ts';

/** Why a guarded worker was stopped. */
export type PortViolation = 'unsolicited' | 'malformed' | 'oversized';

/** The most bytes an answer may hold (the default when no `answerBudget` is given): 64 MiB. */
export const DEFAULT_ANSWER_BUDGET = 64 * 1024 * 1024;

export interface GuardPortOptions {
  /**
   * The most bytes (as {@link cloneSizeAtMost} estimates them) the answer to a request may hold; it
   * sees the request as the page posts it (a comlink message: `{ id, type, path, argumentList }`), so a
   * budget can be sized per method and from the request. Default {@link DEFAULT_ANSWER_BUDGET}.
   */
  answerBudget?: (request: unknown) => number;
}

/**
 * The page's side of a simulation worker's MessagePort, as a comlink endpoint that lets through only
 * answers to calls the page made: every message the page posts carries a comlink id, and the worker may
 * answer each id once, with at most that call's byte budget. Anything else (a message after its call
 * returned, a second answer, a flood from a program that captured the port, an answer inflated past its
 * budget, a message the page cannot deserialize) is a violation: `onViolation` runs once (the caller kills the worker) and nothing more from
 * the port is delivered. So a program can post at most one bounded message per open call, and its
 * worker dies on the first one out of turn or oversized.
 *
 * An oversized answer has already been copied into the page when it is measured (a port offers no
 * size before it deserializes): the cap keeps it from being used or kept, and stops the worker from
 * sending another; it cannot make the one copy cheaper.
 * @example
 * const ep = guardPort(link.port, () => link.terminate());
 * const api = wrap<SimWorkerApi>(ep);
 */
export function guardPort(port: MessagePort, onViolation: (why: PortViolation) => void, options: GuardPortOptions = {}): Endpoint {
  const budgetOf = options.answerBudget ?? (() => DEFAULT_ANSWER_BUDGET);
  const open = new Map<string, number>();
  const listeners = new Set<EventListenerOrEventListenerObject>();
  let broken = false;
  const stop = (why: PortViolation) => {
    broken = true;
    port.close();
    onViolation(why);
  };
  port.addEventListener('message', (ev: MessageEvent) => {
    if (broken) return;
    const data: unknown = ev.data;
    const id = data !== null && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
    const budget = typeof id === 'string' ? open.get(id) : undefined;
    if (budget === undefined) return stop(typeof id === 'string' ? 'unsolicited' : 'malformed');
    open.delete(id as string);
    if (cloneSizeAtMost(data, budget) > budget) return stop('oversized');
    for (const l of listeners) (typeof l === 'function' ? l : l.handleEvent.bind(l))(ev);
  });
  // A message the page cannot deserialize arrives as `messageerror`, which carries no data and so no id:
  // out of turn too, or a program that found a way to post such messages could do so without end and
  // never be stopped. (Defence in depth: in Chromium a WebAssembly.Module posted from the sandbox
  // arrives as a `message` without an id, and is stopped as malformed.)
  port.addEventListener('messageerror', () => {
    if (!broken) stop('malformed');
  });
  port.start();
  return {
    postMessage(message: unknown, transfer?: Transferable[]) {
      const id = message !== null && typeof message === 'object' ? (message as { id?: unknown }).id : undefined;
      if (typeof id === 'string') open.set(id, budgetOf(message));
      port.postMessage(message, transfer ?? []);
    },
    addEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void listeners.add(listener),
    removeEventListener: (_type: string, listener: EventListenerOrEventListenerObject) => void listeners.delete(listener),
  };
}
