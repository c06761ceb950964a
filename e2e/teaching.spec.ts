import { readFile } from 'node:fs/promises';
import config from '../playwright.config.ts';
import { test as base, expect } from './fixtures.ts';
import { llmServerFixture, type BrowserLlmServer } from './llmServerFixture.ts';
import { CalibratePanel } from './pages/CalibratePanel.ts';
import { LoopPanel, SettingsDialog } from './pages/LoopPanel.ts';
import { StudioPage } from './pages/StudioPage.ts';
import { TeachingPage } from './pages/TeachingPage.ts';

const test = base.extend<object, { llm: BrowserLlmServer }>({
  // A scripted OpenAI-compatible server on 127.0.0.1 (the recorded session's "LLM").
  llm: llmServerFixture,
});

// As in llmLoop.spec: let the browser reach the scripted server on 127.0.0.1.
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)),
  },
});

test('the GA animation follows a COVID run live, then plays back over the fitness landscape', async ({ page, studio, calibrate, teaching }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 40, popsize: 24, mc: 1 });
  await calibrate.start();

  // Live: generations arrive while the run is still running.
  await page.waitForFunction(
    () => {
      const card = document.querySelector('[data-testid="calibrate.population"]');
      const progress = document.querySelector('[data-testid="calibrate.progress"]');
      return card && progress?.getAttribute('data-status') === 'running' && Number(card.getAttribute('data-frames')) >= 3 && Number(card.getAttribute('data-frame')) >= 3;
    },
    undefined,
    { timeout: 60_000 },
  );
  const during = await teaching.frames();
  await studio.screenshot('30-teach-population-live');
  await calibrate.waitForStatus('done');
  const after = await teaching.frames();
  expect(after.count).toBeGreaterThan(during.count);
  expect(after.shown).toBe(40); // followed live to the last generation

  // The landscape heatmap is drawn behind the population, with the truth marked.
  await expect(teaching.population()).toHaveAttribute('data-landscape', 'ready', { timeout: 60_000 });
  await expect(page.locator('[data-testid="population.plot"] .heatmaplayer image')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('[data-testid="population.plot"] .legendtext', { hasText: 'truth' })).toHaveCount(1);

  // Play from the start: the shown generation advances by itself.
  await page.getByTestId('population.speed').selectOption('2');
  await page.getByTestId('population.play').click();
  await expect(teaching.population()).toHaveAttribute('data-playing', 'true');
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        seen.add((await teaching.frames()).shown);
        return seen.size;
      },
      { timeout: 20_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(4);
  await teaching.population().scrollIntoViewIfNeeded();
  await studio.screenshot('30-teach-population-playback');
  await page.getByTestId('population.play').click();
  await expect(teaching.population()).toHaveAttribute('data-playing', 'false');
});

test('the guided tour walks one G-Sim cycle on COVID, with the keyboard, to the end', async ({ page, studio, teaching }) => {
  await studio.open();
  await page.getByTestId('welcome.tour').click();
  await expect(teaching.popover()).toHaveAttribute('data-step', 'welcome');
  await expect(page.getByTestId('tour.next')).toBeFocused();
  await studio.screenshot('31-teach-tour-welcome');

  const visited: string[] = [];
  const panels: Record<string, string> = { knowledge: 'knowledge', code: 'code', calibrate: 'calibrate', diagnostics: 'diagnostics', refine: 'loop', intervene: 'scenarios' };
  for (;;) {
    const step = (await teaching.tourStep())!;
    visited.push(step);
    if (panels[step]) await expect(page.getByTestId(`panel.${panels[step]}`)).toBeVisible();
    if (step === 'calibrate') {
      // The tour really calibrates: a short GA run starts and the animation follows it.
      await expect.poll(() => studio.state<number>('s.runs.length'), { timeout: 30_000 }).toBe(1);
      await expect(teaching.population()).toBeVisible();
      await studio.screenshot('31-teach-tour-calibrate');
      await new CalibratePanel(page).waitForStatus('done');
      // A fit worth showing: near the truth (beta 0.5, gamma 0.105 in the starter's rate form).
      const fit = await studio.state<{ beta: number; gamma: number }>('s.runs[0].params');
      expect(Math.abs(fit.beta - 0.5)).toBeLessThan(0.1);
      expect(Math.abs(fit.gamma - 0.105)).toBeLessThan(0.03);
    }
    if (step === 'refine') {
      // Back and forth with the keyboard: Enter on the focused button.
      await page.getByTestId('tour.back').click();
      await expect(teaching.popover()).toHaveAttribute('data-step', 'diagnostics');
      await page.getByTestId('tour.next').click();
      await expect(teaching.popover()).toHaveAttribute('data-step', 'refine');
    }
    if (step === 'intervene') {
      // Not an empty panel: the tour's two scenarios ran on the calibration, fans drawn.
      await expect(page.locator('[data-testid="whatif.fan.early-strict"][data-ready="true"]')).toBeVisible({ timeout: 120_000 });
      await expect(page.locator('[data-testid="whatif.fan.no-lockdown"][data-ready="true"]')).toBeVisible();
      await studio.screenshot('31-teach-tour-intervene');
    }
    const last = (await page.getByTestId('tour.next').textContent()) === 'Finish';
    await expect(page.getByTestId('tour.next')).toBeFocused();
    await page.keyboard.press('Enter');
    if (last) break;
    await expect(teaching.popover()).not.toHaveAttribute('data-step', step);
  }
  await expect(teaching.popover()).toHaveCount(0);
  expect(visited).toEqual(['welcome', 'knowledge', 'code', 'calibrate', 'diagnostics', 'refine', 'intervene', 'done']);

  // From the Help menu again; Esc closes it.
  await teaching.help('tour');
  await expect(teaching.popover()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(teaching.popover()).toHaveCount(0);
});

test('presenter mode: larger type, no settings fields, phases stepped with the keyboard', async ({ page, studio, teaching }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const normal = await fontSize();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Alt+KeyP');
  expect(await teaching.presenterOn()).toBe(true);
  expect(await fontSize()).toBeGreaterThan(normal);
  await expect(page.getByTestId('settings.open')).toBeHidden();

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('panel.data')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel.code')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('panel.calibrate')).toBeVisible();
  await expect(page.getByTestId('calibrate.start')).toBeVisible();
  await expect(page.getByTestId('calibrate.generations')).toBeHidden();
  await studio.screenshot('32-teach-presenter-calibrate');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('panel.code')).toBeVisible();

  // Off again from the Help menu.
  await teaching.help('presenter');
  expect(await teaching.presenterOn()).toBe(false);
  await expect(page.getByTestId('settings.open')).toBeVisible();
});

