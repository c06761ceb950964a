import type { Dataset } from '../core/data/Dataset.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { ParameterSpec } from '../core/sim/types.ts';
import { createNodePool } from '../pool/createNodePool.ts';

/** Time a program's top level gets to declare itself (as in the studio: a few seconds, not the per-call limit). */
export const LOAD_LIMIT_MS = 5_000;

/**
 * A program's declared parameters, read by loading it in one isolated worker process (never in the
 * `gsim` process, which holds API keys), with an empty dataset of the given variables.
 * @throws SimulatorError when the program does not compile, or its top level runs past {@link LOAD_LIMIT_MS}.
 */
export async function readProgramParameters(source: string, variables: readonly string[], signal?: AbortSignal): Promise<ParameterSpec[]> {
  const pool = createNodePool({ size: 1, timeoutMs: LOAD_LIMIT_MS, spares: 0 });
  const empty: Dataset = { format: 'gsim-dataset', version: 1, name: 'parameters probe', variables: [...variables], splits: { train: [], val: [], test: [] } };
  try {
    const [r] = await pool.broadcast((api) => api.load(source, empty), { signal, timeoutMs: LOAD_LIMIT_MS });
    if (!r.ok) throw SimulatorError.fromJSON(r.error);
    return r.parameters;
  } finally {
    pool.terminate();
  }
}
