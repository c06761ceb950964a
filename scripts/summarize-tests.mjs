// Sums Vitest's and Playwright's JSON reports into the single closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);

const v = read(vitestFile);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A suite that failed to load has no tests; count it so it cannot pass silently.
  for (const r of v.testResults ?? []) if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) failed++;
} else {
  console.error('No Vitest report found');
  failed++;
}
const p = read(playwrightFile);
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
}
// CI reads the last line as exactly `N passed, N failed`; skipped tests get a line of their own before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
