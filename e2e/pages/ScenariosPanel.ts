import { expect, type Page } from '@playwright/test';

/** What a Plotly chart holds: its traces' names/meta and its layout shapes. */
export interface ChartContent {
  traces: { name: string; meta: unknown; dash: string | null }[];
  shapes: number;
}

/** Step 7: what-if scenarios and policy search. */
export class ScenariosPanel {
  constructor(readonly page: Page) {}

  readonly results = () => this.page.getByTestId('whatif.results');
  readonly w1Table = () => this.page.getByTestId('whatif.w1Table');
  readonly policyProgress = () => this.page.getByTestId('policy.progress');
  readonly policyResults = () => this.page.getByTestId('policy.results');
  readonly regretValue = () => this.page.getByTestId('policy.regret.value');

  /** Adds a preset scenario, e.g. ('covid-lockdown', 'early-strict'). */
  async addPreset(presetId: string, name: string): Promise<void> {
    await this.page.getByTestId('whatif.addPreset').selectOption(`${presetId}/${name}`);
    await expect(this.page.getByTestId('scenario.name').last()).toHaveValue(name);
  }

  async runScenarios(): Promise<void> {
    await this.page.getByTestId('whatif.run').click();
    await expect(this.results()).toBeVisible({ timeout: 120_000 });
  }

  /** Traces and shapes of a drawn chart (waits until Plotly has drawn it). */
  async chart(testId: string): Promise<ChartContent> {
    const el = this.page.locator(`[data-testid="${testId}"][data-ready="true"]`);
    await expect(el).toBeVisible({ timeout: 60_000 });
    return el.evaluate((root) => {
      const gd = root.firstElementChild as HTMLElement & { data: { name: string; meta: unknown; line?: { dash?: string } }[]; layout: { shapes?: unknown[] } };
      return { traces: gd.data.map((t) => ({ name: t.name, meta: t.meta ?? null, dash: t.line?.dash ?? null })), shapes: gd.layout.shapes?.length ?? 0 };
    });
  }

  /** Fills a policy-grid form field (`xValues`, `yValues`, `rollouts`, `cost`, …). */
  async setGridField(key: string, value: string): Promise<void> {
    await this.page.getByTestId(`policy.${key}`).first().fill(value);
  }

  /**
   * Starts the policy search and records every progress value the store reports until it ends, so a
   * test can tell the bar moved through intermediate values (however fast the workers are).
   */
  async runPolicySearch(): Promise<number[]> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __progressSeen: number[] };
      w.__progressSeen = [];
      const tick = () => {
        const job = window.__studioTestApi!.getState().policyJob;
        if (job) w.__progressSeen.push(job.done / job.total);
        requestAnimationFrame(tick);
      };
      tick();
    });
    await this.page.getByTestId('policy.run').click();
    await expect(this.policyResults()).toHaveAttribute('data-status', /done|failed|cancelled/, { timeout: 120_000 });
    return this.page.evaluate(() => (window as unknown as { __progressSeen: number[] }).__progressSeen);
  }
}
