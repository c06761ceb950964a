import { expect, type Page } from '@playwright/test';

/** Panels as the step tabs name them (data-testid `nav.<id>`). */
export type PanelId = 'knowledge' | 'data' | 'code' | 'structure' | 'calibrate' | 'diagnostics' | 'loop' | 'scenarios' | 'history';

/** Where e2e screenshots go (ignored by git). */
export const ARTIFACTS = 'e2e/artifacts';

/** The studio shell: loading, navigation, projects, and the typed test hook. */
export class StudioPage {
  constructor(readonly page: Page) {}

  /** Opens the studio and waits until IndexedDB has been read. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('studio')).toHaveAttribute('data-hydrated', 'true');
  }

  /** Reloads and waits for the restored state. */
  async reload(): Promise<void> {
    await this.flushSaves();
    await this.page.reload();
    await expect(this.page.getByTestId('studio')).toHaveAttribute('data-hydrated', 'true');
  }

  /** Creates a project from the welcome screen (`covid`, `supply-chain`, `hospital`, `blank`). */
  async newProjectFromWelcome(kind: string): Promise<void> {
    await this.page.getByTestId(`welcome.${kind}`).click();
    await expect(this.page.getByTestId('panel.knowledge')).toBeVisible();
  }

  /** Creates a project from the top bar menu. */
  async newProjectFromMenu(kind: string): Promise<void> {
    await this.page.getByTestId('project.new').click();
    await this.page.getByTestId(`project.new.${kind}`).click();
    await expect(this.page.getByTestId('panel.knowledge')).toBeVisible();
  }

  /** Opens a panel by its step tab. */
  async goto(panel: PanelId): Promise<void> {
    await this.page.getByTestId(`nav.${panel}`).click();
    await expect(this.page.getByTestId(`panel.${panel}`)).toBeVisible();
  }

  /** Saves a screenshot under e2e/artifacts. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
  }

  /** Reads part of the store through `window.__studioTestApi`. */
  state<T>(pick: string): Promise<T> {
    // A string, compiled by the DevTools protocol: the page's CSP forbids `new Function` on the page.
    return this.page.evaluate(`((s) => (${pick}))(window.__studioTestApi.getState())`) as Promise<T>;
  }

  /** Waits until pending autosaves reached IndexedDB. */
  async flushSaves(): Promise<void> {
    await this.page.evaluate(() => window.__studioTestApi?.flushSaves());
  }

  /** Names in the project picker. */
  async projectNames(): Promise<string[]> {
    return this.page.getByTestId('project.picker').locator('option').allTextContents();
  }
}
