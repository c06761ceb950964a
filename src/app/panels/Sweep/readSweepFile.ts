import { MAX_SWEEP_FILE_BYTES, readSweepResults } from '../../../core/sweep/readSweepResults.ts';
import { SweepError } from '../../../core/sweep/SweepError.ts';
import type { SweepResults } from '../../../core/sweep/SweepResults.ts';

/**
 * Reads a `sweep.json` the user picked: refused by size before it is read, then parsed and validated
 * as data (limits, errors by path); nothing in it is ever run or rendered as markup.
 */
export async function readSweepFile(file: File): Promise<{ ok: true; results: SweepResults } | { ok: false; error: string }> {
  if (file.size > MAX_SWEEP_FILE_BYTES) {
    return { ok: false, error: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB, over the limit of ${MAX_SWEEP_FILE_BYTES / 1e6} MB for a sweep results file` };
  }
  try {
    return { ok: true, results: readSweepResults(await file.text()) };
  } catch (e) {
    if (e instanceof SweepError) return { ok: false, error: `${file.name} is not a sweep results file gsim sweep wrote: ${e.message}` };
    throw e;
  }
}
