import { createHash } from 'node:crypto';
import type { Dataset } from '../../core/data/Dataset.ts';
import { generateDataset } from '../../core/data/generateDataset.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import type { SweepCase, SweepGrid } from '../../core/sweep/SweepGrid.ts';
import { usageError } from '../CliError.ts';
import { countTransitions } from '../commands/calibrate.ts';
import { readDataset } from '../readDataset.ts';
import { readSimulator, type SimulatorSpec } from '../readSimulator.ts';

/** A row of the sweep, ready to run: its simulator and its dataset, loaded once for all its cells. */
export interface LoadedCase {
  case: SweepCase;
  sim: SimulatorSpec;
  dataset: Dataset;
  /** How the data are named in messages and calibrate's JSON. */
  dataLabel: string;
}

/**
 * Loads every case before any cell runs, so a missing file or an empty train split fails at once, not
 * an hour in. Benchmarks get the dataset `gsim data --env ENV --seed dataSeed` writes (with the grid's
 * trajectories per split) and their ground-truth structure as the simulator; user cases read their
 * files relative to `baseDir`. Also returns a digest of each user file's content for the grid hash.
 * @throws CliError naming the case and the file.
 */
export function loadSweepCases(grid: SweepGrid, baseDir: string, warn: (m: string) => void): { cases: LoadedCase[]; contents: Record<string, string> } {
  const contents: Record<string, string> = {};
  const cases = grid.cases.map((c): LoadedCase => {
    if (c.kind === 'benchmark') {
      const n = grid.trajectories;
      const dataset = generateDataset(getEnvironment(c.env), grid.dataSeed, { train: n, val: n, test: n });
      return { case: c, sim: readSimulator(`gt:${c.env}`, baseDir), dataset, dataLabel: `gsim data --env ${c.env} --seed ${grid.dataSeed}` };
    }
    const sim = readSimulator(c.sim, baseDir);
    const { dataset, warnings } = readDataset(c.data, baseDir);
    warnings.forEach((w) => warn(`${c.name}: ${w}`));
    if (countTransitions(dataset, 'train') === 0) throw usageError(`case "${c.name}": data "${c.data}" has no transitions in its train split: there is nothing to calibrate on`);
    contents[c.name] = createHash('sha256').update(sim.source).update('\0').update(JSON.stringify(dataset)).digest('hex');
    return { case: c, sim, dataset, dataLabel: c.data };
  });
  return { cases, contents };
}
