import { expect, test } from './fixtures.ts';

test('a user compares data-driven baselines with the calibrated simulator on COVID: live MLP curve, cancel, Table 2 layout, intervention errors', async ({ studio, page, calibrate }) => {
  test.setTimeout(420_000); // a calibration, a cancelled and a full MLP training, five models scored
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  // A calibration of the starter with the panel's defaults: the generated simulator the baselines are compared with.
  await studio.goto('calibrate');
  await calibrate.start();
  await calibrate.waitForStatus('done', 240_000);
  await studio.goto('diagnostics');
  const card = page.getByTestId('baselines');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('baselines.whatifNote')).toContainText('parameter interventions');

  // A run on 30 trajectories is cancelled once the MLP's curve is live.
  await page.getByTestId('baselines.size').selectOption('30');
  await page.getByTestId('baselines.run').click();
  await expect(page.getByTestId('baselines.phase')).toContainText('epoch', { timeout: 120_000 });
  await expect(page.getByTestId('baselines.curve')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('baselines.cancel').click();
  await expect(page.getByTestId('baselines.cancelled')).toBeVisible();
  await expect(page.getByTestId('baselines.table')).toHaveCount(0);

  // On 10 trajectories it runs to the end: SINDy, the MLP and the noise floor, each with a test W1.
  await page.getByTestId('baselines.size').selectOption('10');
  await page.getByTestId('baselines.run').click();
  await expect(page.getByTestId('baselines.curve')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  const table = page.getByTestId('baselines.table');
  await expect(table).toBeVisible({ timeout: 170_000 });
  const w1 = async (row: string) => Number((await page.getByTestId(`baselines.row.${row}`).getByTestId('baselines.w1.10').textContent())!.split('±')[0].replace(/,/g, ''));
  const [generated, sindy, mlp, floor] = [await w1('generated'), await w1('sindy'), await w1('mlp'), await w1('floor')];
  for (const v of [generated, sindy, mlp, floor]) expect(Number.isFinite(v) && v > 0).toBe(true);
  // Neither black box beats the truth's own sampling noise.
  expect(sindy).toBeGreaterThan(floor);
  expect(mlp).toBeGreaterThan(floor);
  await expect(table).toContainText('error under “early-strict”');
  // Under the lockdown (a parameter intervention) the mechanistic model tracks the truth; the black boxes cannot take it.
  const iv = async (row: string) => Number((await page.getByTestId(`baselines.row.${row}`).getByTestId('baselines.intervention').textContent())!.replace(/[*,\s]/g, ''));
  const ivGenerated = await iv('generated');
  expect(ivGenerated).toBeLessThan(await iv('sindy'));
  expect(ivGenerated).toBeLessThan(await iv('mlp'));
  await expect(page.getByTestId('baselines.chart')).toHaveAttribute('data-ready', 'true');
  await card.scrollIntoViewIfNeeded();
  await studio.screenshot('baselines-01-comparison');

  // What-if says why the baselines are not offered there, with the errors just computed.
  await studio.goto('scenarios');
  await expect(page.getByTestId('whatif.blackBoxNote')).toContainText('apply to mechanistic simulators only');
  await expect(page.getByTestId('whatif.blackBoxErrors')).toContainText('MLP world model');
});
