import type { Dataset, SplitName } from './Dataset.ts';
import { DatasetError } from './DatasetError.ts';

const RESERVED = ['trajectory', 'split', 't', 'action'];
const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

/**
 * Writes a dataset as CSV that {@link parseTrajectoryCsv} reads back: columns `trajectory`, `split`,
 * `t` (the step index 0, 1, …), the observed variables, and `action` (omitted when every action is
 * null; empty on each trajectory's last row). Only the observed variables survive: hidden structure
 * such as a pipeline or patient list is not written. Trajectory ids are kept when unique across the
 * dataset, else prefixed with the split (`val/a`). Comma-delimited, LF line ends, RFC 4180 quoting.
 *
 * @throws DatasetError when a variable is named like a reserved column (trajectory, split, t, action).
 * @example
 * const csv = datasetToCsv(generateDataset(getEnvironment('covid'), 1, { train: 2, val: 1, test: 1 }));
 */
export function datasetToCsv(dataset: Dataset): string {
  dataset.variables.forEach((v, j) => {
    if (RESERVED.includes(v.toLowerCase())) {
      throw new DatasetError(`variables[${j}]: a variable named "${v}" clashes with the CSV column of that name; rename it to export`, { path: `variables[${j}]` });
    }
  });
  const all = SPLITS.flatMap((s) => dataset.splits[s].map((tr) => ({ split: s, tr })));
  const uniqueIds = new Set(all.map((x) => x.tr.id)).size === all.length;
  const withActions = all.some((x) => x.tr.actions.some((a) => a !== null));
  const header = ['trajectory', 'split', 't', ...dataset.variables, ...(withActions ? ['action'] : [])];
  const lines = [header.map(quote).join(',')];
  for (const { split, tr } of all) {
    const id = quote(uniqueIds ? tr.id : `${split}/${tr.id}`);
    tr.states.forEach((state, t) => {
      const cells = [id, split, String(t), ...dataset.variables.map((v) => String(state[v]))];
      if (withActions) {
        const a = t < tr.actions.length ? tr.actions[t] : null;
        cells.push(a === null || a === undefined ? '' : String(a));
      }
      lines.push(cells.join(','));
    });
  }
  return lines.join('\n') + '\n';
}

function quote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
