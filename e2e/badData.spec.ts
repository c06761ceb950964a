import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/**
 * Bad files dropped on a project that already has data: each is refused with a message naming the row
 * and column (or the JSON path), the project's data stays as it was, and a large file is read off the
 * main thread so the page stays responsive while it parses.
 */
const GOOD = 'trajectory,t,S,I,R\na,0,990,10,0\na,1,985,14,1\nb,0,995,5,0\nb,1,992,7,1\nc,0,980,20,0\nc,1,970,27,3\n';

/** A CSV of about `mb` megabytes, valid except for one cell near the end; returns its path and bad row. */
function bigBadCsv(dir: string, mb: number): { path: string; badRow: number } {
  const lines = ['trajectory,split,t,S,I,R'];
  for (let k = 0; lines.length * 30 < mb * 1e6; k++) {
    for (let t = 0; t < 60; t++) lines.push(`traj-${k},${k % 5 === 0 ? 'val' : 'train'},${t},${990 - 3 * t},${10 + 2 * t},${t}`);
  }
  const badRow = lines.length - 10; // 1-based row of lines[badRow - 1]
  lines[badRow - 1] = lines[badRow - 1].replace(/,(\d+),(\d+)$/, ',$1,1O');
  const path = join(dir, 'big.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, badRow };
}

test('bad files are refused with row and column, and the existing data is untouched', async ({ studio, knowledge, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('blank');
  await knowledge.importFile('good.csv', GOOD);
  await expect(knowledge.summary()).toContainText('good');
  const before = await studio.state<string>('JSON.stringify([s.dataset, s.variables, s.datasetOrigin])');
  const unchanged = async () => expect(await studio.state<string>('JSON.stringify([s.dataset, s.variables, s.datasetOrigin])')).toBe(before);
  const input = page.getByTestId('data.drop.input');

  // 1. A ragged row (a cell missing), by drag and drop.
  await knowledge.dropFile('ragged.csv', 'trajectory,t,S,I,R\na,0,990,10,0\na,1,985,14\n');
  await expect(knowledge.importErrorMessage()).toHaveText('Row 3, column "R": this cell is missing: expected 5 cells as in the header, got 4');
  await expect(knowledge.importErrorWhere()).toHaveText('row 3, column “R”');
  await unchanged();

  // 2. Bytes that are not UTF-8 (Latin-1 "é" in an id).
  await input.setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.from('trajectory,t,S\na,0,1\nb\xe9,0,2\n', 'latin1') });
  await expect(knowledge.importErrorMessage()).toContainText('Row 3, column "trajectory": the file is not UTF-8 text');
  await unchanged();

  // 3. Dataset JSON with an array of the wrong length: the path names the trajectory.
  const json = { format: 'gsim-dataset', version: 1, name: 'j', variables: ['S'], splits: { train: [{ id: 'a', states: [{ S: 1 }, { S: 2 }], actions: [] }] } };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await expect(knowledge.importErrorMessage()).toHaveText('splits.train[0].actions: expected 1 actions (states.length - 1), got 0');
  await unchanged();
  await knowledge.importError().scrollIntoViewIfNeeded();
  await studio.screenshot('data-01-bad-json');

  // 4. A 60 MB CSV with one bad cell near its end: parsed in a worker while the page keeps answering.
  const dir = mkdtempSync(join(tmpdir(), 'gsim-e2e-big-'));
  try {
    const { path, badRow } = bigBadCsv(dir, 60);
    await input.setInputFiles(path);
    await expect(page.getByTestId('data.reading')).toBeVisible();
    // While the file parses, the main thread answers within a frame or two and typing still works.
    const lags: number[] = [];
    while (await page.getByTestId('data.reading').isVisible()) {
      lags.push(await page.evaluate(() => new Promise<number>((r) => { const t0 = performance.now(); requestAnimationFrame(() => r(performance.now() - t0)); })));
      if (lags.length === 3) await knowledge.text().pressSequentially(' typed while parsing', { delay: 5 });
      await page.waitForTimeout(100);
    }
    console.log(`60 MB import: ${lags.length} probes while parsing, worst frame wait ${Math.max(...lags).toFixed(0)} ms`);
    expect(lags.length).toBeGreaterThan(3);
    expect(Math.max(...lags)).toBeLessThan(500);
    await expect(knowledge.text()).toHaveValue(/typed while parsing/);
    await expect(knowledge.importErrorMessage()).toHaveText(`Row ${badRow}, column "R": expected a number, got "1O"`);
    await expect(page.getByTestId('data.importError.large')).toContainText('too many to edit here');
    await expect(page.getByTestId('data.importError.excerpt').locator('.bad')).toContainText(',1O');
    await unchanged();
    await knowledge.importError().scrollIntoViewIfNeeded();
    await studio.screenshot('data-02-large-file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Everything above survives a reload: the original data, not a half-import.
  await studio.reload();
  await expect(knowledge.summary()).toContainText('good');
  await unchanged();
});
