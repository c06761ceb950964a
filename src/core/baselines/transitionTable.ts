import type { Dataset, SplitName } from '../data/Dataset.ts';
import { chooseStartStates } from '../eval/chooseStartStates.ts';

/**
 * One-step transitions as the data-driven baselines see them: the observation vector x[t] (plus the
 * action when the data has one) as the regression input, and the increment x[t+1] − x[t] as the
 * target. Hidden structure (the supply chain's pipeline list, the hospital's patients) is invisible
 * to a black box by construction: only the dataset's observed variables are read.
 */
export interface TransitionTable {
  variables: readonly string[];
  /** Input names: the variables, then `action` when {@link TransitionTable.hasAction}. */
  inputNames: readonly string[];
  hasAction: boolean;
  /** Input rows [x..., action?]. */
  inputs: Float64Array[];
  /** Increment rows x[t+1] − x[t], one value per variable. */
  increments: Float64Array[];
  /** Trajectories the rows came from. */
  trajectories: number;
}

/** Whether any transition of the dataset carries a numeric action (a null action reads as 0 then). */
export function datasetHasAction(dataset: Dataset): boolean {
  for (const split of ['train', 'val', 'test'] as const) {
    for (const tr of dataset.splits[split]) if (tr.actions.some((a) => typeof a === 'number')) return true;
  }
  return false;
}

/**
 * The transitions of a split, optionally of a seeded subset of `trajectories` of its trajectories
 * (`chooseStartStates(count, trajectories, seed)`: the data-size axis of the comparison).
 * @throws Error naming the trajectory and step when an observed value is missing or not finite.
 */
export function transitionTable(
  dataset: Dataset, split: SplitName, subset?: { trajectories: number; seed: number },
): TransitionTable {
  const variables = dataset.variables;
  const hasAction = datasetHasAction(dataset);
  const all = dataset.splits[split];
  const chosen = subset ? Array.from(chooseStartStates(all.length, subset.trajectories, subset.seed), (i) => all[i]) : all;
  const inputs: Float64Array[] = [];
  const increments: Float64Array[] = [];
  const dim = variables.length;
  for (const tr of chosen) {
    const read = (t: number): Float64Array =>
      Float64Array.from(variables, (v) => {
        const x = tr.states[t][v];
        if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`baseline data: trajectory "${tr.id}" step ${t}: "${v}" is ${String(x)}, expected a finite number`);
        return x;
      });
    let x = tr.states.length > 0 ? read(0) : new Float64Array(dim);
    for (let t = 0; t + 1 < tr.states.length; t++) {
      const next = read(t + 1);
      const row = new Float64Array(dim + (hasAction ? 1 : 0));
      row.set(x);
      if (hasAction) {
        const a = tr.actions[t];
        row[dim] = typeof a === 'number' && Number.isFinite(a) ? a : 0;
      }
      inputs.push(row);
      increments.push(Float64Array.from(next, (v, j) => v - x[j]));
      x = next;
    }
  }
  return { variables, inputNames: hasAction ? [...variables, 'action'] : [...variables], hasAction, inputs, increments, trajectories: chosen.length };
}

/**
 * Variables the baselines treat as counts: every value in the dataset's train split is a non-negative
 * integer. A baseline rounds their draws and clamps them at 0, so it keeps the data's form (paper P3)
 * instead of predicting −0.4 patients.
 */
export function countVariables(dataset: Dataset): boolean[] {
  return dataset.variables.map((v) =>
    dataset.splits.train.every((tr) => tr.states.every((s) => {
      const x = s[v];
      return typeof x === 'number' && Number.isInteger(x) && x >= 0;
    })),
  );
}
