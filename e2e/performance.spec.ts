import { expect, test } from './fixtures.ts';

test('long tasks on the main thread during a GA run (measured, not asserted)', async ({ studio, calibrate, page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await studio.open();
  const firstRender = await page.evaluate(() => {
    const m = performance.getEntriesByName('gsim:first-render')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { firstRenderMs: m?.startTime, fcpMs: fcp?.startTime };
  });
  console.log(`time to first render: ${firstRender.firstRenderMs?.toFixed(0)} ms (first contentful paint ${firstRender.fcpMs?.toFixed(0)} ms)`);

  await studio.newProjectFromWelcome('covid');
  await expect(page.getByTestId('data.summary')).toBeVisible();
  // Plotly's first evaluation (4.6 MB of script) is one long task of its own: measure it apart.
  const beforePlotly = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
  await studio.goto('data');
  await expect(page.locator('[data-testid="data.plot.S"][data-ready="true"]')).toBeVisible();
  const plotly = await page.evaluate((n) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(n), beforePlotly);
  console.log(`long tasks while the Data panel first draws (Plotly load): ${plotly.length}, longest ${Math.max(0, ...plotly).toFixed(0)} ms`);
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 15, popsize: 24, mc: 1, seed: 3 });
  const before = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
  await calibrate.start();
  await calibrate.waitForStatus('done');
  const during = await page.evaluate((n) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(n), before);
  const longest = during.length ? Math.max(...during) : 0;
  console.log(`long tasks during the GA run: ${during.length}, longest ${longest.toFixed(0)} ms, total ${during.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
  expect(during.length).toBeGreaterThanOrEqual(0);
});
