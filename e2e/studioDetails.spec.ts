import { expect, test } from './fixtures.ts';

test('what-if W1 of a variable that only falls: its peak is the shared start, so the table says n/a instead of 0', async ({ studio, scenarios, page }) => {
  test.setTimeout(180_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('scenarios');
  await page.getByTestId('whatif.useInit').click();
  await scenarios.addPreset('covid-lockdown', 'early-strict');
  await scenarios.runScenarios();
  await expect(scenarios.w1Table()).toContainText('early-strict');

  // I rises and peaks later: its peak W1 is a number.
  await page.getByTestId('whatif.variable').selectOption('I');
  await expect(page.getByTestId('whatif.w1.peakW1.na')).toHaveCount(0);
  // S only falls: model and truth both peak at the shared start state.
  await page.getByTestId('whatif.variable').selectOption('S');
  const row = page.getByTestId('whatif.w1.early-strict');
  await expect(row.getByTestId('whatif.w1.peakW1.na')).toHaveText('n/a');
  await expect(row.getByTestId('whatif.w1.peakTimeW1.na')).toHaveText('n/a');
  await expect(page.getByTestId('whatif.w1.noPeakNote')).toContainText('S only falls');
});

test('at 1280×720, in presenter mode too, the top bar shows no lone "Rename" and the step tabs stay on one line', async ({ studio, teaching, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await studio.open();
  await studio.newProjectFromWelcome('hospital');
  await expect(page.getByTestId('project.rename')).toBeVisible();
  const tabHeights = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(Math.max(...tabHeights) - Math.min(...tabHeights)).toBeLessThan(4);

  // Presenter mode hides the project picker; its Rename button goes with it.
  await teaching.help('presenter');
  expect(await teaching.presenterOn()).toBe(true);
  await expect(page.getByTestId('project.picker')).toBeHidden();
  await expect(page.getByTestId('project.rename')).toBeHidden();
});
