// NPE on COVID in the studio itself, in Debian's Chromium: seconds per phase (simulate on the browser pool,
// train, sample, SBC) with onnxruntime-web on WASM and, where the browser exposes WebGPU, on WebGPU.
// Headless Chromium here has no GPU: its WebGPU adapter is SwiftShader, a CPU fallback, so the ratio says
// what "WebGPU" costs on such a machine, not on a real GPU. Printed by bench/run.ts (skip: BENCH_BROWSER=0).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import playwrightConfig from '../playwright.config.ts';
import type { NpeRunSummary } from '../src/app/model/NpeRun.ts';
import type { RunRecord } from '../src/app/model/RunRecord.ts';

const PORT = 4192;
const OUT_DIR = 'dist-bench';
const VITE = 'node_modules/vite/bin/vite.js';

export interface NpeBrowserRun {
  provider: 'wasm' | 'webgpu';
  /** The provider the run reports it trained on (auto-detection could differ from the choice). */
  usedProvider: string;
  status: RunRecord['status'];
  error?: string;
  epochs: number;
  seconds: NpeRunSummary['phaseSeconds'] | null;
  wallSeconds: number;
}

export interface NpeBrowserBench {
  simulations: number;
  /** The WebGPU adapter Chromium offers (vendor / architecture / description), or null without one. */
  webgpuAdapter: string | null;
  runs: NpeBrowserRun[];
}

/** Builds the studio with the test hook, serves it, and runs one NPE per provider in a fresh context. */
export async function measureNpeBrowser(
  simulations: number, log: (s: string) => void, providers: readonly ('wasm' | 'webgpu')[] = ['wasm', 'webgpu'],
): Promise<NpeBrowserBench> {
  log(`NPE in Chromium: building the studio into ${OUT_DIR}…`);
  const build = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn', '--outDir', OUT_DIR], {
    env: { ...process.env, VITE_STUDIO_TEST_API: '1' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
  const server = spawn(process.execPath, [VITE, 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let browser: Browser | undefined;
  try {
    const url = await waitForUrl(server, `localhost:${PORT}`, 30_000);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: playwrightConfig.use?.launchOptions?.args });
    const webgpuAdapter = await probeWebGpu(browser, url);
    const runs: NpeBrowserRun[] = [];
    for (const provider of providers) {
      if (provider === 'webgpu' && !webgpuAdapter) {
        log('NPE in Chromium: no WebGPU adapter in this browser, skipping WebGPU');
        continue;
      }
      if (provider === 'webgpu' && /swiftshader|fallback/i.test(webgpuAdapter ?? '') && process.env.BENCH_BROWSER !== 'all') {
        log(`NPE in Chromium: WebGPU adapter ${webgpuAdapter} is software (measured 49× slower per epoch than WASM, ~9 min); BENCH_BROWSER=all runs it`);
        continue;
      }
      log(`NPE in Chromium on ${provider}, ${simulations} simulations…`);
      runs.push(await runNpe(browser, url, provider, simulations));
    }
    return { simulations, webgpuAdapter, runs };
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

/** Resolves with the preview server's URL once it prints it; rejects if it exits or stays silent. */
function waitForUrl(server: ChildProcess, hostPort: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`vite preview did not print ${hostPort} within ${timeoutMs / 1000} s:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      // Strip ANSI colours: vite prints the port in bold.
      if (seen.replace(/\x1b\[[0-9;]*m/g, '').includes(hostPort)) {
        clearTimeout(timer);
        resolve(`http://${hostPort}`);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited (code ${code}) before serving:\n${seen}`));
    });
  });
}

/** Describes Chromium's WebGPU adapter on the studio's page (a secure context), or null when there is none. */
async function probeWebGpu(browser: Browser, url: string): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(async () => {
      interface AdapterInfo { vendor?: string; architecture?: string; description?: string }
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: AdapterInfo } | null> } }).gpu;
      const adapter = await gpu?.requestAdapter().catch(() => null);
      if (!adapter) return null;
      const info = adapter.info ?? {};
      return [info.vendor, info.architecture, info.description].filter(Boolean).join(' / ') || 'unnamed adapter';
    });
  } finally {
    await page.close();
  }
}

