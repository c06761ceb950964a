import { expect, type Page } from '@playwright/test';

/** Step 4: settings, start/cancel, live progress. */
export class CalibratePanel {
  constructor(readonly page: Page) {}

  readonly progress = () => this.page.getByTestId('calibrate.progress');
  readonly fitnessPlot = () => this.page.getByTestId('calibrate.fitnessPlot');
  readonly params = () => this.page.getByTestId('calibrate.params');

  readonly identifiability = () => this.page.getByTestId('calibrate.identifiability');

  /**
   * Sets method, fitness and budget. Giving generations or popsize selects the fixed (paper) budget,
   * where those fields live; mc 1 without a fitness selects MSE (the energy score needs 2 draws).
   */
  async configure(opts: {
    method?: 'ga' | 'cmaes';
    fitness?: 'energy' | 'mse';
    budget?: 'converge' | 'paper';
    generations?: number;
    popsize?: number;
    mc?: number;
    seed?: number;
  }): Promise<void> {
    if (opts.method) await this.page.getByTestId('calibrate.method').selectOption(opts.method);
    const fitness = opts.fitness ?? (opts.mc === 1 ? 'mse' : undefined);
    if (fitness) await this.page.getByTestId('calibrate.fitness').selectOption(fitness);
    const budget = opts.budget ?? (opts.generations !== undefined || opts.popsize !== undefined ? 'paper' : undefined);
    if (budget) await this.page.getByTestId('calibrate.budget').selectOption(budget);
    for (const key of ['generations', 'popsize', 'mc', 'seed'] as const) {
      if (opts[key] !== undefined) await this.page.getByTestId(`calibrate.${key}`).fill(String(opts[key]));
    }
  }

  /** Holds a parameter at its shown value (the checkbox), or frees it again. */
  async fix(name: string, on = true): Promise<void> {
    await this.page.getByTestId(`calibrate.fix.${name}`).setChecked(on);
  }

  /**
   * Clicks Start and waits until the progress card shows the new run (another run id). Not until it
   * reads "running": a run whose every candidate fails, or whose program is hostile, can end before a
   * look sees it running on a busy machine.
   */
  async start(): Promise<void> {
    const before = (await this.progress().count()) > 0 ? await this.progress().getAttribute('data-run-id') : null;
    await this.page.getByTestId('calibrate.start').click();
    await expect(this.progress()).toHaveAttribute('data-run-id', before === null ? /./ : new RegExp(`^(?!${before}$)`));
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
