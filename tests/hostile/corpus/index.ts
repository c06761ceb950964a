import { ESCAPE_CASES } from './escapes.ts';
import type { Expectation, HostileCase } from './HostileCase.ts';
import { LIMIT_CASES } from './limits.ts';
import { NODE_CASES } from './nodeOnly.ts';
import { REACH_CASES } from './reach.ts';
import { VALUE_CASES } from './values.ts';

export { CANARY, type Expectation, type HostileCase } from './HostileCase.ts';

/** The hostile-program corpus (issue #8): every case with its expected outcome. */
export const HOSTILE_CORPUS: HostileCase[] = [...LIMIT_CASES, ...REACH_CASES, ...ESCAPE_CASES, ...VALUE_CASES, ...NODE_CASES];

/** The cases a runner runs, with the expectation that holds there. */
export function casesFor(runner: 'node' | 'browser'): { c: HostileCase; expect: Expectation }[] {
  return HOSTILE_CORPUS.filter((c) => !c.only || c.only === runner).map((c) => ({ c, expect: c[runner] ?? c.expect }));
}
