// The hostile-program corpus (tests/hostile/corpus) through the studio's real browser pool: workers
// started by the opaque-origin, CSP-locked sandbox iframe. Each case must end as its manifest says
// (time-limit cases within 2.9 s: their 1 s limit plus worker start-up), none may read the canary planted in the page's localStorage, cookie
// and IndexedDB, the next program must get the same numbers as before, and the studio must stay usable.
import type { Page } from '@playwright/test';
import { getEnvironment } from '../src/core/envs/environments.ts';
import type { ProbeOutcome, ProbePhase } from '../src/pool/probeProgram.ts';
import { CANARY, casesFor } from '../tests/hostile/corpus/index.ts';
import { expect, test } from './fixtures.ts';

const covid = getEnvironment('covid').groundTruthSource;

function probe(page: Page, source: string, phase: ProbePhase): Promise<ProbeOutcome> {
  return page.evaluate(([s, p]) => window.__studioTestApi!.probeProgram(s, p as ProbePhase), [source, phase] as const);
}

async function plantCanaries(page: Page): Promise<void> {
  await page.evaluate(async (canary) => {
    localStorage.setItem('gsim.canary', canary);
    sessionStorage.setItem('gsim.canary', canary);
    document.cookie = `gsimcanary=${canary}; path=/`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('gsim-canary', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('c');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('c', 'readwrite');
        tx.objectStore('c').put(canary, 'k');
        tx.oncomplete = () => resolve();
      };
    });
  }, CANARY);
}

test.beforeEach(async ({ studio }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
});

test('every hostile program ends as the corpus says, reads no canary and leaves the next program untouched', async ({ page }) => {
  test.setTimeout(240_000);
  await plantCanaries(page);
  const reference = await probe(page, covid, 'step');
  expect(reference.code).toBe('ok');
  const table: string[] = [];
  for (const { c, expect: want } of casesFor('browser')) {
    const got = await probe(page, c.source, c.phase);
    table.push(`${c.id.padEnd(26)} ${got.code.padEnd(14)} ${Math.round(got.ms).toString().padStart(5)} ms  ${got.message.slice(0, 110)}`);
    expect.soft(got.code, `${c.id} (${c.what}): ${got.message}`).toBe(want.code);
    if (want.code !== 'ok') expect.soft(got.message, c.id).toMatch(want.message);
    else if (want.state) expect.soft(got.state, c.id).toMatchObject(want.state);
    expect.soft(JSON.stringify(got), c.id).not.toContain(CANARY);
    // Stopped by the pool's 1 s limit, which its message names, not by the next limit that could have
    // stopped it instead (the editor's 3 s compile check; the studio's default is 60 s). The wall time also
    // holds the fresh workers' start-up (about 0.1 s idle, 2 s on a busy machine: 2,956 ms was seen beside
    // a CPU burner), so it is only bounded loosely, as in the Node corpus.
    if (c.timeLimit) {
      expect.soft(got.message, `${c.id} stopped by the 1 s limit`).toContain('time limit of 1 s per call');
      expect.soft(got.ms, `${c.id} ends within 8 s`).toBeLessThan(8000);
    }
    const after = await probe(page, covid, 'step');
    expect.soft(after, `after ${c.id}`).toMatchObject({ code: 'ok', state: reference.state });
  }
  console.log(`hostile corpus in the browser:\n${table.join('\n')}`);
  // The page itself is untouched: its canaries and prototypes are as they were.
  const page_ = await page.evaluate(() => ({
    local: localStorage.getItem('gsim.canary'),
    cookie: document.cookie.includes('gsimcanary='),
    polluted: (Object.prototype as Record<string, unknown>).polluted,
  }));
  expect(page_).toEqual({ local: CANARY, cookie: true, polluted: undefined });
});

test('the sandbox is an opaque-origin iframe whose workers cannot use the network', async ({ page, studio }) => {
  // Runs in the worker's real global (the evaluator's shadowing is bypassed on purpose).
  const report = `const parameters = { a: { min: 0, max: 1 } };
function step() {
  const g = Function('return this')();
  let net = 'none';
  try { new g.Request('/'); net = 'Request exists'; } catch (e) { net = e.name; }
  throw new Error('origin=' + g.origin + ' isolated=' + g.crossOriginIsolated + ' fetch=' + typeof g.fetch + ' idb=' + typeof g.indexedDB + ' net=' + net);
}`;
  const got = await probe(page, report, 'step');
  expect(got.message).toMatch(/origin=null isolated=\w+ fetch=undefined idb=undefined net=TypeError/);
  const frame = page.locator('iframe[data-gsim-sandbox]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  const src = await frame.evaluate((f) => (f as HTMLIFrameElement).src);
  const csp = (await page.request.get(src)).headers()['content-security-policy'];
  expect(csp).toContain("connect-src 'none'");
  // The iframe's document is served with the page's COEP: the page stays cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await studio.screenshot('hostile-01-studio-with-sandbox');
});

test('the studio stays responsive while a looping program is stopped', async ({ page, studio }) => {
  const tabs = async (): Promise<number> => {
    const t0 = Date.now();
    await studio.goto('knowledge');
    await studio.goto('history');
    return Date.now() - t0;
  };
  await tabs(); // first visits mount the panels
  const idle = await tabs();
  // Animation frames the page draws while the loop runs. A loop on the page's own thread would allow
  // none until it was stopped; how many more than none depends on the machine's load, so the
  // assertion is "several", and the tab-switch times are printed, not compared (a busy machine slows
  // both the page and the loop's own core).
  const looping = page.evaluate(async (source) => {
    let frames = 0;
    let on = true;
    const tick = () => { if (on) { frames++; requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    const outcome = await window.__studioTestApi!.probeProgram(source, 'step');
    on = false;
    return { ...outcome, frames };
  }, 'const parameters = { a: { min: 0, max: 1 } };\nfunction step(s) { while (true) {} }');
  await page.waitForTimeout(150); // the loop is running now
  const busy = await tabs();
  const got = await looping;
  console.log(`tab switches: ${busy} ms while looping, ${idle} ms idle; ${got.frames} frames drawn in the ${Math.round(got.ms)} ms the loop ran`);
  expect(got.code).toBe('timeout');
  expect(got.ms).toBeLessThan(2000);
  expect(got.frames).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('panel.history')).toBeVisible();
  await studio.screenshot('hostile-02-after-loop');
});

test('a calibration in the studio runs on the sandboxed workers', async ({ page, studio, calibrate }) => {
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  // The workers doing it were started by the sandbox iframe (there is exactly one).
  await expect(page.locator('iframe[data-gsim-sandbox]')).toHaveCount(1);
  await studio.screenshot('hostile-03-calibrated-in-sandbox');
});
