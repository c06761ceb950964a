import { expect, test } from './fixtures.ts';

test('a user compares data-driven baselines with the simulator on COVID: live MLP curve, cancel, Table 2 layout, what-if note', async ({ studio, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
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
  const [sindy, mlp, floor] = [await w1('sindy'), await w1('mlp'), await w1('floor')];
  for (const v of [sindy, mlp, floor]) expect(Number.isFinite(v) && v > 0).toBe(true);
  // Neither black box beats the truth's own sampling noise.
  expect(sindy).toBeGreaterThan(floor);
  expect(mlp).toBeGreaterThan(floor);
  await expect(table).toContainText('error under “early-strict”');
  await expect(page.getByTestId('baselines.chart')).toHaveAttribute('data-ready', 'true');
  await card.scrollIntoViewIfNeeded();
  await studio.screenshot('baselines-01-comparison');
});
