import type { Dataset } from '../core/data/Dataset.ts';
import { DatasetError } from '../core/data/DatasetError.ts';
import { locateJsonSyntaxError } from '../core/data/locateJsonSyntaxError.ts';
import { parseTrajectoryCsv } from '../core/data/parseTrajectoryCsv.ts';
import { validateDataset } from '../core/data/validateDataset.ts';
import { CliError } from './CliError.ts';
import { readText } from './readSimulator.ts';

/**
 * Reads `--data`: a dataset JSON file (validated) or a trajectory CSV (`.csv`, split 60/20/20 unless
 * it has a split column). Returns import warnings (CSV assumptions) for stderr.
 * @throws CliError naming the file and, for invalid content, the location of the first problem.
 */
export function readDataset(path: string, cwd: string): { dataset: Dataset; warnings: string[] } {
  const text = readText(path, cwd, '--data');
  try {
    if (/\.csv$/i.test(path)) {
      const { warnings, ...dataset } = parseTrajectoryCsv(text, { name: path });
      return { dataset, warnings };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      // Name the line and column: V8's own message often has no position.
      const at = locateJsonSyntaxError(text);
      const where = at ? `line ${at.line}, column ${at.column}: ${at.reason}` : (e as Error).message;
      throw new CliError(`--data file "${path}" is not valid JSON: ${where}`);
    }
    return { dataset: validateDataset(json), warnings: [] };
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(`--data file "${path}" is not a valid dataset: ${withPath(e)}`);
    throw e;
  }
}

function withPath(e: DatasetError): string {
  return e.message.includes(e.path) ? e.message : `${e.path}: ${e.message}`;
}
