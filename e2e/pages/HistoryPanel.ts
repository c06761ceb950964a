import type { Page } from '@playwright/test';

/** Run history table. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('history.row');
  }

  /** Statuses of the runs, newest first. */
  async statuses(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
  }
}
