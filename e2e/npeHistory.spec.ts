import { expect, test } from './fixtures.ts';

test('an NPE run reads as NPE: two rounds and a picked estimate by default, epochs while training, a full bar when early stopping ends it, its own budget in the run history', async ({ studio, npe, page }) => {
  test.setTimeout(240_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  await npe.configure({ sims: 200, samples: 500, seed: 3 });
  await npe.start();

  // While training, the line counts epochs (an upper bound, with early stopping), not generations.
  await expect(page.getByTestId('npe.phase')).toContainText('epoch', { timeout: 120_000 });
  await npe.waitForStatus('done');
  const epochs = await npe.epochs();
  await expect(page.getByTestId('npe.phase')).toContainText(`trained ${epochs} epochs over 2 rounds`);
  // The CLI's defaults: round 2 on the first posterior's box, the calibrated value picked by the energy score.
  const estimate = page.getByTestId('npe.pointEstimate');
  await expect(estimate).toHaveAttribute('data-rounds', '2');
  await expect(estimate).toHaveAttribute('data-kind', 'fitness-pick');
  await expect(estimate).toContainText('by the energy score on the train split');
  expect(await studio.state<number>('s.runs[0].npe.truncatedBox.length')).toBe(2);
  expect(await studio.state<number>('s.runs[0].npe.pointEstimate.candidates')).toBe(102);
  const bar = page.getByTestId('npe.bar');
  expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
  await expect(page.getByTestId('npe.posteriorTable')).toHaveClass(/data/);

  await studio.goto('history');
  const row = page.getByTestId('history.row').first();
  await expect(row).toContainText('NPE');
  await expect(row.getByTestId('history.budget')).toHaveText(/^2 rounds × 200 simulations, MAF, picked estimate, seed 3$/);
  await expect(row).toContainText('posterior');
  await expect(page.getByTestId('history.table')).not.toContainText('best MSE');
  await studio.screenshot('npe-history');
});
