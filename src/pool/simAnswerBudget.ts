import { DEFAULT_ANSWER_BUDGET } from '../sandbox/browser/guardPort.ts';

/** Room for an answer's envelope, an error message and small fields, above what its data needs. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The most bytes a simulation worker's answer to a comlink request may hold ({@link guardPort}'s
 * `answerBudget`): tight for the answers whose size the request fixes (`ping`, `load`'s parameter list,
 * one fitness per candidate of a `fitness` batch), {@link DEFAULT_ANSWER_BUDGET} for the answers that
 * grow with the loaded data (rollouts, diagnostics, scenarios), which the guard cannot size from the
 * request alone. A program that inflates an answer past its budget gets its worker killed.
 * @param request the comlink message the page posts: `{ id, type: 'APPLY', path: [method], argumentList }`.
 */
export function simAnswerBudget(request: unknown): number {
  const r = (request ?? {}) as { type?: unknown; path?: unknown; argumentList?: unknown };
  if (r.type !== 'APPLY' || !Array.isArray(r.path) || r.path.length !== 1) return ENVELOPE_BYTES; // GET, RELEASE, …
  switch (r.path[0]) {
    case 'ping':
      return ENVELOPE_BYTES;
    case 'load':
      return 16 * ENVELOPE_BYTES; // parameter specs (names, ranges, descriptions) or one error
    case 'fitness': {
      // argumentList[0] is the wire form of the batch: { type: 'RAW', value: Float64Array[] }.
      const batch = (Array.isArray(r.argumentList) ? (r.argumentList[0] as { value?: unknown } | undefined)?.value : undefined) as unknown;
      const candidates = Array.isArray(batch) ? batch.length : 0;
      return ENVELOPE_BYTES + 8 * candidates;
    }
    default:
      return DEFAULT_ANSWER_BUDGET;
  }
}
