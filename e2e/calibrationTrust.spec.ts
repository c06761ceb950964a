import { expect, test } from './fixtures.ts';

// Issue #14 in the studio: the calibration's choices (fitness, budget, fixed parameters) and its trust
// signals, and a run whose every candidate fails ends as failed rather than "done".

test('a calibration whose every candidate fails ends as failed: no calibrated values, no tick, no diagnostics', async ({ studio, code, calibrate, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('code');
  await code.waitForEditor();
  // Compiles and passes the editor's one-step check (at the program's init, beta 0.3), but throws for
  // every other beta, i.e. for every candidate the search proposes.
  await code.replaceAll('const N = S + I + R;', "const N = S + I + R; if (params.beta !== 0.3) throw new Error('every beta fails');");
  await expect(code.status()).toContainText('Compiles');
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'cmaes', budget: 'paper', generations: 3, popsize: 6 });
  await calibrate.start();
  await calibrate.waitForStatus('failed');
  await expect(page.getByTestId('calibrate.status')).toHaveText('failed');
  await expect(page.getByTestId('calibrate.error')).toContainText('Every candidate failed');
  await expect(page.getByTestId('calibrate.error')).toContainText('every beta fails');
  await expect(page.getByTestId('calibrate.toDiagnostics')).toHaveCount(0);
  // The parameter table shows the program's parameters but no calibrated value.
  const values = await page.evaluate(() => window.__studioTestApi!.getState().runs[0].params ?? null);
  expect(values).toBeNull();
  await expect(calibrate.identifiability()).toHaveAttribute('data-warnings', 'all-failed');
  // The Calibrate step is not ticked (ticks show on the other panels' tabs).
  await studio.goto('code');
  await expect(page.getByTestId('nav.calibrate')).not.toContainText('✓');
  await studio.goto('calibrate');
  await studio.screenshot('trust-01-all-failed');
});

test('fitness, budget and fixed parameters are the user’s choice, and the fit reports identifiability', async ({ studio, calibrate, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  // The defaults: the energy score and a budget that stops on convergence (no generations field).
  await expect(page.getByTestId('calibrate.fitness')).toHaveValue('energy');
  await expect(page.getByTestId('calibrate.budget')).toHaveValue('converge');
  await expect(page.getByTestId('calibrate.generations')).toBeHidden();
  await calibrate.configure({ method: 'cmaes', seed: 2 });
  // Hold gamma at its init (0.2 in the starter); only beta is calibrated.
  await calibrate.fix('gamma');
  await expect(page.getByTestId('calibrate.fixed')).toContainText(/= 0\.2\b/);
  await calibrate.start();
  await expect(page.getByTestId('calibrate.remaining')).toBeVisible({ timeout: 60_000 });
  await calibrate.waitForStatus('done', 240_000);
  const run = await page.evaluate(() => window.__studioTestApi!.getState().runs[0]);
  expect(run.params!.gamma).toBe(0.2);
  expect(run.search!.budget).toBe('converge');
  expect(run.identifiability!.map((p) => p.name)).toEqual(['beta']);
  await expect(calibrate.identifiability().getByTestId('calibrate.identifiability.row.beta')).toBeVisible();
  await expect(page.getByTestId('calibrate.stoppedBy')).toBeVisible();
  // Diagnostics show the same card with the validation noise ratio.
  await page.getByTestId('calibrate.toDiagnostics').click();
  await expect(page.getByTestId('diagnostics.identifiability.noiseRatio')).toBeVisible({ timeout: 60_000 });
  await studio.screenshot('trust-02-identifiability');
});
