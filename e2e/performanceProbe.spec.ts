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
 *
 * The NPE runs go warm-up ×2, watched, unwatched, unwatched, watched (ABBA), each from a settled page:
 * a page's NPE runs get faster from one to the next (the workers' JIT and the WASM runtime keep
 * warming after the first run), so with one run of each the first measured one lost. With the same
 * code, watched-then-unwatched read 2.01× and unwatched-then-watched 0.83× (covid, loaded machine).
 * The warm-ups have the measured runs' budget: after one 50-simulation or even one full-budget warm-up,
 * the first measured run was still the slowest on all three benchmarks (about 2× in every phase, on an
 * idle machine too); after two, it is not.
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

/** Chart draws (Plotly, measured by Plot.tsx as `gsim:plot-draw`) that started at or after `t`: count and time. */
async function drawsSince(page: Page, t: number): Promise<{ count: number; ms: number }> {
  return page.evaluate((t) => {
    const draws = performance.getEntriesByName('gsim:plot-draw').filter((e) => e.startTime >= t);
    return { count: draws.length, ms: draws.reduce((a, e) => a + e.duration, 0) };
  }, t);
}

/**
 * Waits until the last run's follow-up work is over: diagnostics and (NPE) posterior predictive fans
 * computed in the pool, the benchmark noise floor in place, and no chart drawn for a second. Otherwise the next measured run would share
 * the pool and the main thread with the previous run's aftermath, and its time would not be its own.
 */
async function settle(page: Page, studio: StudioPage): Promise<void> {
  await expect
    .poll(() => studio.state<boolean>('s.runs[0].diagnostics !== undefined && s.runs[0].diagnostics.status !== "pending" && (s.runs[0].settings.method !== "npe" || s.runs[0].npe?.predictive !== undefined)'), { timeout: 120_000, intervals: [250] })
    .toBe(true);
  // The benchmark W1's noise floor follows the figures in the background, once per dataset and seed: a
  // run with a new seed (the warm-up after the GA) starts one, which would otherwise share the cores with
  // the next measured run (that run was the slowest of four on every benchmark, watched or not).
  await expect
    .poll(() => studio.state<boolean>('s.runs[0].diagnostics.benchmark === undefined || s.runs[0].diagnostics.benchmark.floor !== undefined'), { timeout: 120_000, intervals: [250] })
    .toBe(true);
  await expect
    .poll(() => page.evaluate(() => performance.now() - Math.max(0, ...performance.getEntriesByName('gsim:plot-draw').map((e) => e.startTime + e.duration))), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(1000);
}

interface NpeFigures {
  seconds: number;
  phases: { simulate: number; train: number; sample: number; sbc: number };
  epochs: number;
  tasks: LongTask[];
  draws: { count: number; ms: number };
}

/**
 * Runs NPE (same seed and budget each time) from a settled page: its wall time and phases, and the
 * long tasks and chart draws from its start until the page settled again (its results drawn; for an
 * unwatched run that includes coming back to the Calibrate step).
 */
async function npeRun(page: Page, watched: boolean): Promise<NpeFigures> {
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
  if (!watched) await studio.goto('calibrate');
  await settle(page, studio);
  return {
    seconds: await studio.state<number>('s.runs[0].seconds'),
    phases: await studio.state<NpeFigures['phases']>('s.runs[0].npe.phaseSeconds'),
    epochs: await studio.state<number>('s.runs[0].history.length'),
    tasks: await longTasksSince(page, t0),
    draws: await drawsSince(page, t0),
  };
}

function describeNpe(f: NpeFigures): string {
  const p = f.phases;
  return `${f.seconds.toFixed(1)} s (simulate ${p.simulate.toFixed(1)}, train ${p.train.toFixed(1)} for ${f.epochs} epochs, sample ${p.sample.toFixed(1)}, SBC ${p.sbc.toFixed(1)}); ` +
    `with its results drawn ${describeTasks(f.tasks)}; ${f.draws.count} chart draws, ${f.draws.ms.toFixed(0)} ms`;
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
    await settle(page, studio);

    // NPE with the same seed and budget: a warm-up run (the first NPE run of a page also pays for
    // starting its worker and compiling the WASM runtime), then watched and unwatched in ABBA order.
    // Two warm-ups: a page's second NPE run is still about 2× slower in every phase than the later ones,
    // watched or not (measured first, an unwatched run lost by as much: 0.83× watched / unwatched); that
    // is the page warming up, not the cost of watching, which is what this compares.
    await npeRun(page, true);
    await npeRun(page, false);
    const runs: { watched: boolean; f: NpeFigures }[] = [];
    for (const watched of [true, false, false, true]) runs.push({ watched, f: await npeRun(page, watched) });
    for (const r of runs) console.log(`[probe ${env}] NPE ${NPE_SIMS} simulations ${r.watched ? 'watched' : 'unwatched'}: ${describeNpe(r.f)}`);
    const total = (watched: boolean) => runs.filter((r) => r.watched === watched).reduce((a, r) => a + r.f.seconds, 0);
    const [watched, unwatched] = [total(true), total(false)];
    const tasks = runs.flatMap((r) => r.f.tasks);
    console.log(`[probe ${env}] NPE watched / unwatched wall time: ${(watched / unwatched).toFixed(2)}× (${watched.toFixed(1)} s / ${unwatched.toFixed(1)} s, two runs each; target ≤ 1.3×); all four runs: ${describeTasks(tasks)}`);
    expect(watched).toBeGreaterThan(0);
  });
}
