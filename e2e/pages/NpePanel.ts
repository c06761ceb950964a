import { expect, type Page } from '@playwright/test';

/** The NPE method of the Calibrate step: settings, live progress, posterior, SBC. */
export class NpePanel {
  constructor(readonly page: Page) {}

  readonly progress = () => this.page.getByTestId('npe.progress');
  readonly provider = () => this.page.getByTestId('npe.provider');
  readonly trainingCurve = () => this.page.getByTestId('npe.trainingCurve');
  readonly corner = () => this.page.getByTestId('npe.corner');
  readonly sbc = () => this.page.getByTestId('npe.sbc');
  readonly acceptance = () => this.page.getByTestId('npe.acceptance');

  /** Picks NPE and its budget; `preset` paper = one round and the posterior mean (default: two rounds, picked estimate). */
  async configure(opts: { sims?: number; samples?: number; estimator?: 'maf' | 'mdn'; provider?: 'auto' | 'webgpu' | 'wasm'; seed?: number; preset?: 'converge' | 'paper' }): Promise<void> {
    await this.page.getByTestId('calibrate.method').selectOption('npe');
    if (opts.preset) await this.page.getByTestId('npe.preset').selectOption(opts.preset);
    if (opts.sims !== undefined) await this.page.getByTestId('npe.sims').fill(String(opts.sims));
    if (opts.samples !== undefined) await this.page.getByTestId('npe.samples').fill(String(opts.samples));
    if (opts.estimator) await this.page.getByTestId('npe.estimator').selectOption(opts.estimator);
    if (opts.provider) await this.page.getByTestId('npe.providerChoice').selectOption(opts.provider);
    if (opts.seed !== undefined) await this.page.getByTestId('calibrate.seed').fill(String(opts.seed));
  }

  async start(): Promise<void> {
    await this.page.getByTestId('calibrate.start').click();
    await expect(this.progress()).toHaveAttribute('data-status', 'running');
  }

  /** Epochs in the shown run's training curve so far. */
  async epochs(): Promise<number> {
    return this.page.evaluate(() => {
      const s = window.__studioTestApi!.getState() as unknown as { runs: { history: unknown[] }[] };
      return s.runs[0]?.history.length ?? 0;
    });
  }

  async waitForStatus(status: 'done' | 'cancelled' | 'failed', timeout = 150_000): Promise<void> {
    await expect(this.progress()).toHaveAttribute('data-status', status, { timeout });
  }

  /** The posterior's 5 % and 95 % quantiles of a parameter, as the table shows them. */
  async interval(name: string): Promise<[number, number]> {
    const row = this.page.getByTestId(`npe.row.${name}`);
    return [Number(await row.getAttribute('data-q05')), Number(await row.getAttribute('data-q95'))];
  }
}
