import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../CliError.ts';

/**
 * Writes `sweep.json` and `sweep.md` into `dir`, each atomically (a temporary file renamed over the
 * old one), so a crash or a kill mid-write leaves the previous complete file, never a torn one.
 */
export function writeSweepFiles(dir: string, json: string, markdown: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeAtomic(join(dir, 'sweep.json'), json);
    writeAtomic(join(dir, 'sweep.md'), markdown);
  } catch (e) {
    throw new CliError(`cannot write the sweep results in "${dir}": ${(e as Error).message}`);
  }
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
