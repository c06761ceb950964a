import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

/** Writes a small real sweep with the gsim executable: covid × {GA, CMA-ES} × one seed, tiny sizes. */
function realSweep(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'gsim-e2e-sweep-'));
  try {
    execFileSync(process.execPath, ['bin/gsim.mjs', 'sweep', '--benchmarks', 'covid', '--methods', 'ga,cmaes', '--seeds', '1',
      '--trajectories', '5', '--states', '10', '--samples', '20', '--workers', '2', '--out', join(dir, 'out')], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(join(dir, 'out/sweep.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MARKUP = '<img src=x onerror="window.__pwned=1">';

/** A results file as gsim sweep writes it, with markup where names go. */
function hostileSweep(overrides: Record<string, unknown> = {}): Buffer {
  const cell = {
    case: MARKUP, method: 'ga', budget: 'converge', seed: 1, status: 'done', params: { '<b>beta</b>': 0.5 }, testW1: 0.1, testW1StdError: 0.01,
    val: null, seconds: 3, failures: 0, ranOn: 'queue', error: null,
  };
  return Buffer.from(JSON.stringify({
    format: 'gsim-sweep', version: 1, gridHash: '0011223344556677', command: `gsim sweep --grid ${MARKUP}`,
    grid: { datasets: [{ name: MARKUP, data: 'a.csv', sim: 'b.js' }], methods: ['ga'], seeds: [1] },
    total: 1, cells: [cell], floors: [], wallSeconds: 3, updatedAt: '2026-12-05T08:00:00.000Z', ...overrides,
  }));
}

test('the Diagnostics panel opens a gsim sweep results file: methods × benchmarks with W1 ± std and the floor; hostile files are refused or shown as text', async ({ studio, page }) => {
  const real = realSweep();
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('diagnostics');
  const input = page.getByTestId('sweep.input');

  await input.setInputFiles({ name: 'sweep.json', mimeType: 'application/json', buffer: real });
  const table = page.getByTestId('sweep.table');
  await expect(table.locator('thead th')).toHaveText(['benchmark', 'noise floor', 'GA', 'CMA-ES']);
  const row = page.getByTestId('sweep.row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').first()).toHaveText('covid');
  await expect(page.getByTestId('sweep.floor')).toHaveText(/^\d/);
  await expect(page.getByTestId('sweep.cell')).toHaveText([/^[\d.]+ ± 0/, /^[\d.]+ ± 0/]);
  await expect(page.locator('[data-testid="sweep.cell"][data-best="true"]')).toHaveCount(1);
  await expect(page.getByTestId('sweep.summary')).toContainText('2 of 2 cells');
  await expect(page.getByTestId('sweep.summary')).toContainText('all run locally');
  await page.getByText('Every cell: parameters, time, where it ran').click();
  await expect(page.getByTestId('sweep.cellRow')).toHaveCount(2);
  await expect(page.getByTestId('sweep.ranOn')).toHaveText(['local', 'local']);
  await expect(page.getByTestId('sweep.cellRow').first()).toContainText('beta=');

  // Markup in names is drawn as text, never as elements.
  await input.setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: hostileSweep() });
  await expect(page.getByTestId('sweep.row').locator('td').first()).toHaveText(MARKUP);
  await expect(page.getByTestId('sweep.command')).toHaveText(`gsim sweep --grid ${MARKUP}`);
  await expect(page.getByTestId('sweep.summary')).toContainText('all run on a queue');
  await expect(page.getByTestId('sweep.view').locator('img, b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Huge counts, foreign files and broken JSON are refused with where the problem is.
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: hostileSweep({ total: 1e9 }) });
  await expect(page.getByTestId('sweep.error')).toHaveText('huge.json is not a sweep results file gsim sweep wrote: total: expected an integer in 0..10000, got 1000000000');
  await input.setInputFiles({ name: 'project.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "gsim-project"}') });
  await expect(page.getByTestId('sweep.error')).toContainText('format: expected "gsim-sweep"');
  await input.setInputFiles({ name: 'torn.json', mimeType: 'application/json', buffer: real.subarray(0, 100) });
  await expect(page.getByTestId('sweep.error')).toContainText('not valid JSON');
});
