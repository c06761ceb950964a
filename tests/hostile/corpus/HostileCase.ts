import type { SimulatorErrorCode } from '../../../src/core/sim/SimulatorError.ts';
import type { ProbePhase } from '../../../src/pool/probeProgram.ts';

/** How a hostile program must end: an error with this code and message, or a normal run. */
export type Expectation =
  /** `crash`: the worker API itself failed (the program broke its own worker's realm); the message says how. */
  | { code: SimulatorErrorCode | 'crash'; message: RegExp }
  /** It runs; `state` (when given) holds values the first stepped state must have (e.g. S = 0: "nothing reached"). */
  | { code: 'ok'; state?: Record<string, number> };

/**
 * One program of the hostile corpus. `expect` applies in every runner unless `node` / `browser` says
 * otherwise (the Node vm sandbox and the browser's iframe sandbox refuse some escapes at different
 * points, with different messages); `only` limits a case to one runner, with the reason in `why`.
 */
export interface HostileCase {
  id: string;
  /** What the program tries, in words. */
  what: string;
  source: string;
  phase: ProbePhase;
  expect: Expectation;
  node?: Expectation;
  browser?: Expectation;
  only?: 'node' | 'browser';
  why?: string;
  /** A time-limit case: must end within about a second of the runner's limit (1 s in the browser, 5 s in Node). */
  timeLimit?: true;
}

/** The value planted in the page's localStorage, IndexedDB and cookie; no outcome may contain it. */
export const CANARY = 'CANARY-7f3a91';

/** Parameters every corpus program declares (the data is COVID: S, I, R). */
export const PARAMS = 'const parameters = { beta: { min: 0, max: 2, init: 0.5 }, gamma: { min: 0, max: 1, init: 0.1 } };\n';

/** A program whose step runs `body` (with state, action, params, rng in scope). */
export function withStep(body: string): string {
  return `${PARAMS}function step(state, action, params, rng) {\n${body}\n}\n`;
}

/** A step that passes the state through. */
export const PASS = 'return { S: state.S, I: state.I, R: state.R };';
