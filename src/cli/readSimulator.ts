import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getEnvironment, listEnvironments } from '../core/envs/environments.ts';
import type { Environment } from '../core/envs/Environment.ts';
import { CliError } from './CliError.ts';

/** A simulator program named on the command line. */
export interface SimulatorSpec {
  source: string;
  /** As the user wrote it: a path or `gt:<env>`. */
  label: string;
  /** Set for `gt:<env>`: the environment whose ground truth this is. */
  groundTruthOf?: Environment;
}

/**
 * Reads `--sim`: a JavaScript file in the simulator form, or `gt:<env>` for a built-in ground truth.
 * @throws CliError naming the file or the unknown environment.
 */
export function readSimulator(spec: string, cwd: string): SimulatorSpec {
  if (spec.startsWith('gt:')) {
    const id = spec.slice(3);
    const env = listEnvironments().find((e) => e.id === id);
    if (!env) {
      throw new CliError(`unknown environment "${id}" in --sim ${spec}: expected gt:${listEnvironments().map((e) => e.id).join(', gt:')}`);
    }
    return { source: getEnvironment(id).groundTruthSource, label: spec, groundTruthOf: env };
  }
  return { source: readText(spec, cwd, '--sim'), label: spec };
}

/** Reads a text file for a flag, with a message that names the flag and the path. */
export function readText(path: string, cwd: string, flag: string): string {
  const full = resolve(cwd, path);
  try {
    return readFileSync(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`cannot read ${flag} file "${path}": ${why}`);
  }
}
