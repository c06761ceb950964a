import config from '../playwright.config.ts';
import { test as base, expect } from './fixtures.ts';
import { llmServerFixture, type BrowserLlmServer } from './llmServerFixture.ts';
import { LoopPanel, SettingsDialog } from './pages/LoopPanel.ts';

const test = base.extend<{ loop: LoopPanel; settings: SettingsDialog }, { llm: BrowserLlmServer }>({
  llm: llmServerFixture,
  loop: async ({ page }, use) => use(new LoopPanel(page)),
  settings: async ({ page }, use) => use(new SettingsDialog(page)),
});

// The scripted server listens on 127.0.0.1, which the config's resolver rules otherwise hide.
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)),
  },
});

test('a local server (Ollama, LM Studio) needs no API key: Test connects and Start runs the loop', async ({ page, studio, llm, loop, settings }) => {
  test.setTimeout(180_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');

  await settings.open();
  await settings.fill({ baseURL: llm.baseURL, model: 'scripted-sir', apiKey: '' });
  await expect(page.getByTestId('settings.dialog')).toContainText('not needed for this local server');
  await settings.testConnection();
  await expect(settings.testResult()).toHaveAttribute('data-ok', 'true');
  await settings.done();

  await studio.goto('loop');
  await loop.configure({ iterations: 1, patience: 1 });
  await expect(page.getByTestId('loop.start')).toBeEnabled();
  const before = llm.server.requests.length;
  await loop.start();
  await expect.poll(() => llm.server.requests.length, { timeout: 30_000 }).toBeGreaterThan(before);
  // The SDK sent the placeholder key; the local server ignores it.
  expect(llm.server.requests.at(-1)!.headers.authorization).toBe('Bearer no-key');
  const cancel = page.getByTestId('loop.cancel');
  if (await cancel.isVisible()) await cancel.click();
  await expect(loop.status()).not.toHaveAttribute('data-status', /running|cancelling/, { timeout: 60_000 });
});
