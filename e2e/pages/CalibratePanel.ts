import { expect, type Page } from '@playwright/test';

/** Step 4: settings, start/cancel, live progress. */
export class CalibratePanel {
  constructor(readonly page: Page) {}

  readonly progress = () => this.page.getByTestId('calibrate.progress');
  readonly fitnessPlot = () => this.page.getByTestId('calibrate.fitnessPlot');
  readonly params = () => this.page.getByTestId('calibrate.params');

  /** Sets method and budget. */
  async configure(opts: { method?: 'ga' | 'cmaes'; generations?: number; popsize?: number; mc?: number; seed?: number }): Promise<void> {
    if (opts.method) await this.page.getByTestId('calibrate.method').selectOption(opts.method);
    for (const key of ['generations', 'popsize', 'mc', 'seed'] as const) {
      if (opts[key] !== undefined) await this.page.getByTestId(`calibrate.${key}`).fill(String(opts[key]));
    }
  }

  async start(): Promise<void> {
    await this.page.getByTestId('calibrate.start').click();
    await expect(this.progress()).toHaveAttribute('data-status', 'running');
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('calibrate.cancel').click();
  }

  /** The generation the progress card shows. */
  async iteration(): Promise<number> {
    return Number(await this.progress().getAttribute('data-iteration'));
  }

  /** Waits until the shown run reaches a final status. */
  async waitForStatus(status: 'done' | 'cancelled' | 'failed', timeout = 120_000): Promise<void> {
    await expect(this.progress()).toHaveAttribute('data-status', status, { timeout });
  }
}
