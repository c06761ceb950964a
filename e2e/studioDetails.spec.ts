import { expect, test } from './fixtures.ts';

test('what-if W1 of a variable that only falls: its peak is the shared start, so the table says n/a instead of 0', async ({ studio, scenarios, page }) => {
  test.setTimeout(180_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('scenarios');
  await page.getByTestId('whatif.useInit').click();
  await scenarios.addPreset('covid-lockdown', 'early-strict');
  // What the run will cost, summed over scenarios and over model and truth, before pressing Run.
  await expect(page.getByTestId('whatif.budget')).toContainText('1 scenario × 100 rollouts × 60 steps, on the model and on the ground truth: 12,000 simulated steps');
  await scenarios.runScenarios();
  await expect(scenarios.w1Table()).toContainText('early-strict');

  // A lone scenario's fan takes the card's width (not a third of it), and peak days read as whole days.
  const fanWidth = (await page.getByTestId('whatif.fan.early-strict').boundingBox())!.width;
  const cardWidth = (await scenarios.results().boundingBox())!.width;
  expect(fanWidth / cardWidth).toBeGreaterThan(0.8);
  const peakDays = await page.getByTestId('whatif.outcomes').getByTestId('whatif.outcome.peakDay').allInnerTexts();
  expect(peakDays.length).toBe(2);
  for (const text of peakDays) expect(text).toMatch(/^\d+ \(\d+–\d+\)$/);

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

  // The longest benchmark title is shown whole in the project picker, and the top bar's buttons keep one line.
  await studio.newProjectFromMenu('supply-chain');
  const picker = await page.getByTestId('project.picker').evaluate((el) => {
    const sel = el as HTMLSelectElement;
    const cs = getComputedStyle(sel);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return { name: sel.selectedOptions[0].text, text: ctx.measureText(sel.selectedOptions[0].text).width, box: sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
  });
  expect(picker.name).toBe('Supply chain (single-stage beer game)');
  expect(picker.text + 16).toBeLessThanOrEqual(picker.box); // 16 px: the select's arrow
  const wrapped = await page.locator('header.topbar .btn').evaluateAll((els) =>
    els.filter((e) => {
      if (!e.checkVisibility()) return false;
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).map((e) => e.textContent),
  );
  expect(wrapped).toEqual([]);

  // Presenter mode hides the project picker; its Rename button goes with it.
  await teaching.help('presenter');
  expect(await teaching.presenterOn()).toBe(true);
  await expect(page.getByTestId('project.picker')).toBeHidden();
  await expect(page.getByTestId('project.rename')).toBeHidden();
});
