import { expect, test } from './fixtures.ts';

const TEN = '0, 5, 10, 15, 20, 25, 30, 35, 40, 45';

test('a user runs a strict early lockdown on calibrated COVID against the truth, then a 10×10 hospital policy grid', async ({ studio, calibrate, scenarios, page }) => {
  test.setTimeout(300_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');

  // Before any calibration the panel says so and offers the init values.
  await studio.goto('scenarios');
  await expect(page.getByTestId('whatif.noCalibration')).toBeVisible();

  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 4, popsize: 16, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');

  await studio.goto('scenarios');
  await expect(page.getByTestId('whatif.model')).toHaveAttribute('data-origin', 'calibration');
  await scenarios.addPreset('covid-lockdown', 'early-strict');

  // A scenario built by hand: a bad value is reported next to its field and kept as typed.
  await page.getByTestId('whatif.addBlank').click();
  await page.getByTestId('scenario.scenario 2.iv0.target').fill('beta');
  await page.getByTestId('scenario.scenario 2.iv0.value').fill('0.5 *');
  await expect(page.getByTestId('scenario.scenario 2.iv0.value.error')).toContainText('syntax error');
  await expect(page.getByTestId('whatif.run')).toHaveText('Run 1 scenario');
  await studio.screenshot('scen-01-editor-error');
  await page.getByTestId('scenario.scenario 2.iv0.value').fill('0.5');
  await expect(page.getByTestId('scenario.scenario 2.iv0.value.error')).toHaveCount(0);
  await page.getByTestId('scenario.remove').last().click();

  await scenarios.runScenarios();
  const fan = await scenarios.chart('whatif.fan.early-strict');
  expect(fan.shapes).toBeGreaterThanOrEqual(1); // the lockdown window is shaded
  const medians = fan.traces.filter((t) => t.meta === 'truth' || t.meta === 'model');
  expect(medians.map((t) => [t.meta, t.dash])).toEqual([['truth', 'solid'], ['model', 'dash']]);
  await expect(scenarios.w1Table()).toContainText('early-strict');
  const w1 = Number(await page.getByTestId('whatif.w1.early-strict').getByTestId('whatif.w1.mean').innerText());
  expect(w1).toBeGreaterThan(0);
  await scenarios.results().scrollIntoViewIfNeeded();
  await studio.screenshot('scen-02-covid-whatif');
  await scenarios.w1Table().scrollIntoViewIfNeeded();
  await studio.screenshot('scen-02b-covid-w1');

  // The hospital: its starter counts turned-away patients, which the overflow cost needs.
  await studio.newProjectFromMenu('hospital');
  expect(await studio.state<string>('s.source')).toContain('turned_away:');

  await studio.goto('scenarios');
  await page.getByTestId('whatif.useInit').click();
  await expect(page.getByTestId('whatif.model')).toHaveAttribute('data-origin', 'init');
  await expect(page.getByTestId('policy.preset')).toHaveValue('hospital-lockdown-beds');
  await scenarios.setGridField('xValues', TEN);
  await scenarios.setGridField('yValues', TEN);
  await scenarios.setGridField('rollouts', '4');
  const seen = await scenarios.runPolicySearch();
  await expect(scenarios.policyResults()).toHaveAttribute('data-status', 'done');
  // The bar moved through intermediate values on the way to the end.
  expect(seen.some((f) => f > 0 && f < 0.5)).toBe(true);
  expect(seen.some((f) => f > 0.5 && f < 1)).toBe(true);

  const model = await scenarios.chart('policy.heatmap.model');
  const truth = await scenarios.chart('policy.heatmap.truth');
  expect(model.traces.some((t) => t.meta === 'optimum')).toBe(true);
  expect(truth.traces.some((t) => t.meta === 'optimum')).toBe(true);
  await expect(page.getByTestId('policy.optimum')).toContainText('tau');
  const regret = Number(await scenarios.regretValue().innerText());
  expect(Number.isFinite(regret)).toBe(true);
  expect(regret).toBeGreaterThanOrEqual(0);
  await page.getByTestId('policy.results').scrollIntoViewIfNeeded();
  await studio.screenshot('scen-03-hospital-policy');
});
