/** Two parameter indices: the horizontal and vertical axis of the population picture. */
export type AxisPair = readonly [number, number];

/** One array for the fallback, so a memo keyed on the pair does not recompute on every render. */
const FIRST_TWO: AxisPair = [0, 1];

/**
 * The pair to draw for a run with `count` parameters: `chosen` when both indices exist, else the first
 * two parameters; null below two parameters (nothing to draw). The chosen pair is kept in component
 * state and outlives the run it was picked for: the viewed run can change under it to one with fewer
 * parameters (another run picked, the project switched, a run that has not loaded its program yet and
 * so has none), and indexing past the end is what crashed the panel ("reading 'name'").
 */
export function validAxisPair(chosen: AxisPair, count: number): AxisPair | null {
  if (count < 2) return null;
  const fits = (k: number) => Number.isInteger(k) && k >= 0 && k < count;
  return fits(chosen[0]) && fits(chosen[1]) ? chosen : FIRST_TWO;
}
