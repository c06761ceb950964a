import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
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
  return { source: readText(spec, cwd, '--sim', MAX_PROGRAM_BYTES), label: spec };
}

/** Largest simulator program: programs are a few kilobytes; megabytes of code are a mistake or an attack. */
export const MAX_PROGRAM_BYTES = 2 * 1024 * 1024;

/** Largest file a flag may name: datasets are the big ones (the studio imports up to this too). */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a text file for a flag, with a message that names the flag and the path. Only regular files
 * up to {@link MAX_INPUT_BYTES}: a FIFO would block forever and `/dev/zero` grow without end, so the
 * file is opened without blocking and checked before anything is read.
 */
export function readText(path: string, cwd: string, flag: string, maxBytes = MAX_INPUT_BYTES): string {
  const full = resolve(cwd, path);
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new CliError(`cannot read ${flag} file "${path}": it is a directory`);
    if (!st.isFile()) throw new CliError(`cannot read ${flag} file "${path}": not a regular file (a pipe, socket or device)`);
    if (st.size > maxBytes) throw new CliError(`cannot read ${flag} file "${path}": ${(st.size / 1e6).toFixed(0)} MB is over the limit of ${(maxBytes / 1e6).toFixed(0)} MB`);
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`cannot read ${flag} file "${path}": ${why}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
