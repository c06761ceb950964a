import { expect, test } from './fixtures.ts';

/** Traces of a drawn chart: names and types (waits until Plotly has drawn it). */
async function traces(page: import('@playwright/test').Page, testId: string): Promise<{ name: string; type: string }[]> {
  const el = page.locator(`[data-testid="${testId}"][data-ready="true"]`);
  await expect(el).toBeVisible({ timeout: 60_000 });
  return el.evaluate((root) => (root.firstElementChild as unknown as { data: { name: string; type: string }[] }).data.map((t) => ({ name: t.name, type: t.type })));
}

test('a teacher compares a GA run and an NPE run: scores side by side with the best marked, fits and posteriors overlaid', async ({ studio, calibrate, npe, page }) => {
  test.setTimeout(300_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 6, popsize: 16, mc: 1, seed: 2 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  await npe.configure({ sims: 200, samples: 500, seed: 3 });
  await npe.start();
  await npe.waitForStatus('done');
  // Both runs' diagnostics (W1 scores and rollout fans) are computed in the workers after each run.
  await expect
    .poll(() => studio.state<boolean>('s.runs.length === 2 && s.runs.every((r) => r.diagnostics?.status === "done")'), { timeout: 120_000 })
    .toBe(true);

  await studio.goto('history');
  await expect(page.getByTestId('history.comparison')).toHaveCount(0);
  const boxes = page.getByTestId('history.compare');
  await boxes.nth(0).check();
  await expect(page.getByTestId('history.compareHint')).toBeVisible();
  await boxes.nth(1).check();

  const rows = page.getByTestId('history.comparison.row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('NPE');
  await expect(rows.nth(1)).toContainText('GA');
  // Exactly one run is marked best, and the note names the score that decided it.
  await expect(page.locator('[data-testid="history.comparison.row"][data-best="true"]')).toHaveCount(1);
  await expect(page.getByTestId('history.comparison.best')).toContainText('lowest test W1');
  const testW1 = await rows.evaluateAll((rs) => rs.map((r) => Number(r.querySelectorAll('td')[5].textContent)));
  const bestIndex = await rows.evaluateAll((rs) => rs.findIndex((r) => r.getAttribute('data-best') === 'true'));
  expect(testW1[bestIndex]).toBe(Math.min(...testW1));

  // One axis per variable, both runs' medians and the observed data on it.
  for (const v of ['S', 'I', 'R']) {
    const named = (await traces(page, `history.comparison.fit.${v}`)).map((t) => t.name);
    expect(named.filter((n) => n.startsWith('NPE ') && !/%$/.test(n))).toHaveLength(1);
    expect(named.filter((n) => n.startsWith('GA ') && !/%$/.test(n))).toHaveLength(1);
    expect(named).toContain('observed');
  }
  // The NPE posterior as a density, the GA's point estimate as a line, the truth in red.
  const beta = await traces(page, 'history.comparison.param.beta');
  expect(beta.map((t) => t.type)).toEqual(['histogram', 'scatter', 'scatter']);
  expect(beta.at(-1)?.name).toBe('true value');

  await page.getByTestId('history.comparison').scrollIntoViewIfNeeded();
  await studio.screenshot('run-comparison');

  // Unticking one ends the comparison.
  await boxes.nth(0).uncheck();
  await expect(page.getByTestId('history.comparison')).toHaveCount(0);
});
