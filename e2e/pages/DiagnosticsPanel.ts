import { expect, type Page } from '@playwright/test';

/** Step 5: metrics, W1 bars, fan charts. */
export class DiagnosticsPanel {
  constructor(readonly page: Page) {}

  readonly testW1 = () => this.page.getByTestId('diagnostics.testW1');
  readonly testW1Value = () => this.page.getByTestId('diagnostics.testW1.value');

  /** Waits for the metrics and the first fan chart to be drawn. */
  async waitForResults(timeout = 120_000): Promise<void> {
    await expect(this.testW1Value()).toBeVisible({ timeout });
    await expect(this.page.locator('[data-testid^="diagnostics.fan."][data-ready="true"]').first()).toBeVisible({ timeout: 60_000 });
  }

  /** Fan charts drawn (one per observed variable). */
  fanCharts() {
    return this.page.locator('[data-testid^="diagnostics.fan."]');
  }
}
