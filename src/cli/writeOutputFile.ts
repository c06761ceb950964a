import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, usageError } from './CliError.ts';

/**
 * Refuses, before any work starts, an output path that already exists unless `--force` was given, so
 * a long run never ends by failing to write, and nothing the user has is overwritten by accident.
 */
export function checkOutputPath(path: string, cwd: string, flag: string, force: boolean): string {
  const full = resolve(cwd, path);
  if (!force && existsSync(full)) throw usageError(`${flag} file "${path}" already exists: pass --force to overwrite it`);
  return full;
}

/**
 * Writes an output file (creating its directory). Without `force` the file is created exclusively
 * (`wx`), so a file that appeared since {@link checkOutputPath} is not overwritten either.
 */
export function writeOutputFile(full: string, data: string | Uint8Array, flag: string, shown: string, force: boolean): void {
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${flag} file "${shown}" already exists: pass --force to overwrite it`);
    throw new CliError(`cannot write ${flag} file "${shown}": ${(e as Error).message}`);
  }
}
