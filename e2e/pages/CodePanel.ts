import { expect, type Page } from '@playwright/test';

/** Step 3: the Monaco editor and its side cards. */
export class CodePanel {
  constructor(readonly page: Page) {}

  readonly status = () => this.page.getByTestId('code.status');
  readonly problems = () => this.page.getByTestId('code.problem');

  /** Waits until Monaco has mounted (it loads lazily). */
  async waitForEditor(): Promise<void> {
    await expect(this.page.locator('[data-testid="code.editor"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
    await expect(this.page.locator('.monaco-editor .view-lines')).toBeVisible();
  }

  /** Uses Monaco's own find/replace (Ctrl+H), as a user would, to replace every occurrence. */
  async replaceAll(find: string, replace: string): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('Control+H');
    const widget = this.page.locator('.find-widget');
    await expect(widget).toBeVisible();
    await widget.getByRole('textbox', { name: 'Find' }).fill(find);
    await widget.getByRole('textbox', { name: 'Replace' }).fill(replace);
    await widget.getByRole('button', { name: /Replace All/ }).click();
    await this.page.keyboard.press('Escape');
  }

  /** The `max` the compiled program declares for a parameter, as the Parameters card shows it. */
  paramMax(name: string) {
    return this.page.getByTestId(`code.param.${name}.max`);
  }

  /** Moves the caret to the end of the program and types there. */
  async typeAtEnd(text: string): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Monaco's suggestion list. */
  suggestions() {
    return this.page.locator('.monaco-editor .suggest-widget');
  }

  /** Marker squiggles Monaco draws for errors. */
  errorSquiggles() {
    return this.page.locator('.monaco-editor .squiggly-error');
  }
}
