// The studio page is served with a strict CSP (STUDIO_CSP): no eval, no inline script, so text that
// reached the page could not become code even through a path we missed. The sandbox iframe keeps its
// own CSP (eval for simulator programs, no network), which its blob workers inherit.
import { STUDIO_CSP } from '../src/sandbox/build/studioCsp.ts';
import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ studio }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
});

test('the page is served with its CSP, and eval, new Function and inline scripts are refused on it', async ({ page }) => {
  const response = await page.request.get('/');
  expect(response.headers()['content-security-policy']).toBe(STUDIO_CSP);
  expect(STUDIO_CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline' [^;]*;|script-src[^;]*'unsafe-inline'/);
  // The attempts run in a task of the page's own (a timer), not in the DevTools evaluation that sets
  // them up: DevTools-evaluated code is exempt from the CSP's eval check.
  const refused = await page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        const attempt = (f: () => unknown) => {
          try {
            f();
            return 'ran';
          } catch (e) {
            return (e as Error).name;
          }
        };
        const w = window as unknown as Record<string, unknown>;
        setTimeout(() => {
          const evalResult = attempt(() => (0, eval)('window.__cspEval = 1'));
          const fnResult = attempt(() => new Function('window.__cspFn = 1')());
          const script = document.createElement('script');
          script.textContent = 'window.__cspInline = 1';
          document.head.appendChild(script);
          const onclick = document.createElement('div');
          onclick.setAttribute('onclick', 'window.__cspHandler = 1');
          document.body.appendChild(onclick);
          onclick.click();
          onclick.remove();
          setTimeout(() => resolve({ evalResult, fnResult, ran: [w.__cspEval, w.__cspFn, w.__cspInline, w.__cspHandler], violations }), 100);
        }, 0);
      }),
  );
  expect(refused.evalResult).toBe('EvalError');
  expect(refused.fnResult).toBe('EvalError');
  expect(refused.ran).toEqual([undefined, undefined, undefined, undefined]);
  expect(refused.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  // The theme still applies before first paint (from a file, not an inline script).
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
});

test('the sandbox iframe has its own document and CSP (eval inside, no network), and simulations run under it', async ({ page, studio, calibrate }) => {
  const src = await page.locator('iframe[data-gsim-sandbox]').evaluate((f) => (f as HTMLIFrameElement).src);
  expect(new URL(src).pathname).toBe('/sandbox.html');
  const csp = (await page.request.get(src)).headers()['content-security-policy'];
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("'unsafe-eval'");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
});
