import { expect, test } from './fixtures.ts';

test('compile errors and runtime errors from workers appear as Monaco markers at their line', async ({ studio, code, calibrate, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('code');
  await code.waitForEditor();

  // Completion for the simulator form: rng samplers and the compiled parameters.
  await expect(code.status()).toContainText('Compiles');
  await code.typeAtEnd('\nrng.bin');
  await expect(code.suggestions()).toContainText('binomial');
  await page.keyboard.press('Escape');
  await code.typeAtEnd('\nparams.');
  await expect(code.suggestions()).toContainText('gamma');
  await page.waitForTimeout(600); // the widget fades in
  await studio.screenshot('14a-completion');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');

  // A syntax error on line 9.
  await code.replaceAll('const N = S + I + R;', 'const N = S + I + R +;');
  await expect(code.status()).toHaveText('Error');
  await expect(code.problems().first()).toContainText('line 9');
  await expect(code.errorSquiggles().first()).toBeVisible();
  const markers = await page.evaluate(() => window.__studioTestApi!.getState().markers);
  expect(markers[0]).toMatchObject({ line: 9, source: 'compile' });
  await studio.screenshot('14-compile-marker');

  // A program that compiles but always throws inside step, on line 9: the editor's check runs step
  // once on the data's first state, so it says so before any calibration.
  await code.replaceAll('const N = S + I + R +;', "const N = S + I + R; if (N > 0) throw new Error('boom');");
  await expect(code.status()).toHaveText('Compiles, but step fails');
  await expect(code.problems().first()).toContainText('line 9');
  await expect(page.getByTestId('code.stepError')).toContainText('boom');

  // One that throws only away from its init values (gamma 0.2): found by the calibration workers.
  await code.replaceAll('if (N > 0) throw', 'if (params.gamma !== 0.2) throw');
  await expect(code.status()).toContainText('Compiles');
  await expect(code.status()).not.toContainText('step fails');
  await studio.goto('calibrate');
  await calibrate.configure({ generations: 2, popsize: 4, mc: 1 });
  await calibrate.start();
  // Every candidate throws, so the run ends as failed (nothing was calibrated), naming the error.
  await calibrate.waitForStatus('failed');
  await expect(calibrate.progress()).toContainText('boom');
  await studio.goto('code');
  await code.waitForEditor();
  await expect(code.problems().first()).toContainText('runtime · line 9');
  await expect(code.errorSquiggles().first()).toBeVisible();
  await studio.screenshot('15-runtime-marker');
});
