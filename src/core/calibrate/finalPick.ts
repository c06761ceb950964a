import type { CalibrationLedger } from './calibrationLedger.ts';

/**
 * The final pick of the `converge` budget (issue #14): which point a search returns.
 *
 * Under a noisy fitness the incumbent is a poor answer on its own. It is replaced whenever any of the
 * generation's samples scores strictly better in the same evaluator call, and with lambda samples a
 * generation over dozens of generations some worse point wins such a draw sooner or later: on flow
 * balance (seed 4) CMA-ES returned inflow 15.7 / outflow 12.1 (truth 8 / 5; W1 / floor 2.49), a
 * point its own first run had stalled at, although its restarts had converged near 9.6 / 6.5. A run's
 * final *mean* averages over its population instead of picking its luckiest member.
 *
 * So the search keeps, at the end of each of its runs, the run's final mean and the incumbent (the
 * finalists), and at the end races them: each round scores the finalists still in the race together
 * under a fresh seed (common random numbers within a call, so differences are paired), and from the
 * fifth round on drops each one whose paired difference to the leader is above zero by more than 2.5
 * standard errors. It stops when one is left, after 32 rounds, or when the reserve is spent, and
 * returns the lowest mean score. Why a race of up to 32 rounds: at the default K = 2 draws per
 * transition one call's paired difference is noisy (flow balance, inflow / outflow 13.4 / 10.8 against
 * 8.4 / 5.6: mean 0.062, sd 0.094 over 40 seeds), and 8 rounds for every finalist picked the worse of
 * that pair (GA, seed 2).
 */
export const FINAL_PICK = {
  /** Most rounds of the race (32 calls: 64 draws per transition at the default K = 2). */
  maxRounds: 32,
  /** Rounds before anyone is dropped (with 3, a standard error from 3 differences dropped a near-equal one). */
  minRounds: 5,
  /** A finalist is dropped once its mean paired difference to the leader exceeds this many standard errors. */
  dropAt: 2.5,
  /** The most finalists kept (CMA-ES: 4 runs × mean and incumbent). */
  maxFinalists: 8,
} as const;

/**
 * Races the distinct finalists (unit coordinates, inside the box; see {@link FINAL_PICK}) with seeds
 * from generation `firstGeneration` on, within `limit` candidates in all, and makes the winner the
 * ledger's incumbent with its mean score. Does nothing with fewer than two distinct finalists or room
 * for fewer than two rounds.
 * @returns the next free generation index, or undefined when the run was cancelled meanwhile.
 */
export async function pickFinalist(ledger: CalibrationLedger, finalists: readonly Float64Array[], firstGeneration: number, limit: number): Promise<number | undefined> {
  const distinct: Float64Array[] = [];
  for (const x of finalists.slice(-FINAL_PICK.maxFinalists)) {
    if (!distinct.some((d) => d.every((v, k) => v === x[k]))) distinct.push(Float64Array.from(x));
  }
  if (distinct.length < 2 || limit - ledger.candidates < 2 * distinct.length) return firstGeneration;
  // scores[i]: finalist i's score in each round it took part in.
  const scores: number[][] = distinct.map(() => []);
  let alive = distinct.map((_, i) => i);
  let round = 0;
  while (alive.length > 1 && round < FINAL_PICK.maxRounds && ledger.candidates + alive.length <= limit) {
    const f = await ledger.evaluate(alive.map((i) => distinct[i]), firstGeneration + round);
    if (!f) return undefined;
    alive.forEach((i, j) => scores[i].push(f[j]));
    round++;
    if (round < FINAL_PICK.minRounds) continue;
    const leader = lowest(alive, scores, round);
    alive = alive.filter((i) => i === leader || !clearlyWorse(scores[i], scores[leader], round));
  }
  // Those still in the race took part in every round; compare them over all of them.
  const best = lowest(alive, scores, round);
  const score = meanOfLast(scores[best], round);
  if (Number.isFinite(score)) ledger.setBest(distinct[best], score); // all failed here: keep the incumbent
  return firstGeneration + round;
}

/** The finalist among `alive` with the lowest mean over the last `rounds` rounds. */
function lowest(alive: readonly number[], scores: readonly number[][], rounds: number): number {
  return alive.reduce((a, b) => (meanOfLast(scores[b], rounds) < meanOfLast(scores[a], rounds) ? b : a));
}

function meanOfLast(xs: readonly number[], rounds: number): number {
  let s = 0;
  for (let r = xs.length - rounds; r < xs.length; r++) s += xs[r];
  return s / rounds;
}

/**
 * Whether `a` is worse than `leader` by more than {@link FINAL_PICK.dropAt} standard errors of their
 * paired differences over the last `rounds` rounds (a failed score counts as infinitely worse).
 */
function clearlyWorse(a: readonly number[], leader: readonly number[], rounds: number): boolean {
  const d: number[] = [];
  for (let k = 1; k <= rounds; k++) d.push(a[a.length - k] - leader[leader.length - k]);
  if (d.some((x) => x === Infinity)) return true;
  if (d.some((x) => !Number.isFinite(x))) return false;
  const m = d.reduce((x, y) => x + y, 0) / rounds;
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - m) ** 2, 0) / (rounds - 1));
  return m > FINAL_PICK.dropAt * (sd / Math.sqrt(rounds));
}
