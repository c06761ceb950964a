import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IterationRecord } from '../core/llm/GsimLoop.ts';
import { CliError } from './CliError.ts';
import { toJsonValue } from './formatText.ts';

/**
 * The `--out DIR` of `gsim loop`: `iteration-N.js` per iteration with code (written as each iteration
 * finishes, so a long run keeps its programs if it is killed) and `lineage.json` at the end.
 * Nothing secret is written: records hold prompts and answers, never the API key.
 */
export function createLoopFiles(dir: string, cwd: string): { writeIteration(r: IterationRecord): void; writeLineage(json: Record<string, unknown>): void; path: string } {
  const path = resolve(cwd, dir);
  const write = (name: string, text: string): void => {
    try {
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, name), text);
    } catch (e) {
      throw new CliError(`cannot write --out ${dir}/${name}: ${(e as Error).message}`);
    }
  };
  return {
    path,
    writeIteration(r) {
      if (r.code === undefined) return;
      // Verbatim (no header comment), so error line numbers in the lineage match the file.
      write(`iteration-${r.iteration}.js`, r.code);
    },
    writeLineage(json) {
      write('lineage.json', JSON.stringify(toJsonValue(json), null, 2) + '\n');
    },
  };
}
