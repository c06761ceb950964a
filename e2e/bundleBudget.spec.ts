import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** Budget for the JavaScript the first render needs (style P14); Monaco and Plotly must stay lazy. */
const MAIN_CHUNK_GZIP_BUDGET = 110 * 1024;

test('the initial JavaScript stays within its gzip budget (Monaco and Plotly stay lazy)', async ({ page }) => {
  // The web server built dist/ before the tests; index.html names the entry chunk.
  const outDir = process.env.E2E_OUTDIR ?? 'dist';
  const html = await readFile(`${outDir}/index.html`, 'utf8');
  const entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'entry chunk in dist/index.html').toBeTruthy();
  const preloads = [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  let gzip = 0;
  let raw = 0;
  for (const f of [entry!, ...preloads]) {
    const buf = await readFile(`${outDir}/assets/${f}`);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  console.log(`initial JS: ${[entry, ...preloads].join(', ')}: ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
  expect(gzip).toBeLessThan(MAIN_CHUNK_GZIP_BUDGET);

  // And nothing heavy is fetched before the user opens a panel that needs it.
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/');
  await page.getByTestId('welcome.covid').waitFor();
  expect(scripts.filter((u) => /editor\.api|plotly/.test(u))).toEqual([]);
});
