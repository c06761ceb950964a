import { expect, type Page } from '@playwright/test';

/** Teaching and demos: the calibration animation, the guided tour, presenter mode and replay. */
export class TeachingPage {
  constructor(readonly page: Page) {}

  readonly population = () => this.page.getByTestId('calibrate.population');
  readonly popover = () => this.page.getByTestId('tour.popover');
  readonly replayBar = () => this.page.getByTestId('replay.bar');

  /** Generation frames held and the one shown, from the animation card. */
  async frames(): Promise<{ count: number; shown: number }> {
    const card = this.population();
    return { count: Number(await card.getAttribute('data-frames')), shown: Number(await card.getAttribute('data-frame')) };
  }

  /** Opens an entry of the Help menu (`tour`, `presenter`, `replay`). */
  async help(entry: 'tour' | 'presenter' | 'replay'): Promise<void> {
    await this.page.getByTestId('help.menu').click();
    await this.page.getByTestId(`help.${entry}`).click();
  }

  /** The id of the tour step shown. */
  async tourStep(): Promise<string | null> {
    return this.popover().getAttribute('data-step');
  }

  /** True while presenter mode is on. */
  async presenterOn(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.hasAttribute('data-presenter'));
  }

  /** Waits until the replay has done every step. */
  async waitForReplayFinished(timeout = 240_000): Promise<void> {
    await expect(this.replayBar()).toHaveAttribute('data-status', 'finished', { timeout });
  }
}
