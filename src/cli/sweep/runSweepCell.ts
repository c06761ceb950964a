import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { METHOD_LABELS, type SweepCell, type SweepGrid } from '../../core/sweep/SweepGrid.ts';
import type { RanOn, SweepCellResult } from '../../core/sweep/SweepResults.ts';
import { CliError } from '../CliError.ts';
import type { CommandContext } from '../Command.ts';
import { calibrationSettings, runCalibration, type CalibrateFlags } from '../runCalibration.ts';
import type { LoadedCase } from './loadSweepCases.ts';

/** How runCalibration's error starts when the program failed on every candidate. */
const EVERY_CANDIDATE_FAILED = 'every candidate failed';

/** A stream that draws nothing: the sweep prints one progress line per cell instead of each cell's bar. */
const QUIET = { isTTY: false, write: () => true };

/**
 * Runs one cell as `gsim calibrate` would with the same flags (`--method --seed --budget [--preset]
 * --states --samples [--sims] --sbc 0` plus the sweep's pool flags, `--queue` included) and keeps what the
 * table needs. A calibration that fails for the program's own reasons (every candidate failed, the
 * program does not compile, its diagnostics fail) is a `failed` cell; anything else (cancelled, the
 * pool or the queue lost) is thrown, so the sweep stops and the cell runs again on resume.
 */
export async function runSweepCell(
  ctx: CommandContext,
  grid: SweepGrid,
  cell: SweepCell,
  loaded: LoadedCase,
  poolFlags: Record<string, string | undefined>,
  ranOn: RanOn,
  signal: AbortSignal,
): Promise<{ result: SweepCellResult; warnings: number }> {
  const flags: CalibrateFlags = {
    ...poolFlags,
    method: cell.method,
    seed: String(cell.seed),
    budget: cell.budget,
    preset: grid.preset ?? undefined,
    states: grid.states === null ? 'all' : String(grid.states),
    samples: String(grid.samples),
    sims: grid.sims === null ? undefined : String(grid.sims),
    // The table does not report NPE's calibration check (SBC), so cells skip its simulations.
    sbc: '0',
  };
  const t0 = performance.now();
  const base = { case: cell.case, method: cell.method, budget: cell.budget, seed: cell.seed, ranOn };
  const failed = (error: string) => ({
    warnings,
    result: { ...base, status: 'failed', params: {}, testW1: null, testW1StdError: null, val: null, seconds: (performance.now() - t0) / 1000, failures: 0, error } satisfies SweepCellResult,
  });
  // Calibrate's trust warnings (a dozen lines per hospital cell) are counted, not printed: the progress
  // line gives the count, and gsim calibrate with the cell's flags shows them.
  const cellCtx: CommandContext = { ...ctx, argv: [], json: true, stderr: QUIET, signal, warn: () => void warnings++ };
  let warnings = 0;
  let out;
  try {
    out = await runCalibration({ ctx: cellCtx, flags, settings: calibrationSettings(flags), sim: loaded.sim, dataset: loaded.dataset, dataPath: loaded.dataLabel });
  } catch (e) {
    if (e instanceof SimulatorError) return failed(`simulator error [${e.code}]: ${e.message}`);
    // calibrate's one CliError about the program itself; others (a lost queue, bad flags) stop the sweep.
    if (e instanceof CliError && e.message.startsWith(EVERY_CANDIDATE_FAILED)) return failed(e.message);
    throw e;
  }
  const j = out.json as CalibrationJson;
  if (out.exitCode === 130) throw new CliError('cancelled', 130);
  const seconds = (performance.now() - t0) / 1000;
  const val = j.metrics?.val ?? null;
  const result: SweepCellResult = {
    ...base,
    // Where calibrate says the run went (its "executor"), else where the flags sent it.
    ranOn: j.executor?.kind === 'queue' ? 'queue' : j.executor?.kind === 'local' ? 'local' : ranOn,
    status: out.exitCode ? 'failed' : 'done',
    params: finiteOnly(j.params ?? {}),
    testW1: finiteOrNull(j.benchmark?.w1),
    testW1StdError: finiteOrNull(j.benchmark?.w1StdError),
    val: val && { energyScore: finiteOrNull(val.energyScore), mse: finiteOrNull(val.mse), rolloutW1: finiteOrNull(val.rolloutW1) },
    seconds,
    failures: Number.isInteger(j.failures) ? j.failures! : 0,
    error: out.exitCode ? String(j.diagnosticsError ?? j.firstError ?? 'the calibration failed').slice(0, 2000) : null,
  };
  return { result, warnings };
}

/** `covid GA seed 3` (with the budget when it is not the default). */
export function label(c: SweepCell): string {
  return `${c.case} ${METHOD_LABELS[c.method]}${c.method !== 'npe' && c.budget !== 'converge' ? ` (${c.budget})` : ''} seed ${c.seed}`;
}

/** The fields of calibrate's JSON (GA / CMA-ES and NPE alike) the sweep reads. */
interface CalibrationJson {
  params?: Record<string, number>;
  failures?: number;
  firstError?: string | null;
  diagnosticsError?: string;
  metrics?: { val?: { energyScore: number; mse: number; rolloutW1: number } | null } | null;
  benchmark?: { w1: number; w1StdError: number } | null;
  executor?: { kind?: string };
}

function finiteOrNull(x: number | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function finiteOnly(p: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => Number.isFinite(v)));
}
