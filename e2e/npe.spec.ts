import { expect, test } from './fixtures.ts';

// COVID's true parameters (src/core/envs/covid.ts).
const TRUTH = { beta: 0.5, gamma: 0.1 };

test('a user runs NPE on COVID: live training curve, truth inside the posterior, SBC, predictive check, kept after reload', async ({ studio, npe, page, code, scenarios }) => {
  test.setTimeout(300_000); // the NPE run takes most of the default budget on a busy machine
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  // The starter converts gamma as a rate (p = 1 − e^−γ), the truth uses it as the daily probability, so
  // the starter's posterior sits at γ ≈ −ln 0.9 ≈ 0.105, correctly away from 0.1. The user fixes that first.
  await studio.goto('code');
  await code.waitForEditor();
  await code.replaceAll('1 - Math.exp(-params.gamma)', 'params.gamma');
  await expect.poll(() => studio.state<string>('s.source')).toContain('const pRec = params.gamma;');
  await studio.goto('calibrate');
  // Auto: SwiftShader's WebGPU adapter is a software fallback (training ~10–70× slower), so auto picks WASM.
  // The paper's budget (1,000 simulations): the one-step summaries give a sharp posterior, and smaller
  // budgets train a less calibrated one (in the CLI, 1,000 sims covered the truth in 6/6 intervals).
  // The paper preset (one round, the posterior mean) keeps this run at one round of 1,000; the default's
  // two rounds and picked estimate are checked in npeHistory.spec.ts.
  await npe.configure({ sims: 1000, samples: 2000, provider: 'auto', seed: 1, preset: 'paper' });
  await expect(page.getByTestId('calibrate.settings')).toContainText('1,000 simulated copies of the train split');
  await npe.start();
  await expect(npe.provider()).toHaveText('wasm', { timeout: 60_000 });
  // Simulating 1,000 copies and the first epochs took over 60 s twice on a shared 2-core machine (load
  // 12–20); with 2 minutes it passed (2.0 min in all).
  await expect.poll(() => npe.epochs(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  const first = await npe.epochs();
  await expect.poll(() => npe.epochs(), { timeout: 60_000 }).toBeGreaterThan(first);
  await expect(npe.trainingCurve()).toHaveAttribute('data-ready', 'true');
  await studio.screenshot('npe-01-training');
  await npe.waitForStatus('done');
  await expect(npe.corner()).toHaveAttribute('data-ready', 'true');
  for (const [name, value] of Object.entries(TRUTH)) {
    const [lo, hi] = await npe.interval(name);
    expect(lo, name).toBeLessThan(value);
    expect(hi, name).toBeGreaterThan(value);
  }
  await expect(npe.acceptance()).toContainText('inside the prior bounds');
  await expect(npe.sbc()).toHaveAttribute('data-verdict', /pass|warn/);
  // The posterior mean became the run's calibrated parameters.
  await expect(page.getByTestId('npe.pointEstimate')).toHaveAttribute('data-kind', 'posterior-mean');
  await expect(page.getByTestId('npe.pointEstimate')).toHaveAttribute('data-rounds', '1');
  const params = await studio.state<Record<string, number>>('s.runs[0].params');
  expect(params.beta).toBeCloseTo(await studio.state<number>('s.runs[0].npe.posterior.mean[0]'), 12);
  const [lo, hi] = await npe.interval('beta');
  expect(params.beta).toBeGreaterThan(lo);
  expect(params.beta).toBeLessThan(hi);
  await npe.corner().scrollIntoViewIfNeeded();
  await studio.screenshot('npe-02-posterior');
  await expect(page.getByTestId('npe.predictive')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('npe.sbc').scrollIntoViewIfNeeded();
  await studio.screenshot('npe-03-sbc');
  await page.getByTestId('npe.predictive').scrollIntoViewIfNeeded();
  await studio.screenshot('npe-04-predictive');
  // Persisted with the run: still there after a reload.
  await studio.reload();
  await studio.goto('calibrate');
  await expect(npe.corner()).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('npe.posteriorTable')).toContainText('beta');

  // What-if on the NPE calibration: rollouts draw their parameters from the posterior by default.
  await studio.goto('scenarios');
  await expect(page.getByTestId('whatif.model')).toHaveAttribute('data-origin', 'posterior');
  await expect(page.getByTestId('whatif.paramsCaption')).toContainText('posterior draws');
  await scenarios.addPreset('covid-lockdown', 'early-strict');
  await scenarios.runScenarios();
  await expect(page.getByTestId('whatif.resultsParams')).toContainText('posterior draws (100, one per rollout)');
  await expect(page.getByTestId('whatif.fan.early-strict')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await studio.screenshot('npe-06-whatif-posterior');
});

test('asked for WebGPU (SwiftShader here) the estimator trains on it, shown to the user; cancel stops it', async ({ studio, npe, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  await npe.configure({ sims: 100, samples: 500, seed: 2, provider: 'webgpu' });
  await npe.start();
  await expect(npe.provider()).toHaveText('webgpu', { timeout: 60_000 });
  await expect.poll(() => npe.epochs(), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
  await studio.screenshot('npe-05-webgpu');
  await page.getByTestId('calibrate.cancel').click();
  await npe.waitForStatus('cancelled', 60_000);
});
