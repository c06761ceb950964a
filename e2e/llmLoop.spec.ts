import config from '../playwright.config.ts';
import { test as base, expect } from './fixtures.ts';
import { llmServerFixture, type BrowserLlmServer } from './llmServerFixture.ts';
import { CalibratePanel } from './pages/CalibratePanel.ts';
import { LoopPanel, SettingsDialog } from './pages/LoopPanel.ts';

const API_KEY = 'sk-e2e-not-a-real-key';

const test = base.extend<{ loop: LoopPanel; settings: SettingsDialog }, { llm: BrowserLlmServer }>({
  llm: llmServerFixture,
  loop: async ({ page }, use) => use(new LoopPanel(page)),
  settings: async ({ page }, use) => use(new SettingsDialog(page)),
});

// The config resolves no host but localhost (Chromium phones home otherwise); the scripted server is
// on 127.0.0.1, so this file lets that address through too.
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)),
  },
});

/** Every record of the studio's IndexedDB database, as one JSON string. */
async function idbDump(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('gsim-studio');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: unknown[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      out.push(
        await new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
        }),
      );
    }
    db.close();
    return JSON.stringify(out);
  });
}

test('the G-Sim loop refines COVID with a scripted model: streaming, calibration, lineage, diff', async ({ page, studio, llm, loop, settings }) => {
  test.setTimeout(300_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');

  // Knowledge: the benchmark's domain rules sit beside the text, compiled.
  await expect(page.getByTestId('rules.rule')).toHaveCount(2);
  await expect(page.getByTestId('rules.error')).toHaveCount(0);
  await page.getByTestId('rules.add').click();
  await page.getByTestId('rules.check').last().fill('S >= 0 &&');
  await expect(page.getByTestId('rules.error')).toContainText('syntax error');
  await studio.screenshot('20-loop-rules');
  await page.getByTestId('rules.remove').last().click();
  await expect(page.getByTestId('rules.rule')).toHaveCount(2);

  // A tiny GA budget, in the Calibrate panel the loop takes its method from.
  await studio.goto('calibrate');
  await new CalibratePanel(page).configure({ method: 'ga', generations: 2, popsize: 8, mc: 1 });

  // Point the studio at the scripted server; a wrong model name is a typed, explained error.
  await settings.open();
  await settings.fill({ baseURL: llm.baseURL, model: 'scripted-sir', apiKey: API_KEY });
  await settings.testConnection();
  await expect(settings.testResult()).toHaveAttribute('data-ok', 'true');
  await studio.screenshot('20-loop-settings');
  await settings.done();

  await studio.goto('loop');
  await loop.waitForEditor();
  await loop.configure({ iterations: 2, patience: 3 });
  await loop.recordStreaming();
  await loop.start();

  // The first proposal streams into Monaco, read-only, growing chunk by chunk.
  await expect(loop.editor()).toHaveAttribute('data-streaming', 'true');
  await expect.poll(async () => new Set(await loop.streamedLengths()).size, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await studio.screenshot('20-loop-streaming');
  await expect(page.locator('[data-testid="loop.editor"] .monaco-editor')).toBeVisible();

  // Then it is calibrated in the workers (a run of the run history).
  await expect(loop.status()).toHaveAttribute('data-phase', /calibrate|diagnose/, { timeout: 30_000 });
  const lengths = await loop.streamedLengths();
  const distinct = [...new Set(lengths)];
  expect(distinct.length).toBeGreaterThanOrEqual(3);
  expect(distinct).toEqual([...distinct].sort((a, b) => a - b)); // only ever grows
  expect(await loop.sourcesWhileStreaming()).toBe(1); // the working copy changes only once the code is complete
  await expect.poll(() => studio.state<number>('s.runs.length'), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);

  // Two versions: the second written after a reflection, each with a val score.
  await expect(loop.versions()).toHaveCount(2, { timeout: 180_000 });
  await expect(loop.status()).toHaveAttribute('data-stop', 'max-iterations', { timeout: 60_000 });
  await expect(loop.version(2).getByTestId('loop.version.score')).toContainText('val W1');
  const records = await studio.state<{ iteration: number; valScore: number; purposes: string[]; rules: number }[]>(
    's.lineage.map((v) => ({ iteration: v.record.iteration, valScore: v.record.valScore, purposes: v.record.transcript.map((x) => x.purpose), rules: v.record.diagnosis?.ruleViolations.length ?? 0 }))',
  );
  expect(records.map((r) => r.iteration)).toEqual([1, 2]);
  for (const r of records) expect(Number.isFinite(r.valScore)).toBe(true);
  expect(records[1].purposes).toEqual(['reflect', 'propose']);
  expect(records[1].rules).toBe(2);
  expect(await studio.state<number>('s.runs.filter((r) => r.status === "done").length')).toBe(2);
  await expect(loop.valChart()).toHaveAttribute('data-points', '2');
  await studio.screenshot('20-loop-done');

  // The diff of version 2 against version 1 opens in Monaco's diff editor.
  await loop.version(2).getByTestId('loop.version.diff').click();
  await expect(page.locator('[data-testid="loop.diff"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await expect(loop.diff().locator('.monaco-diff-editor')).toBeVisible();
  await loop.diff().scrollIntoViewIfNeeded();
  await studio.screenshot('20-loop-diff');

  // The transcript is kept; the API key is not stored anywhere but memory.
  await loop.version(2).getByTestId('loop.version.transcript').click();
  await expect(loop.version(2).getByTestId('loop.transcript')).toContainText('Reflection request');
  await studio.flushSaves();
  expect(await idbDump(page)).not.toContain(API_KEY);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(API_KEY);

  // The lineage persists with the project.
  await studio.reload();
  await studio.goto('loop');
  await expect(loop.versions()).toHaveCount(2);
  expect(llm.server.requests.length).toBeGreaterThanOrEqual(4);
});
