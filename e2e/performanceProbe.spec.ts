import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { NpePanel } from './pages/NpePanel.ts';
import { StudioPage } from './pages/StudioPage.ts';

/**
 * Performance probe (issue #15): on each benchmark, the main thread's longest task during a GA run and
 * an NPE run, and the NPE wall time while its training curve is watched over the time while another
 * step is shown. Reported, not asserted (targets: no task over 200 ms, watched within 1.3× of
 * unwatched): the figures depend on the machine and its load. Budgets are small so that the probe
 * fits in the test suite; GSIM_PROBE_NPE_SIMS raises the NPE budget for a closer look.
 */
const NPE_SIMS = Number(process.env.GSIM_PROBE_NPE_SIMS ?? 100);

interface LongTask {
  start: number;
  ms: number;
}

async function longTasksSince(page: Page, t: number): Promise<LongTask[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((e) => e.start >= t), t);
}

const now = (page: Page) => page.evaluate(() => performance.now());

function describeTasks(tasks: LongTask[]): string {
  const longest = tasks.reduce((a, b) => Math.max(a, b.ms), 0);
  const total = tasks.reduce((a, b) => a + b.ms, 0);
  const over = tasks.filter((t) => t.ms > 200).length;
  return `${tasks.length} long tasks, longest ${longest.toFixed(0)} ms, ${over} over 200 ms, ${total.toFixed(0)} ms blocked`;
}

/** Runs NPE (same seed and budget each time) and returns its wall time in seconds and the long tasks meanwhile. */
async function npeRun(page: Page, watched: boolean): Promise<{ seconds: number; tasks: LongTask[] }> {
  const studio = new StudioPage(page);
  const npe = new NpePanel(page);
  await studio.goto('calibrate');
  await npe.configure({ sims: NPE_SIMS, samples: 500, seed: 5 });
  const t0 = await now(page);
  await npe.start();
  if (!watched) await studio.goto('knowledge');
  await expect.poll(() => studio.state<string>('s.runs[0].status'), { timeout: 300_000, intervals: [500] }).toMatch(/done|failed|cancelled/);
  const status = await studio.state<string>('s.runs[0].status');
  expect(status, await studio.state<string>('String(s.runs[0].error)')).toBe('done');
  const seconds = await studio.state<number>('s.runs[0].seconds');
  const tasks = await longTasksSince(page, t0);
  if (!watched) await studio.goto('calibrate');
  return { seconds, tasks };
}

for (const env of ['covid', 'supply-chain', 'hospital'] as const) {
  test(`performance probe on ${env}: long tasks during GA and NPE, NPE watched vs unwatched (reported)`, async ({ studio, calibrate, page }) => {
    test.setTimeout(900_000);
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: LongTask[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await studio.open();
    await studio.newProjectFromWelcome(env);
    await expect.poll(() => studio.state<boolean>('s.dataset !== null && s.compile.status === "ok"'), { timeout: 60_000 }).toBe(true);

    // GA on the Calibrate step, watched (population animation, fitness and trace charts).
    await studio.goto('calibrate');
    await calibrate.configure({ method: 'ga', generations: 10, popsize: 24, mc: 1, seed: 3 });
    const t0 = await now(page);
    await calibrate.start();
    await calibrate.waitForStatus('done');
    const ga = await longTasksSince(page, t0);
    console.log(`[probe ${env}] GA 10×24 watched: ${describeTasks(ga)}`);

    // NPE with the same seed and budget, watched and unwatched, after a warm-up run (the first NPE run
    // of a page also pays for starting its worker and compiling the WASM runtime). GSIM_PROBE_ORDER=
    // unwatched-first swaps the two measured runs, to see whether order matters on a loaded machine.
    await npeRun(page, true);
    const unwatchedFirst = process.env.GSIM_PROBE_ORDER === 'unwatched-first';
    const first = await npeRun(page, !unwatchedFirst);
    const second = await npeRun(page, unwatchedFirst);
    const [watched, unwatched] = unwatchedFirst ? [second, first] : [first, second];
    console.log(`[probe ${env}] NPE ${NPE_SIMS} simulations unwatched: ${unwatched.seconds.toFixed(1)} s; ${describeTasks(unwatched.tasks)}`);
    console.log(`[probe ${env}] NPE ${NPE_SIMS} simulations watched: ${watched.seconds.toFixed(1)} s; ${describeTasks(watched.tasks)}`);
    console.log(`[probe ${env}] NPE watched / unwatched wall time: ${(watched.seconds / unwatched.seconds).toFixed(2)}× (target ≤ 1.3×)`);
    expect(watched.seconds).toBeGreaterThan(0);
  });
}
