import { test as base } from '@playwright/test';
import { CalibratePanel } from './pages/CalibratePanel.ts';
import { CodePanel } from './pages/CodePanel.ts';
import { DiagnosticsPanel } from './pages/DiagnosticsPanel.ts';
import { HistoryPanel } from './pages/HistoryPanel.ts';
import { KnowledgePanel } from './pages/KnowledgePanel.ts';
import { NpePanel } from './pages/NpePanel.ts';
import { ScenariosPanel } from './pages/ScenariosPanel.ts';
import { StudioPage } from './pages/StudioPage.ts';
import { StructurePanel } from './pages/StructurePanel.ts';
import { TeachingPage } from './pages/TeachingPage.ts';

/** Page objects per panel (style P12); each test gets a fresh browser context, so fresh IndexedDB. */
export const test = base.extend<{
  studio: StudioPage;
  knowledge: KnowledgePanel;
  code: CodePanel;
  calibrate: CalibratePanel;
  diagnostics: DiagnosticsPanel;
  history: HistoryPanel;
  structure: StructurePanel;
  teaching: TeachingPage;
  scenarios: ScenariosPanel;
  npe: NpePanel;
}>({
  studio: async ({ page }, use) => {
    // Surface page errors in the test log: a silent exception is how UI bugs hide.
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    await use(new StudioPage(page));
  },
  knowledge: async ({ page }, use) => use(new KnowledgePanel(page)),
  code: async ({ page }, use) => use(new CodePanel(page)),
  calibrate: async ({ page }, use) => use(new CalibratePanel(page)),
  diagnostics: async ({ page }, use) => use(new DiagnosticsPanel(page)),
  history: async ({ page }, use) => use(new HistoryPanel(page)),
  structure: async ({ page }, use) => use(new StructurePanel(page)),
  teaching: async ({ page }, use) => use(new TeachingPage(page)),
  scenarios: async ({ page }, use) => use(new ScenariosPanel(page)),
  npe: async ({ page }, use) => use(new NpePanel(page)),
});

export { expect } from '@playwright/test';
