import { expect, test } from './fixtures.ts';

test('a user calibrates the COVID benchmark, cancels one run, completes another, and finds it all after a reload', async ({ studio, code, calibrate, diagnostics, history, page }) => {
  await studio.open();
  await studio.screenshot('01-welcome');
  await studio.newProjectFromWelcome('covid');
  await expect(page.getByTestId('data.summary')).toContainText('train 100');
  await studio.screenshot('02-knowledge');

  await studio.goto('data');
  await expect(page.locator('[data-testid="data.plot.I"][data-ready="true"]')).toBeVisible();
  await page.getByTestId('data.picker').selectOption('val:3');
  await studio.screenshot('03-data');

  // Edit a parameter bound in Monaco: beta's upper bound 2 → 1.5.
  await studio.goto('code');
  await code.waitForEditor();
  await expect(code.paramMax('beta')).toHaveText('2');
  await code.replaceAll('beta:  { min: 0, max: 2,', 'beta:  { min: 0, max: 1.5,');
  await expect(code.paramMax('beta')).toHaveText('1.5');
  expect(await studio.state<string>('s.source')).toContain('max: 1.5');
  await studio.screenshot('04-code');

  // A run with a large budget, watched for two progress updates, then cancelled.
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 200, popsize: 16, mc: 1, seed: 7 });
  await calibrate.start();
  await expect.poll(() => calibrate.iteration(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  const first = await calibrate.iteration();
  await expect.poll(() => calibrate.iteration(), { timeout: 60_000 }).toBeGreaterThan(first);
  await expect(calibrate.fitnessPlot()).toHaveAttribute('data-ready', 'true');
  await studio.screenshot('05-calibrate-live');
  await calibrate.cancel();
  await calibrate.waitForStatus('cancelled');

  // A small run that completes.
  await calibrate.configure({ generations: 8, popsize: 16, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  await expect(calibrate.params()).toContainText('beta');
  const beta = Number(await page.getByTestId('param.beta.value').innerText());
  expect(beta).toBeGreaterThanOrEqual(0);
  expect(beta).toBeLessThanOrEqual(1.5); // the edited bound holds
  await studio.screenshot('06-calibrate-done');
  await page.locator('#studio-panel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await studio.screenshot('06b-calibrate-params');

  await studio.goto('diagnostics');
  await diagnostics.waitForResults();
  const w1 = Number(await diagnostics.testW1Value().innerText());
  expect(Number.isFinite(w1)).toBe(true);
  await expect(diagnostics.testW1()).toContainText('start states');
  // What a good W1 is: the truth scored against itself on the same start states, which no simulator beats.
  const floor = Number((await page.getByTestId('diagnostics.testW1.floor').innerText()).match(/noise floor ([\d.]+)/)![1]);
  expect(floor).toBeGreaterThan(0);
  await expect(diagnostics.fanCharts()).toHaveCount(3);
  await studio.screenshot('07-diagnostics');
  await page.locator('#studio-panel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await studio.screenshot('08-diagnostics-fans');

  await studio.goto('history');
  expect(await history.statuses()).toEqual(['done', 'cancelled']);
  await studio.screenshot('09-history');

  // Everything survives a reload (IndexedDB).
  await studio.reload();
  expect(await studio.projectNames()).toEqual(['COVID-19 (stochastic SIR)']);
  await studio.goto('history');
  expect(await history.statuses()).toEqual(['done', 'cancelled']);
  await history.rows().first().click();
  await studio.goto('diagnostics');
  await diagnostics.waitForResults();
  expect(Number(await diagnostics.testW1Value().innerText())).toBe(w1);
  await studio.goto('code');
  await code.waitForEditor();
  await expect(code.paramMax('beta')).toHaveText('1.5');

  // Dark theme, checked by eye in the saved screenshots.
  await page.getByTestId('ui.theme').click();
  await studio.screenshot('10-code-dark');
  await studio.goto('diagnostics');
  await diagnostics.waitForResults();
  await studio.screenshot('11-diagnostics-dark');
});
