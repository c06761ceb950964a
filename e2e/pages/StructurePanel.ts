import { expect, type Page } from '@playwright/test';

/** Explore: the structure graph, its score, the code view and the live sliders. */
export class StructurePanel {
  constructor(readonly page: Page) {}

  readonly graph = () => this.page.getByTestId('structure.graph');
  readonly node = (id: string) => this.page.getByTestId(`structure.node.${id}`);
  readonly edge = (from: string, to: string) => this.page.getByTestId(`structure.edge.${from}->${to}`);
  readonly score = () => this.page.getByTestId('structure.score');
  readonly f1 = () => this.page.getByTestId('structure.score.f1');
  readonly code = () => this.page.getByTestId('structure.code');
  readonly slider = (name: string) => this.page.getByTestId(`explore.slider.${name}`);
  readonly fan = (variable: string) => this.page.getByTestId(`explore.fan.${variable}`);

  /** Node ids drawn in the graph. */
  async nodeIds(): Promise<string[]> {
    const ids = await this.graph().locator('[data-testid^="structure.node."]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('structure.node.'.length)));
    return ids.sort();
  }

  /** Influence edges drawn, as `from->to`, with their status. */
  async edges(): Promise<Record<string, string>> {
    return this.graph()
      .locator('[data-testid^="structure.edge."]')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!.slice('structure.edge.'.length), e.getAttribute('data-status')!])));
  }

  /** Waits for Monaco in the code view. */
  async waitForCode(): Promise<void> {
    await expect(this.code()).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  }

  /** Line numbers Monaco shows as highlighted (rendered lines only). */
  async highlightedLines(): Promise<number[]> {
    return this.code()
      .locator('.view-overlays > div:has(.structure-line-highlight)')
      .evaluateAll((els) => els.map((e) => Math.round(parseFloat((e as HTMLElement).style.top) || 0)));
  }

  /** The y values of a live fan chart's traces (Plotly keeps them on the element). */
  async fanData(variable: string): Promise<number[][]> {
    return this.fan(variable)
      .locator('.js-plotly-plot')
      .evaluate((el) => ((el as unknown as { data: { y: number[] }[] }).data ?? []).map((t) => [...t.y]));
  }

  /** Sets a range input to a value, as a user dragging it would. */
  async setSlider(name: string, value: number): Promise<void> {
    await this.slider(name).evaluate((el, v) => {
      const input = el as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }
}
