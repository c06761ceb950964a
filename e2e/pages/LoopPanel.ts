import { expect, type Page } from '@playwright/test';

/** The LLM settings dialog (top bar). */
export class SettingsDialog {
  constructor(readonly page: Page) {}

  readonly dialog = () => this.page.getByTestId('settings.dialog');
  readonly testResult = () => this.page.getByTestId('settings.testResult');

  async open(): Promise<void> {
    await this.page.getByTestId('settings.open').click();
    await expect(this.dialog()).toBeVisible();
  }

  /** Fills the connection fields (OpenAI-compatible unless told otherwise). */
  async fill(opts: { provider?: 'openai' | 'anthropic'; baseURL: string; model: string; apiKey: string; remember?: boolean }): Promise<void> {
    await this.page.getByTestId('settings.provider').selectOption(opts.provider ?? 'openai');
    await this.page.getByTestId('settings.baseURL').fill(opts.baseURL);
    await this.page.getByTestId('settings.model').fill(opts.model);
    await this.page.getByTestId('settings.apiKey').fill(opts.apiKey);
    if (opts.remember !== undefined) await this.page.getByTestId('settings.rememberKey').setChecked(opts.remember);
  }

  async testConnection(): Promise<void> {
    await this.page.getByTestId('settings.test').click();
    await expect(this.testResult()).toBeVisible();
  }

  async done(): Promise<void> {
    await this.page.getByTestId('settings.done').click();
    await expect(this.dialog()).toBeHidden();
  }
}

/** Step 6: Refine with LLM (the G-Sim loop). */
export class LoopPanel {
  constructor(readonly page: Page) {}

  readonly status = () => this.page.getByTestId('loop.status');
  readonly editor = () => this.page.getByTestId('loop.editor');
  readonly versions = () => this.page.getByTestId('loop.version');
  readonly diff = () => this.page.getByTestId('loop.diff');
  readonly valChart = () => this.page.getByTestId('loop.valChart');

  /** A version of the lineage by iteration number. */
  version(iteration: number) {
    return this.page.locator(`[data-testid="loop.version"][data-iteration="${iteration}"]`);
  }

  async waitForEditor(): Promise<void> {
    await expect(this.page.locator('[data-testid="loop.editor"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  }

  async configure(opts: { iterations?: number; patience?: number }): Promise<void> {
    if (opts.iterations !== undefined) await this.page.getByTestId('loop.iterations').fill(String(opts.iterations));
    if (opts.patience !== undefined) await this.page.getByTestId('loop.patience').fill(String(opts.patience));
  }

  async start(): Promise<void> {
    await this.page.getByTestId('loop.start').click();
  }

  /**
   * Records the length of the code Monaco holds every 10 ms while the editor is streaming code (in the
   * page, so no sample is lost to round trips); read it back with {@link streamedLengths}. The
   * placeholder and the prose shown before the first code are skipped: "// Waiting for the model…" is
   * longer than a first chunk of code, so a sample of it made the lengths look as if they shrank.
   */
  async recordStreaming(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __loopLengths: number[]; __loopSources: string[] };
      w.__loopLengths = [];
      w.__loopSources = [];
      setInterval(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="loop.editor"]');
        if (el?.dataset.streaming !== 'true') return;
        w.__loopSources.push(window.__studioTestApi!.getState().source);
        if (el.dataset.view === 'code' && el.dataset.length) w.__loopLengths.push(Number(el.dataset.length));
      }, 10);
    });
  }

  /** Distinct working copies the store held while the editor streamed (the partial answer must not leak into it). */
  sourcesWhileStreaming(): Promise<number> {
    return this.page.evaluate(() => new Set((window as unknown as { __loopSources: string[] }).__loopSources).size);
  }

  streamedLengths(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __loopLengths: number[] }).__loopLengths);
  }
}
