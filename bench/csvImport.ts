// `npm run bench -- --csv`: how fast the studio's importer reads a large CSV (the 100 MB file of the
// bad-data corpus, tests/baddata/bigCsv.ts), and the heap it leaves. Speed lives here, not in a unit test.
import { readDatasetFile } from '../src/app/model/readDatasetFile.ts';
import { bigCsv } from '../tests/baddata/bigCsv.ts';

export function runCsvImportBench(quick: boolean, json: boolean): void {
  const bytes = quick ? 20e6 : 100e6;
  const { text } = bigCsv(bytes);
  const runs: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const t0 = performance.now();
    readDatasetFile('big.csv', text);
    runs.push((performance.now() - t0) / 1000);
  }
  const best = Math.min(...runs);
  const mb = text.length / 1e6;
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  if (json) process.stdout.write(JSON.stringify({ mb, seconds: runs, mbPerSecond: mb / best, heapMb }) + '\n');
  else process.stdout.write(`csv import: ${mb.toFixed(1)} MB in ${best.toFixed(2)} s (best of ${runs.length}), ${(mb / best).toFixed(1)} MB/s, heap after ${heapMb.toFixed(0)} MB\n`);
}