/** One NPE run through the UI, in a fresh context (fresh IndexedDB): COVID project, NPE, given provider. */
async function runNpe(browser: Browser, url: string, provider: 'wasm' | 'webgpu', simulations: number): Promise<NpeBrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('[data-testid="studio"][data-hydrated="true"]').waitFor();
    await page.getByTestId('welcome.covid').click();
    await page.getByTestId('panel.knowledge').waitFor();
    await page.getByTestId('nav.calibrate').click();
    await page.getByTestId('panel.calibrate').waitFor();
    await page.getByTestId('calibrate.method').selectOption('npe');
    await page.getByTestId('npe.sims').fill(String(simulations));
    await page.getByTestId('npe.providerChoice').selectOption(provider);
    await page.getByTestId('calibrate.seed').fill('1');
    const t0 = performance.now();
    await page.getByTestId('calibrate.start').click();
    // SwiftShader trains ~50× slower than WASM (300 sims: ~9 min on 2 loaded cores): room, but not forever.
    await page.waitForFunction(() => {
      const run = (window.__studioTestApi!.getState() as unknown as { runs: RunRecord[] }).runs[0];
      return run !== undefined && run.status !== 'running';
    }, undefined, { polling: 500, timeout: 1_200_000 });
    const wallSeconds = (performance.now() - t0) / 1000;
    const run = await page.evaluate(() => (window.__studioTestApi!.getState() as unknown as { runs: RunRecord[] }).runs[0]);
    return {
      provider, usedProvider: run.npe?.provider ?? '?', status: run.status, error: run.error,
      epochs: run.history.length, seconds: run.npe?.phaseSeconds ?? null, wallSeconds,
    };
  } finally {
    await context.close();
  }
}

/** Table rows for bench/run.ts: [measurement, '', figures, ratio] per provider, then WebGPU vs WASM. */
export function npeBrowserRows(b: NpeBrowserBench, f: (x: number, d?: number) => string): string[][] {
  const rows: string[][] = [];
  const phases = (s: NonNullable<NpeBrowserRun['seconds']>) => `${f(s.simulate)} / ${f(s.train)} / ${f(s.sample, 2)} / ${f(s.sbc)}`;
  for (const r of b.runs) {
    const where = r.provider === 'webgpu' ? `webgpu (${b.webgpuAdapter}: software, no GPU)` : 'wasm';
    const what = `NPE in Chromium s: simulate / train / sample / SBC, ${b.simulations} sims, ${r.epochs} epochs on ${where}`;
    rows.push([what, '', r.seconds ? phases(r.seconds) : `${r.status}${r.error ? `: ${r.error}` : ''}`, '']);
  }
  if (!b.webgpuAdapter) rows.push(['NPE in Chromium on WebGPU: no WebGPU adapter in this browser, skipped', '', '', '']);
  const wasm = b.runs.find((r) => r.provider === 'wasm')?.seconds;
  const gpu = b.runs.find((r) => r.provider === 'webgpu');
  if (wasm && gpu?.seconds) {
    const wasmEpochs = b.runs.find((r) => r.provider === 'wasm')!.epochs;
    const perEpoch = gpu.seconds.train / Math.max(1, gpu.epochs) / (wasm.train / Math.max(1, wasmEpochs));
    rows.push([`NPE in Chromium, WebGPU (SwiftShader) / WASM time: train per epoch; sample; SBC`, '', `${f(perEpoch)}× ; ${f(gpu.seconds.sample / wasm.sample)}× ; ${f(gpu.seconds.sbc / wasm.sbc)}×`, `${f(wasm.train / gpu.seconds.train, 3)}×`]);
  }
  return rows;
}
