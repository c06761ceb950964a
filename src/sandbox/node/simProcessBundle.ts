import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ENTRY = fileURLToPath(new URL('../../../workers/node/simProcess.ts', import.meta.url));

let cached: string | undefined;

/**
 * The simulation process's entry (workers/node/simProcess.ts with everything it imports) bundled into
 * one `.mjs` file in a private temporary directory, built once per `gsim` process (about 0.1 s) and
 * removed at exit. One file, so the child's permission model can allow reading that file and nothing
 * else (no node_modules, no project, no home directory), and no TypeScript loader runs in the child.
 */
export function simProcessEntryFile(): string {
  if (cached !== undefined) return cached;
  const r = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    legalComments: 'none',
  });
  const dir = mkdtempSync(join(tmpdir(), 'gsim-sim-'));
  const file = join(dir, 'sim-process.mjs');
  writeFileSync(file, r.outputFiles[0].text, { mode: 0o400 });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  cached = file;
  return file;
}
