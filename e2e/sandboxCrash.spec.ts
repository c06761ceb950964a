// Issue 19: a program that really exhausts memory, and one that inflates its answers, during a
// calibration. For each: the page keeps rendering, the run is marked failed with a clear message, the
// sandbox (or the worker) is rebuilt, the user's last edit survives, and a following benign run works.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { expect, test } from './fixtures.ts';
import { CalibratePanel } from './pages/CalibratePanel.ts';
import { StudioPage } from './pages/StudioPage.ts';

const covid = getEnvironment('covid');

// Playwright declares the whole page crashed when any of its frames' renderers crashes (each frame
// session reports Inspector.targetCrashed as the page's), though Chromium keeps the page running
// beside a dead out-of-process iframe. So the browser gets a debugging port, and the test looks at the
// page after the crash through a second connection. V8's heap is capped (all isolates: the page needs
// far less) so that a memory bomb dies in seconds without taking the shared machine's memory.
const DEBUG_PORT = Number(process.env.E2E_PORT ?? 4175) + 5000;
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), `--remote-debugging-port=${DEBUG_PORT}`, '--js-flags=--max-old-space-size=384'] } });

/** The studio page, seen through a new connection to the same browser (after Playwright gave the first up). */
async function reconnect(url: string) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUG_PORT}`);
  const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(url));
  if (!page) throw new Error(`no page at ${url} after the crash; pages: ${browser.contexts().flatMap((c) => c.pages()).map((p) => p.url()).join(', ')}`);
  return { browser, page };
}

/** The starter whose `step`, after its first 300 calls (past any compile check), allocates until the heap is gone. */
const memoryBomb = (starter: string) => `${starter}
let calls = 0;
step = (function (inner) {
  return function (s, a, p, r) {
    if (++calls > 300) { const hoard = []; for (;;) hoard.push(new Array(1 << 20).fill(calls + 0.5)); }
    return inner(s, a, p, r);
  };
})(step);`;

/** The starter with every fitness answer its worker posts padded by 32 MB (a program returning a huge state through the port). */
const inflatingModel = (starter: string) => `${starter}
(function () {
  const g = Function('return this')();
  const post = g.MessagePort.prototype.postMessage;
  g.MessagePort.prototype.postMessage = function (m, t) {
    if (m && m.value && m.value.fitness) m.padding = new Float64Array(4 << 20);
    return post.call(this, m, t);
  };
})();`;

/** The open project as a project file (exported before any crash: a second connection gets no downloads). */
async function exportProject(page: Page): Promise<Record<string, any>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

/** Imports `project` with another program, through the file input. */
async function importWithSource(page: Page, project: Record<string, any>, source: string): Promise<void> {
  const json = structuredClone(project);
  json.project.source = source;
  const path = join(test.info().outputPath(), `crash-${Math.random().toString(36).slice(2)}.gsim.json`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(json));
  const options = page.getByTestId('project.picker').locator('option');
  const before = await options.count();
  await page.getByTestId('project.importFile').setInputFiles(path);
  await expect(options).toHaveCount(before + 1);
}

/**
 * Types a last edit, then starts a tiny calibration of the hostile program; returns the edited project's
 * picker value. The edit goes in first: on a busy machine the program can end the run (or take its
 * sandbox's renderer down, which Playwright reports as the whole page crashing) before "running" is ever
 * drawn, and nothing after the click may need the first connection. So the start is confirmed by the
 * run being under way, already failed, or its sandbox having crashed; the edit's autosave may still be
 * in flight when the sandbox dies.
 */
async function editThenCalibrate(page: Page, studio: StudioPage, calibrate: CalibratePanel, edit: string, crashed = () => false): Promise<string> {
  await studio.goto('knowledge');
  await page.getByTestId('knowledge.text').fill(edit);
  await studio.goto('calibrate');
  const project = await page.getByTestId('project.picker').inputValue();
  await calibrate.configure({ method: 'ga', generations: 3, popsize: 8, mc: 1, seed: 1 });
  await page.getByTestId('calibrate.start').click();
  const status = () => calibrate.progress().getAttribute('data-status', { timeout: 1000 }).catch(() => null);
  await expect.poll(async () => crashed() || /^(running|failed)$/.test((await status()) ?? ''), { timeout: 30_000 }).toBe(true);
  return project;
}

/** Starts measuring the longest gap between animation frames; `read()` returns it in ms. */
async function frameGaps(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number };
    w.__gap = 0;
    w.__last = performance.now();
    const tick = (t: number) => ((w.__gap = Math.max(w.__gap, t - w.__last)), (w.__last = t), requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
  return () => page.evaluate(() => Math.round((window as unknown as { __gap: number }).__gap));
}

/** After a failed run: a benign program calibrates in the rebuilt sandbox, and the last edit survived (a reload too). */
async function recovers(page: Page, studio: StudioPage, calibrate: CalibratePanel, edit: { text: string; project: string }, project: Record<string, any>): Promise<void> {
  await studio.goto('knowledge');
  await expect(page.getByTestId('knowledge.text')).toHaveValue(edit.text);
  await importWithSource(page, project, covid.starterSource);
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  await studio.reload();
  await page.getByTestId('project.picker').selectOption(edit.project);
  await studio.goto('knowledge');
  await expect(page.getByTestId('knowledge.text')).toHaveValue(edit.text);
}

/**
 * {@link recovers} through the second connection, without the reload (the inflating case checks that
 * path). Its Playwright page may again be declared crashed (the dead sandbox frame's target is reported
 * once more), so the benign run's end is read through fresh connections: a real second crash would end
 * that run as failed, not done.
 */
async function studioRecovers(page: Page, calibrate: CalibratePanel, edit: { text: string; project: string }, project: Record<string, any>, url: string): Promise<void> {
  const studio = new StudioPage(page);
  await studio.goto('knowledge');
  await expect(page.getByTestId('knowledge.text')).toHaveValue(edit.text);
  await importWithSource(page, project, covid.starterSource);
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  await calibrate.start();
  const statusNow = async () => {
    const c = await reconnect(url);
    try {
      return await c.page.getByTestId('calibrate.progress').getAttribute('data-status', { timeout: 5000 });
    } finally {
      await c.browser.close();
    }
  };
  let status: string | null = null;
  await expect.poll(async () => (status = await statusNow().catch(() => 'unreadable')), { timeout: 120_000, intervals: [2000] }).toMatch(/done|failed/);
  if (status !== 'done') {
    // Seen once under load (clean-clone run C2, session 8) without its reason: keep the card's message.
    const c = await reconnect(url).catch(() => null);
    const message = c ? await c.page.getByTestId('calibrate.progress').innerText({ timeout: 5000 }).catch((e: Error) => `unreadable: ${e.message}`) : 'no connection';
    // Which sandboxes the page holds, and whether each answered its start (SandboxHost marks data-ready).
    const sandboxes = c ? await c.page.locator('iframe[data-gsim-sandbox]').evaluateAll((fs) => fs.map((f) => `${'beforeCrash' in (f as HTMLElement).dataset ? 'old' : 'new'}:${'ready' in (f as HTMLElement).dataset ? 'ready' : 'not ready'}`).join(', ')).catch(() => 'unreadable') : '';
    await c?.browser.close();
    console.log(`the benign run after the crash ended ${status}: ${message.replace(/\s+/g, ' ').slice(0, 400)}; sandboxes: ${sandboxes}`);
  }
  expect(status).toBe('done');
}

test.beforeEach(async ({ studio }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
});

test('a program that exhausts memory during a calibration: the run fails clearly, the sandbox is rebuilt, nothing is lost', async ({ page, studio, calibrate }) => {
  test.setTimeout(240_000);
  const crashes = await watchTargetCrashes(page);
  const project = await exportProject(page);
  await importWithSource(page, project, memoryBomb(covid.starterSource));
  // The sandbox before the crash is marked, so a rebuilt one is told apart.
  await page.locator('iframe[data-gsim-sandbox]').evaluate((f) => (f.dataset.beforeCrash = ''));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const text = '# last edit before the memory bomb ran';
  const edit = { text, project: await editThenCalibrate(page, studio, calibrate, text, () => crashed) };
  const t0 = Date.now();
  await expect.poll(async () => crashed || (await calibrate.progress().getAttribute('data-status').catch(() => null)) === 'failed', { timeout: 120_000 }).toBe(true);
  console.log(`memory bomb: ${crashed ? 'the sandbox renderer crashed' : 'only the worker died'} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const { browser, page: after } = crashed ? await reconnect(page.url().replace(/#.*$/, '')) : { browser: null, page };
  try {
    const gap = await frameGaps(after);
    const panel = new CalibratePanel(after);
    await panel.waitForStatus('failed', 120_000);
    const message = await panel.progress().innerText();
    console.log(`run: ${message.replace(/\s+/g, ' ').slice(0, 300)}`);
    expect(message).toMatch(/crash|memory|exited|stopped|died/i);
    await expect(after.locator('iframe[data-gsim-sandbox]:not([data-before-crash])')).toHaveCount(crashed ? 1 : 0, { timeout: 30_000 });
    const longest = await gap();
    console.log(`longest frame gap from the crash to the rebuilt sandbox: ${longest} ms`);
    expect(longest).toBeLessThan(10_000);
    if (!crashed) await studioRecovers(after, panel, edit, project, page.url().replace(/#.*$/, ''));
  } finally {
    await browser?.close();
  }
  if (!crashed) return;
  // The test goes on once the rebuilt sandbox has started (or, had it died before starting, been removed
  // at its start limit), through a new connection of its own.
  const url = page.url().replace(/#.*$/, '');
  const t1 = Date.now();
  let rebuilt = '';
  await expect.poll(async () => (rebuilt = await rebuiltSandbox(url)), { timeout: 90_000, intervals: [1000] }).toMatch(/^(started|removed)$/);
  console.log(`the rebuilt sandbox ${rebuilt} ${((Date.now() - t1) / 1000).toFixed(1)} s after the failed run was read`);
  const fresh = await reconnect(url);
  try {
    await studioRecovers(fresh.page, new CalibratePanel(fresh.page), edit, project, url);
  } finally {
    await fresh.browser.close();
    console.log(`renderer crashes seen: ${crashes().join('; ')}`);
  }
  // The program that crashed the sandbox never ran again: work queued behind its run (the fitness
  // landscape) once replayed it on the rebuilt sandbox's workers and crashed that one too.
  expect(crashes()).toHaveLength(1);
});

/** Every target crash the browser reports from now on, with the target's type and URL and when (s). */
async function watchTargetCrashes(page: Page): Promise<() => string[]> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const t0 = Date.now();
  const targets = new Map<string, string>();
  const seen: string[] = [];
  const note = (t: { targetId: string; type: string; url: string }) => targets.set(t.targetId, `${t.type} ${t.url.replace(/^https?:\/\/[^/]+/, '')}`);
  cdp.on('Target.targetCreated', (e) => note(e.targetInfo));
  cdp.on('Target.targetInfoChanged', (e) => note(e.targetInfo));
  cdp.on('Target.targetCrashed', (e) => seen.push(`${((Date.now() - t0) / 1000).toFixed(1)} s ${targets.get(e.targetId) ?? e.targetId} (${e.status} ${e.errorCode})`));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return () => seen;
}

/** The sandbox built after the crash, read through a new connection: started, removed, or still starting. */
async function rebuiltSandbox(url: string): Promise<string> {
  const c = await reconnect(url).catch(() => null);
  if (!c) return 'unreadable';
  try {
    const states = await c.page.locator('iframe[data-gsim-sandbox]:not([data-before-crash])').evaluateAll((fs) => fs.map((f) => ('ready' in (f as HTMLElement).dataset ? 'started' : 'starting')));
    return states.length === 0 ? 'removed' : states.includes('starting') ? 'starting' : 'started';
  } catch {
    return 'unreadable';
  } finally {
    await c.browser.close();
  }
}

test('a program that inflates its answers past their budget: its worker is killed, the run fails clearly, nothing is lost', async ({ page, studio, calibrate }) => {
  test.setTimeout(180_000);
  const gap = await frameGaps(page);
  const project = await exportProject(page);
  await importWithSource(page, project, inflatingModel(covid.starterSource));
  const text = '# last edit before answers were inflated';
  const edit = { text, project: await editThenCalibrate(page, studio, calibrate, text) };
  await calibrate.waitForStatus('failed', 120_000);
  await expect(calibrate.progress()).toContainText('larger than its call allows');
  console.log(`inflated answers: longest frame gap ${await gap()} ms`);
  expect(await gap()).toBeLessThan(10_000);
  await recovers(page, studio, calibrate, edit, project);
});
