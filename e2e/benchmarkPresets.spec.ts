import { expect, test } from './fixtures.ts';

/**
 * Each benchmark's own what-if and policy presets, as a presenter runs them on a fresh project (the
 * starter at its init values): only that benchmark's presets are offered, its policy grid runs to an
 * optimum on the model and the truth, and one scenario that cannot run reports its own error beside
 * the valid ones.
 */
const CASES = [
  { env: 'covid', grid: 'covid-lockdown', x: '0, 15, 30', y: '0.1, 0.3, 1', preset: 'covid-lockdown/early-strict', horizon: 60, foreign: 'lead_time' },
  { env: 'supply-chain', grid: 'supply-chain-capacity', x: '0, 5, 15', y: '1, 3, 7', preset: 'supply-chain-lead-times/lead-time-4', horizon: 60, foreign: 'beta' },
  { env: 'hospital', grid: 'hospital-lockdown-beds', x: '0, 35, 70', y: '0, 20, 40', preset: 'hospital-wave/wave-lockdown', horizon: 90, foreign: 'beta' },
] as const;

for (const c of CASES) {
  test(`${c.env}: its own presets only, its policy grid runs, and a bad scenario fails alone`, async ({ studio, scenarios, page }) => {
    test.setTimeout(240_000);
    await studio.open();
    await studio.newProjectFromWelcome(c.env);
    await studio.goto('scenarios');
    await page.getByTestId('whatif.useInit').click();
    await expect(page.getByTestId('whatif.model')).toHaveAttribute('data-origin', 'init');

    // Policy search: the benchmark's grid only, on a 3 × 3 corner of it.
    await expect(page.getByTestId('policy.preset')).toHaveValue(c.grid);
    expect(await page.getByTestId('policy.preset').locator('option').allTextContents()).toEqual([expect.stringContaining(c.grid)]);
    await scenarios.setGridField('xValues', c.x);
    await scenarios.setGridField('yValues', c.y);
    await scenarios.setGridField('rollouts', '3');
    await scenarios.runPolicySearch();
    await expect(scenarios.policyResults()).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('policy.optimum')).not.toContainText('–');
    const model = await scenarios.chart('policy.heatmap.model');
    expect(model.traces.some((t) => t.meta === 'optimum')).toBe(true);
    await scenarios.chart('policy.heatmap.truth');
    await expect(page.getByTestId('policy.optimum')).toBeVisible();

    // What-if: every preset offered is this benchmark's; a wave preset lengthens the horizon.
    const groups = await page.getByTestId('whatif.addPreset').locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups).toHaveLength(1);
    await page.getByTestId('whatif.addPreset').selectOption(c.preset);
    await expect(page.getByTestId('whatif.horizon')).toHaveValue(String(c.horizon));
    // A scenario naming a parameter this model lacks (another benchmark's) is run beside it.
    await page.getByTestId('whatif.addBlank').click();
    await page.getByTestId('scenario.scenario 2.iv0.target').fill(c.foreign);
    await page.getByTestId('scenario.scenario 2.iv0.value').fill('1');
    await page.getByTestId('whatif.rollouts').fill('20');
    await expect(page.getByTestId('whatif.run')).toHaveText('Run 2 scenarios');
    await scenarios.runScenarios();
    const name = c.preset.split('/')[1];
    await expect(page.getByTestId('whatif.scenarioError.scenario 2')).toContainText(`no parameter "${c.foreign}"`);
    const fan = await scenarios.chart(`whatif.fan.${name}`);
    expect(fan.traces.some((t) => t.meta === 'model')).toBe(true);
    await expect(page.getByTestId(`whatif.outcome.${name}.model`)).toBeVisible();
    await expect(page.getByTestId(`whatif.outcome.${name}.truth`)).toBeVisible();
    await page.getByTestId('whatif.results').scrollIntoViewIfNeeded();
    await studio.screenshot(`presets-${c.env}-whatif`);
    await page.getByTestId('policy.results').scrollIntoViewIfNeeded();
    await studio.screenshot(`presets-${c.env}-policy`);
  });
}
