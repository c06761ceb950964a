import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** A long task as the PerformanceObserver saw it (ms, page clock). */
interface LongTask {
  start: number;
  ms: number;
}

/** A chart redraw as Plot.tsx measured it (`gsim:plot-draw`). */
interface Draw extends LongTask {
  chart: string;
}

const longTasksSince = (page: Page, t: number) =>
  page.evaluate((t) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((e) => e.start >= t), t);

const drawsSince = (page: Page, t: number) =>
  page.evaluate(
    (t) =>
      performance
        .getEntriesByName('gsim:plot-draw')
        .filter((e) => e.startTime >= t)
        .map((e) => ({ start: e.startTime, ms: e.duration, chart: String((e as PerformanceMeasure).detail) })),
    t,
  );

const longest = <T extends LongTask>(xs: T[]): T | null => xs.reduce<T | null>((a, b) => (a && a.ms >= b.ms ? a : b), null);

test('long tasks on the main thread during a GA run (measured, not asserted)', async ({ studio, calibrate, page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await studio.open();
  const firstRender = await page.evaluate(() => {
    const m = performance.getEntriesByName('gsim:first-render')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { firstRenderMs: m?.startTime, fcpMs: fcp?.startTime };
  });
  console.log(`time to first render: ${firstRender.firstRenderMs?.toFixed(0)} ms (first contentful paint ${firstRender.fcpMs?.toFixed(0)} ms)`);

  // The studio preloads Plotly when idle once a project is open; its first evaluation (1.5 MB of
  // script, the cartesian bundle) is one long task of its own, measured apart from the run.
  const t0 = await page.evaluate(() => performance.now());
  await studio.newProjectFromWelcome('covid');
  await expect(page.getByTestId('data.summary')).toBeVisible();
  await studio.goto('data');
  await expect(page.locator('[data-testid="data.plot.S"][data-ready="true"]')).toBeVisible();
  const opening = await longTasksSince(page, t0);
  const load = await page.evaluate(() => {
    const m = performance.getEntriesByName('gsim:plotly-load')[0];
    return m ? { start: m.startTime, ms: m.duration } : null;
  });
  const plotlyTask = load ? longest(opening.filter((t) => t.start >= load.start && t.start < load.start + load.ms + 1)) : null;
  console.log(
    `Plotly first load: ${load?.ms.toFixed(0) ?? '?'} ms from import to ready, its longest task ${(plotlyTask?.ms ?? 0).toFixed(0)} ms; ` +
      `long tasks from opening the project to the first chart: ${opening.length}, longest ${(longest(opening)?.ms ?? 0).toFixed(0)} ms`,
  );

  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 15, popsize: 24, mc: 1, seed: 3 });
  const runStart = await page.evaluate(() => performance.now());
  await calibrate.start();
  await calibrate.waitForStatus('done');
  const during = await longTasksSince(page, runStart);
  const draws = await drawsSince(page, runStart);
  const worst = longest(during);
  // Attribute each long task: does a chart redraw lie inside it?
  const withDraw = during.filter((t) => draws.some((d) => d.start >= t.start - 1 && d.start < t.start + t.ms));
  console.log(
    `long tasks during the GA run: ${during.length}, longest ${(worst?.ms ?? 0).toFixed(0)} ms, total ${during.reduce((a, b) => a + b.ms, 0).toFixed(0)} ms; ` +
      `${withDraw.length} of them contain a chart redraw`,
  );
  const slowest = longest(draws);
  console.log(`chart redraws during the GA run: ${draws.length}, longest ${(slowest?.ms ?? 0).toFixed(0)} ms (${slowest?.chart ?? '-'})`);
  if (process.env.GSIM_PERF_VERBOSE) console.log(draws.map((d) => `${d.chart}:${d.ms.toFixed(0)}`).join(' '));
  expect(during.length).toBeGreaterThanOrEqual(0);
});