test('a recorded session replays without an API key in a fresh browser', async ({ browser, page, studio, llm }) => {
  test.setTimeout(420_000);
  // Record: a calibration, then a two-iteration loop against the scripted model.
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  const calibrate = new CalibratePanel(page);
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 3, popsize: 8, mc: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  const settings = new SettingsDialog(page);
  await settings.open();
  await settings.fill({ baseURL: llm.baseURL, model: 'scripted-sir', apiKey: 'sk-e2e-not-a-real-key' });
  await settings.done();
  const loop = new LoopPanel(page);
  await studio.goto('loop');
  await loop.waitForEditor();
  await loop.configure({ iterations: 2, patience: 3 });
  await loop.start();
  await expect(loop.versions()).toHaveCount(2, { timeout: 240_000 });
  await expect(loop.status()).toHaveAttribute('data-stop', 'max-iterations', { timeout: 60_000 });
  const recorded = await studio.state<{ kinds: string[]; replies: number }>(
    '({ kinds: s.recording.steps.map((x) => x.kind), replies: s.recording.steps.filter((x) => x.kind === "loop")[0]?.replies.length ?? 0 })',
  );
  expect(recorded.kinds).toEqual(['calibrate', 'loop']);
  expect(recorded.replies).toBeGreaterThanOrEqual(3); // propose, reflect, propose
  const codes = await studio.state<string[]>('s.lineage.map((v) => v.record.code)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  const file = await readFile((await download.path())!);
  expect(file.toString()).not.toContain('sk-e2e-not-a-real-key');
  const requestsWhileRecording = llm.server.requests.length;

  // Replay in a fresh context: nothing stored, no key configured.
  const context = await browser.newContext({ baseURL: config.use?.baseURL, viewport: config.use?.viewport ?? undefined, acceptDownloads: true });
  try {
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    const studio2 = new StudioPage(fresh);
    const teaching2 = new TeachingPage(fresh);
    await studio2.open();
    await fresh.waitForFunction(() => window.__studioTestApi !== undefined);
    expect(await studio2.state<string>('s.llm.key')).toBe('none');
    await fresh.getByTestId('project.importFile').setInputFiles({ name: 'session.gsim.json', mimeType: 'application/json', buffer: file });
    await expect(fresh.getByTestId('replay.offer')).toBeVisible();
    await studio2.screenshot('33-teach-replay-offer');
    await fresh.getByTestId('replay.start').click();
    await expect(teaching2.replayBar()).toHaveAttribute('data-status', 'ready');
    expect(await studio2.state<number>('s.runs.length')).toBe(0);

    // Step 1 by hand: the calibration re-runs live.
    await fresh.getByTestId('replay.next').click();
    await expect(fresh.getByTestId('panel.calibrate')).toBeVisible();
    await expect(teaching2.replayBar()).toHaveAttribute('data-cursor', '1', { timeout: 60_000 });
    await studio2.screenshot('33-teach-replay-calibrated');
    // The rest on auto-play: the loop streams the recorded answers, calibrating each program again.
    await fresh.getByTestId('replay.auto').check();
    await expect(fresh.getByTestId('loop.status')).toBeVisible({ timeout: 30_000 });
    await expect(fresh.getByTestId('loop.version')).toHaveCount(1, { timeout: 120_000 });
    await studio2.screenshot('33-teach-replay-loop');
    await teaching2.waitForReplayFinished();
    await expect(fresh.getByTestId('replay.error')).toHaveCount(0);
    await studio2.screenshot('33-teach-replay-done');
    expect(await studio2.state<string[]>('s.lineage.map((v) => v.record.code)')).toEqual(codes);
    expect(await studio2.state<number>('s.runs.filter((r) => r.status === "done").length')).toBe(3);
    expect(await studio2.state<string>('s.llm.key')).toBe('none');
    expect(llm.server.requests.length).toBe(requestsWhileRecording); // the model was never asked
  } finally {
    await context.close();
  }
});
