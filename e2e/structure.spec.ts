import { expect, test } from './fixtures.ts';

test('the COVID starter’s structure graph, its score, code links and live sliders', async ({ studio, structure, code, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await expect(page.getByTestId('data.summary')).toContainText('train 100');
  await studio.goto('structure');

  // The graph: S, I, R, beta, gamma and the SIR influence edges.
  await expect(structure.graph()).toBeVisible();
  expect(await structure.nodeIds()).toEqual(['param:beta', 'param:gamma', 'state:I', 'state:R', 'state:S']);
  const edges = await structure.edges();
  for (const e of ['param:beta->state:S', 'param:beta->state:I', 'param:gamma->state:I', 'param:gamma->state:R', 'state:I->state:R', 'state:S->state:I']) {
    expect(edges[e], e).toBe('match');
  }
  expect(edges['param:beta->state:R']).toBeUndefined(); // recoveries do not depend on transmission
  expect(edges['param:gamma->state:S']).toBeUndefined();
  await expect(structure.score()).toContainText('COVID-19');
  await expect(structure.f1()).toHaveText('100.0%');
  await studio.screenshot('structure-01-graph');

  // Clicking gamma highlights its code lines (its declaration and its read in step).
  await structure.waitForCode();
  await structure.node('param:gamma').click();
  await expect(structure.node('param:gamma')).toHaveAttribute('data-active', 'true');
  await expect.poll(async () => (await structure.highlightedLines()).length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('structure.selection')).toContainText('param gamma');
  await studio.screenshot('structure-02-node-code');

  // Clicking a code line highlights the nodes it holds.
  await structure.node('param:gamma').click(); // deselect
  await structure.code().locator('.view-line', { hasText: 'const pInf' }).click();
  await expect(structure.node('param:beta')).toHaveAttribute('data-active', 'true');
  await expect(structure.node('param:gamma')).toHaveAttribute('data-active', 'false');

  // Live sliders: moving beta redraws the fan chart.
  await expect(page.locator('[data-testid="explore.fan.I"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('explore.status')).toContainText('updated in');
  const before = await structure.fanData('I');
  await structure.setSlider('beta', 1.6);
  await expect(page.getByTestId('explore.value.beta')).toHaveText('1.6');
  await expect.poll(async () => JSON.stringify(await structure.fanData('I')), { timeout: 30_000 }).not.toBe(JSON.stringify(before));
  const after = await structure.fanData('I');
  // Faster transmission: the median rollout of I peaks higher.
  expect(Math.max(...after[2])).toBeGreaterThan(Math.max(...before[2]));
  await page.locator('#studio-panel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await studio.screenshot('structure-03-sliders');

  // Edited code: recoveries no longer use gamma, so its truth edges are drawn as missing and F1 drops.
  await studio.goto('code');
  await code.waitForEditor();
  await code.replaceAll('const pRec = 1 - Math.exp(-params.gamma);', 'const pRec = 0.1;');
  await studio.goto('structure');
  await expect(structure.edge('param:gamma', 'state:R')).toHaveAttribute('data-status', 'missing');
  await expect(structure.f1()).not.toHaveText('100.0%');
  await expect(page.getByTestId('structure.score.diff')).toContainText('missing gamma → R');
  await studio.screenshot('structure-04-missing-edges');
});
