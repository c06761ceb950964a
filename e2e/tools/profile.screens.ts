import { writeFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures.ts';

/**
 * A CPU profile of the main thread during a GA run and an NPE run (issue #15's long tasks), written to
 * .scratch/profile-<env>-<what>.cpuprofile, with a summary of the heaviest functions by self time and
 * of the long tasks. Not part of `npm test`: run with `PROFILE_ENV=hospital npx playwright test -c
 * e2e/tools/screens.config.ts profile` (a non-minified build reads best: SCREENS_MINIFY=0).
 * PROFILE_WHAT=npe profiles a watched NPE run after a warm-up run, npe-unwatched one while another
 * step is shown; the default, ga, a GA run.
 */
const ENV = process.env.PROFILE_ENV ?? 'hospital';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

test(`profile the main thread on ${ENV}`, async ({ studio, calibrate, npe, page }) => {
  test.skip(!process.env.PROFILE_ENV, 'PROFILE_ENV=<benchmark> runs it');
  mkdirSync('.scratch', { recursive: true });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; ms: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await studio.open();
  await studio.newProjectFromWelcome(ENV);
  await expect.poll(() => studio.state<boolean>('s.dataset !== null && s.compile.status === "ok"'), { timeout: 60_000 }).toBe(true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await studio.goto('calibrate');
  const what = process.env.PROFILE_WHAT ?? 'ga';
  if (what !== 'ga') {
    // A warm-up run first (the NPE worker's start and the WASM compile are one-off costs), then wait
    // for its diagnostics and predictive fans, so the profile holds one warm run and nothing else.
    await npe.configure({ sims: 100, samples: 500, seed: 5 });
    await npe.start();
    await npe.waitForStatus('done');
    await expect.poll(() => studio.state<boolean>('s.runs[0].diagnostics !== undefined && s.runs[0].diagnostics.status !== "pending" && s.runs[0].npe?.predictive !== undefined'), { timeout: 120_000 }).toBe(true);
    await page.waitForTimeout(3000);
  }
  const profiling = process.env.PROFILE_CPU !== '0'; // PROFILE_CPU=0: long tasks only, no profiler overhead
  if (profiling) await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => performance.now());
  if (what === 'ga') {
    await calibrate.configure({ method: 'ga', generations: 10, popsize: 24, mc: 1, seed: 3 });
    await calibrate.start();
    await calibrate.waitForStatus('done');
  } else {
    await npe.configure({ sims: 100, samples: 500, seed: 5 });
    await npe.start();
    // PROFILE_WHAT=npe-unwatched: the run goes on while another step is shown.
    if (what === 'npe-unwatched') await studio.goto('knowledge');
    await expect.poll(() => studio.state<string>('s.runs[0].status'), { timeout: 300_000 }).toBe('done');
    console.log(`[profile ${ENV} ${what}] phases ${JSON.stringify(await studio.state('s.runs[0].npe.phaseSeconds'))}, ${await studio.state('s.runs[0].seconds')} s`);
  }
  const tasks = await page.evaluate((t0) => (window as unknown as { __longTasks: { start: number; ms: number }[] }).__longTasks.filter((t) => t.start >= t0), t0);
  const longest = Math.max(0, ...tasks.map((t) => t.ms));
  console.log(`[profile ${ENV} ${what}] ${tasks.length} long tasks, longest ${longest.toFixed(0)} ms, ${tasks.filter((t) => t.ms > 200).length} over 200 ms, ${tasks.reduce((a, t) => a + t.ms, 0).toFixed(0)} ms blocked`);
  console.log(`[profile ${ENV} ${what}] over 200 ms at (s after start): ${tasks.filter((t) => t.ms > 200).map((t) => `${((t.start - t0) / 1000).toFixed(2)}+${t.ms.toFixed(0)}`).join(' ')}`);
  if (!profiling) return;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number } };
  writeFileSync(`.scratch/profile-${ENV}-${what}.cpuprofile`, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Busy stretches (consecutive samples not idle) over 200 ms: what a long task over 200 ms looks like in
  // the profile (its clock is not performance.now()'s). Per stretch, the functions by inclusive time.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const isIdle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  const duration = (i: number) => (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; ) {
    if (isIdle(profile.samples[i])) {
      elapsed += duration(i++);
      continue;
    }
    const from = i;
    const at = elapsed;
    let ms = 0;
    const inclusive = new Map<string, number>();
    for (; i < profile.samples.length && !isIdle(profile.samples[i]); i++) {
      const d = duration(i);
      ms += d;
      const seen = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const k = label(byId.get(id)!);
        if (k.startsWith('(root)') || seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + d);
      }
    }
    elapsed += ms;
    if (ms <= 200) continue;
    const heaviest = [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(`[profile ${ENV} ${what}] busy ${ms.toFixed(0)} ms at ${(at / 1000).toFixed(2)} s (${i - from} samples): ${heaviest.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ')}`);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(`[profile ${ENV} ${what}] long tasks: ${tasks.map((t) => t.ms.toFixed(0)).join(', ')}`);
  for (const [k, ms] of top) console.log(`[profile ${ENV} ${what}] ${ms.toFixed(0).padStart(6)} ms  ${k}`);
});
