import { aggregateSweep, sweepColumns, type SweepTable } from './aggregateSweep.ts';
import { parseSweepGrid } from './parseSweepGrid.ts';
import type { SweepResults } from './SweepResults.ts';

/** The table of a results file: its grid's rows and columns, filled from its cells and floors. */
export function sweepTableOf(results: SweepResults): SweepTable {
  const grid = parseSweepGrid(results.grid);
  return aggregateSweep(grid.cases.map((c) => c.name), sweepColumns(grid.methods, grid.budgets), results.cells, results.floors);
}
