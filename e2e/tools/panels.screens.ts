import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.ts';
import { PANELS } from '../../src/app/panels/panels.ts';

/**
 * Every panel on every benchmark, light and dark, for a person to look at (style: screenshots are
 * checked by eye, not diffed). A short GA run first, so Calibrate, Diagnostics and History have content,
 * and one what-if preset run, so What-if shows fans.
 */
const OUT = '.scratch/screens';
const BENCHMARKS = ['covid', 'supply-chain', 'hospital'] as const;

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let Plotly finish its transitions
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false });
  const panel = page.locator('#studio-panel');
  const tall = await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 40);
  if (tall) {
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}/${name}-bottom.png` });
    await panel.evaluate((el) => el.scrollTo(0, 0));
  }
}

/** A short GA run (6 × 16), or with `converge` the default budget (the README's picture shows a good fit). */
async function calibrateAndRunWhatIf(page: Page, budget: 'short' | 'converge' = 'short'): Promise<void> {
  await page.getByTestId('nav.calibrate').click();
  if (budget === 'short') {
    await page.getByTestId('calibrate.budget').selectOption('paper');
    await page.getByTestId('calibrate.generations').fill('6');
    await page.getByTestId('calibrate.popsize').fill('16');
  }
  await page.getByTestId('calibrate.start').click();
  await expect(page.getByTestId('calibrate.progress')).toHaveAttribute('data-status', 'done', { timeout: 300_000 });
  await page.getByTestId('nav.scenarios').click();
  const preset = page.getByTestId('whatif.addPreset');
  const first = await preset.locator('option').nth(1).getAttribute('value');
  if (first) await preset.selectOption(first);
  await page.getByTestId('whatif.run').click();
  await expect(page.getByTestId('whatif.results')).toBeVisible({ timeout: 300_000 });
}

test('the README picture: COVID diagnostics after a GA run', async ({ studio, page }) => {
  test.skip(process.env.SCREENS !== 'readme', 'SCREENS=readme takes it');
  mkdirSync('docs/img', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await calibrateAndRunWhatIf(page, 'converge');
  await studio.goto('diagnostics');
  await expect(page.locator('[data-testid="diagnostics.testW1"]')).toBeVisible({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/img/studio.png', type: 'png', scale: 'css' });
});

for (const bench of BENCHMARKS) {
  test(`every panel of ${bench}, light and dark`, async ({ studio, page }) => {
    test.skip(process.env.SCREENS === 'readme', 'the README picture only');
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: Number(process.env.SCREENS_W ?? 1440), height: Number(process.env.SCREENS_H ?? 900) });
    await studio.open();
    await studio.newProjectFromWelcome(bench);
    await calibrateAndRunWhatIf(page);
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.getByTestId('ui.theme').click();
      for (const { id } of PANELS) {
        await page.getByTestId(`nav.${id}`).click();
        await expect(page.getByTestId(`panel.${id}`)).toBeVisible();
        await shoot(page, `${bench}-${theme}-${id}`);
      }
    }
  });
}
