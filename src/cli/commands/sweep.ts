import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregateSweep, sweepColumns, type SweepTable } from '../../core/sweep/aggregateSweep.ts';
import { formatSweepMarkdown } from '../../core/sweep/formatSweepMarkdown.ts';
import { estimateSecondsLeft } from '../../core/sweep/estimateSecondsLeft.ts';
import { gridHash } from '../../core/sweep/gridHash.ts';
import { gridToJson } from '../../core/sweep/parseSweepGrid.ts';
import { readSweepResults } from '../../core/sweep/readSweepResults.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import { cellKey, sweepCells, type SweepGrid } from '../../core/sweep/SweepGrid.ts';
import { SWEEP_FORMAT, SWEEP_VERSION, type RanOn, type SweepResults } from '../../core/sweep/SweepResults.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { CliError } from '../CliError.ts';
import type { Command, CommandContext } from '../Command.ts';
import { diagnose } from '../diagnose.ts';
import { openPool, POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { parseFlags } from '../parseFlags.ts';
import { loadSweepCases, type LoadedCase } from '../sweep/loadSweepCases.ts';
import { readSweepGrid } from '../sweep/readSweepGrid.ts';
import { label, runSweepCell } from '../sweep/runSweepCell.ts';
import { writeSweepFiles } from '../sweep/writeSweepFiles.ts';

const DEFAULT_OUT = 'sweep-results';

const USAGE = `Usage: gsim sweep --grid FILE.json | --benchmarks covid,supply-chain,hospital --methods ga,cmaes,npe --seeds 1..5
                  [--budget converge|paper[,…]] [--preset paper] [--trajectories N] [--data-seed N] [--states K|all]
                  [--samples N] [--sims N] [--out DIR] [--workers N] [--timeout S] [--json]

Runs a grid of whole calibrations (benchmarks or your datasets × methods × budgets × seeds), each cell
exactly as gsim calibrate runs it, one after another (each cell uses all the workers), and writes the
paper's table: rows benchmarks, columns methods, test W1 mean ± std over seeds beside the noise floor
(the ground truth scored against itself at the same sizes).
  --grid          a grid file (see docs/sweep.md): benchmarks, datasets ({name, data, sim}), methods,
                  seeds, budgets, preset, dataSeed, trajectories, states, samples, sims; paths are
                  relative to the grid file. The flags below describe a grid of benchmarks instead.
  --benchmarks    built-in benchmarks: covid, supply-chain, hospital (their ground-truth structure is fitted)
  --methods       ga, cmaes, npe
  --seeds         run seeds: 1..5, 1,2,7 or a mix
  --budget        converge (default) and/or paper, comma-separated (NPE's budget is --sims)
  --preset paper  the paper's fitness and budget in every cell (as gsim calibrate --preset paper)
  --trajectories  trajectories per split of each benchmark dataset (default 100, as gsim data)
  --data-seed     seed of each benchmark dataset (default 1; the same data for every method and seed)
  --states        benchmark W1 start states: a seeded subset of K (default 1000) or all
  --samples       benchmark W1 samples per start state (default 200)
  --sims          NPE training simulations (default: gsim calibrate's; cells skip NPE's SBC check)
  --out           results directory (default ${DEFAULT_OUT}): sweep.json (every cell) and sweep.md (the table)
${POOL_USAGE}
Resume: every finished cell is written to DIR/sweep.json at once (atomically); running the same command
again skips the finished cells. A different grid in the same DIR is refused. Ctrl-C stops after the
current cell (a second Ctrl-C quits at once); the finished cells are kept. Progress goes to stderr.`;

/** `gsim sweep`: the paper's tables in one command, resumable. */
export const sweepCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('sweep', ctx.argv, {
      grid: { type: 'string' },
      benchmarks: { type: 'string' },
      methods: { type: 'string' },
      seeds: { type: 'string' },
      budget: { type: 'string' },
      preset: { type: 'string' },
      trajectories: { type: 'string' },
      'data-seed': { type: 'string' },
      states: { type: 'string' },
      samples: { type: 'string' },
      sims: { type: 'string' },
      out: { type: 'string' },
      ...POOL_FLAGS,
    });
    const { grid, baseDir } = readSweepGrid(f.grid, f, ctx.cwd);
    const outDir = resolve(ctx.cwd, f.out ?? DEFAULT_OUT);
    // The pool flags pass through untouched, so whatever openPool learns (a --queue URL) reaches every cell.
    const poolFlags = Object.fromEntries(Object.keys(POOL_FLAGS).map((k) => [k, (f as Record<string, string | undefined>)[k]]));
    const ranOn: RanOn = typeof poolFlags.queue === 'string' ? 'queue' : 'local';
    const { cases, contents } = loadSweepCases(grid, baseDir, ctx.warn);
    const hash = gridHash(grid, contents);
    const results = previousResults(outDir, f.out ?? DEFAULT_OUT, hash) ?? freshResults(grid, hash, ctx.argv);
    const all = sweepCells(grid);
    const finished = new Set(results.cells.map(cellKey));
    const todo = all.filter((c) => !finished.has(cellKey(c)));
    ctx.warn(`${all.length} cells (${grid.cases.length} × ${sweepColumns(grid.methods, grid.budgets).length} × ${grid.seeds.length} seeds)` +
      (finished.size ? `; ${finished.size} already in ${outDir}/sweep.json, ${todo.length} to run` : ''));

    // Ctrl-C: the running cell finishes (its calibration is not interrupted), then the sweep stops.
    const cellSignal = new AbortController().signal;
    let stopping = false;
    const onAbort = () => {
      stopping = true;
      ctx.warn('stopping after the current cell; the finished cells are kept (Ctrl-C again quits now)');
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    const wallBefore = results.wallSeconds;
    const save = () => {
      results.wallSeconds = wallBefore + (performance.now() - started) / 1000;
      results.updatedAt = new Date().toISOString();
      writeSweepFiles(outDir, JSON.stringify(results, null, 1) + '\n', formatSweepMarkdown(results, tableOf(grid, results)));
    };
    save();
    let ran = 0;
    try {
      for (const loaded of cases) {
        if (stopping || ctx.signal.aborted) break;
        const mine = todo.filter((c) => c.case === loaded.case.name);
        if (mine.length === 0) continue;
        if (loaded.case.kind === 'benchmark' && !results.floors.some((x) => x.case === loaded.case.name)) {
          results.floors.push(await noiseFloor(loaded, grid, poolFlags, ctx));
          save();
        }
        for (const cell of mine) {
          if (stopping || ctx.signal.aborted) break;
          const { result: r, warnings } = await runSweepCell(ctx, grid, cell, loaded, poolFlags, ranOn, cellSignal);
          results.cells.push(r);
          save();
          ran++;
          const left = estimateSecondsLeft(todo.slice(ran), results.cells);
          const eta = ran < todo.length && Number.isFinite(left) ? `, about ${formatDuration(left)} left` : '';
          const what = r.status === 'failed' ? `FAILED (${r.error})` : `test W1 ${r.testW1 === null ? '–' : r.testW1.toPrecision(3)}`;
          const warned = warnings ? ` (${warnings} calibration warning${warnings > 1 ? 's' : ''})` : '';
          ctx.warn(`[${results.cells.length}/${all.length}] ${label(cell)}: ${what} in ${r.seconds.toFixed(1)} s${warned}${eta}`);
        }
      }
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }
    const table = tableOf(grid, results);
    const md = formatSweepMarkdown(results, table);
    const complete = results.cells.length === all.length;
    return {
      json: { out: outDir, gridHash: hash, total: all.length, done: results.cells.length, ran, complete, wallSeconds: results.wallSeconds, table, results },
      text: md.slice(0, md.indexOf('\n## Cells')) + `\nWrote ${join(outDir, 'sweep.json')} and sweep.md${complete ? '' : ' (partial: run the same command again to resume)'}`,
      exitCode: complete || !(stopping || ctx.signal.aborted) ? 0 : 130,
    };
  },
};

/** The finished part of a previous run of the same grid in `dir`, or undefined when there is none. */
function previousResults(dir: string, shown: string, hash: string): SweepResults | undefined {
  const path = join(dir, 'sweep.json');
  if (!existsSync(path)) return undefined;
  let previous: SweepResults;
  try {
    previous = readSweepResults(readFileSync(path, 'utf8'));
  } catch (e) {
    if (e instanceof SweepError) throw new CliError(`--out "${shown}" holds a sweep.json that cannot be resumed (${e.message}): choose another --out or delete it`, 2);
    throw e;
  }
  if (previous.gridHash !== hash) {
    throw new CliError(
      `--out "${shown}" holds the results of a different grid (grid ${previous.gridHash}, this one ${hash}; ` +
        `${previous.cells.length} of ${previous.total} cells done): choose another --out to start a new table, or rerun that sweep's own command to resume it`,
      2,
    );
  }
  return previous;
}

function freshResults(grid: SweepGrid, hash: string, argv: string[]): SweepResults {
  return {
    format: SWEEP_FORMAT, version: SWEEP_VERSION, gridHash: hash, grid: gridToJson(grid),
    command: ['gsim', 'sweep', ...argv].map((a) => (/^[\w.,:/=@+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' '),
    total: sweepCells(grid).length, cells: [], floors: [], wallSeconds: 0, updatedAt: new Date().toISOString(),
  };
}

function tableOf(grid: SweepGrid, r: SweepResults): SweepTable {
  return aggregateSweep(grid.cases.map((c) => c.name), sweepColumns(grid.methods, grid.budgets), r.cells, r.floors);
}

/**
 * A benchmark's noise floor: its benchmark W1 with the ground truth as the candidate, on the same pool
 * path, start states and samples as the cells (seed: the grid's first), so W1 / floor ≈ 1 is a perfect fit.
 */
async function noiseFloor(loaded: LoadedCase, grid: SweepGrid, poolFlags: Record<string, string | undefined>, ctx: CommandContext) {
  const env = getEnvironment((loaded.case as { env: string }).env);
  const seed = grid.seeds[0];
  const { pool } = await openPool(poolFlags, env.groundTruthSource, loaded.dataset, ctx.signal);
  try {
    const { benchmark } = await diagnose(pool, {
      dataset: loaded.dataset, params: env.trueParams, splits: [], states: grid.states ?? undefined, samples: grid.samples, seed, signal: ctx.signal,
    });
    if (!benchmark) throw new CliError(`${loaded.case.name}: no benchmark W1 for the noise floor (empty test split?)`);
    ctx.warn(`${loaded.case.name}: noise floor ${benchmark.w1.toPrecision(3)} (${benchmark.statesUsed} start states × ${grid.samples} samples)`);
    return { case: loaded.case.name, w1: benchmark.w1, states: benchmark.statesUsed, samples: grid.samples, seed };
  } finally {
    pool.terminate();
  }
}

function formatDuration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
