import type { Locator, Page } from '@playwright/test';
import type { Dataset } from '../src/core/data/Dataset.ts';
import { transitionsOf } from '../src/core/data/transitions.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { benchmarkW1 } from '../src/core/eval/benchmarkW1.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import { SIR_DIAGRAM, SIRD_DIAGRAM } from '../src/core/diagram/exampleDiagrams.ts';
import { expect, test } from './fixtures.ts';
import { startBrowserLlmServer } from './llmServerFixture.ts';
import { SettingsDialog } from './pages/LoopPanel.ts';
import config from '../playwright.config.ts';

// The config resolves no host but localhost; the scripted LLM server is on 127.0.0.1, let it through.
const launch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launch,
    args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)),
  },
});

/** Step 3's Diagram mode, driven by mouse and keyboard as a user would. */
class DiagramEditor {
  constructor(readonly page: Page) {}

  readonly panel = () => this.page.getByTestId('panel.diagram');
  readonly field = (name: string) => this.page.getByTestId(`diagram.field.${name}`);
  readonly node = (kind: string, name: string) => this.page.getByTestId(`diagram.node.${kind}.${name}`);
  readonly sync = () => this.page.getByTestId('diagram.sync');

  /** Clicks a field, selects what it holds and types over it. */
  async type(field: string, text: string): Promise<void> {
    await this.field(field).click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Adds an element with the toolbar and names it (the name field is selected after adding). */
  async add(kind: 'stock' | 'parameter' | 'auxiliary', name: string): Promise<void> {
    await this.page.getByTestId(`diagram.add.${kind}`).click();
    await expect(this.page.getByTestId('diagram.inspector')).toHaveAttribute('data-kind', kind);
    await expect(this.field('name')).toBeFocused();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('diagram.inspector')).toHaveAttribute('data-name', name);
  }

  /** Draws a flow with the mouse: from one stock's right handle to another stock's left handle. */
  async drawFlow(from: string, to: string): Promise<void> {
    const source = this.node('stock', from).locator('.react-flow__handle.source');
    const target = this.node('stock', to).locator('.react-flow__handle.target');
    const a = await centre(source);
    const b = await centre(target);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x, b.y, { steps: 5 });
    await this.page.mouse.up();
    await expect(this.page.getByTestId('diagram.inspector')).toHaveAttribute('data-kind', 'flow');
  }

  /** Adds a flow with the toolbar and sets its ends, law and rate in the inspector. */
  async addFlow(name: string, from: string | null, to: string | null, law: string, rate?: string): Promise<void> {
    await this.page.getByTestId('diagram.add.flow').click();
    await expect(this.page.getByTestId('diagram.inspector')).toHaveAttribute('data-kind', 'flow');
    await this.rename(name);
    await this.field('from').selectOption(from ?? '(outside)');
    await this.field('to').selectOption(to ?? '(outside)');
    await this.field('law').selectOption(law);
    if (rate !== undefined) await this.type('rate', rate);
  }

  /** Renames the selected element in its inspector. */
  async rename(name: string): Promise<void> {
    await this.type('name', name);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('diagram.inspector')).toHaveAttribute('data-name', name);
  }
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a user draws the COVID SIR by mouse and keyboard, calibrates it and reaches the ground truth benchmark W1', async ({ studio, calibrate, diagnostics, page }) => {
  test.setTimeout(420_000);
  const d = new DiagramEditor(page);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  const starter = await studio.state<string>('s.source');
  await studio.goto('code');
  await page.getByTestId('mode.diagram').click();
  await expect(d.panel()).toBeVisible();
  await page.getByTestId('diagram.start.blank').click();

  // Three integer stocks with their initial levels.
  for (const [name, initial] of [['S', '990'], ['I', '10'], ['R', '0']]) {
    await d.add('stock', name);
    await d.type('initial', initial);
  }
  // Two binomial flows, drawn with the mouse, named and given rates with the keyboard.
  await d.drawFlow('S', 'I');
  await d.rename('infection');
  await expect(d.field('law')).toHaveValue('binomial');
  await d.type('rate', '1 - Math.exp(-beta * I / N)');
  await d.drawFlow('I', 'R');
  await d.rename('recovery');
  await d.type('rate', 'gamma');
  // The rate reads names that do not exist yet: the checks say so, and the code is not updated.
  await expect(page.getByTestId('diagram.error').first()).toContainText('unknown name "beta"');
  await expect(d.sync()).toHaveAttribute('data-kind', 'draft');

  // Two parameters with their prior boxes, and the population as an auxiliary.
  await d.add('parameter', 'beta');
  await d.type('max', '2');
  await d.type('init', '0.4');
  await d.add('parameter', 'gamma');
  await d.type('init', '0.2');
  await d.add('auxiliary', 'N');
  await d.type('expression', 'S + I + R');

  await expect(page.getByTestId('diagram.checks')).toHaveAttribute('data-errors', '0');
  await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');
  await expect(page.getByTestId('diagram.conservation')).toHaveText('Every flow runs between stocks: S + I + R stays constant.');
  await expect(page.locator('[data-testid="diagram.code"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await studio.screenshot('diagram-01-sir-drawn');

  const source = await studio.state<string>('s.source');
  expect(source).toContain('const infection = rng.binomial(count(S), probability(infection__rate));');
  expect(source).toContain('const recovery = rng.binomial(count(I), probability(recovery__rate));');
  // The starter program is not lost: it is a saved code version.
  expect(await studio.state<string[]>('s.versions.map((v) => v.source)')).toContain(starter);

  // Calibrate the drawn model and compare its benchmark W1 with the ground truth's own.
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'cmaes', fitness: 'mse', generations: 30, popsize: 16, mc: 4, seed: 3 });
  await calibrate.start();
  await calibrate.waitForStatus('done', 300_000);
  await studio.goto('diagnostics');
  await diagnostics.waitForResults();
  const w1 = Number(await diagnostics.testW1Value().innerText());
  const dataset = await studio.state<Dataset>('s.dataset');
  const seed = await studio.state<number>('s.runs[0].settings.seed');
  const covid = getEnvironment('covid');
  const truth = compileSimulator(covid.groundTruthSource);
  const floor = benchmarkW1({
    candidate: truth,
    candidateParams: covid.trueParams,
    truth,
    trueParams: covid.trueParams,
    transitions: transitionsOf(dataset, 'test'),
    states: 200,
    samples: 100,
    seed,
  }).w1;
  const params = await studio.state<Record<string, number>>('s.runs[0].params');
  console.log(`drawn SIR calibrated ${JSON.stringify(params)}; benchmark W1 ${w1} vs ground truth ${floor.toFixed(3)} (ratio ${(w1 / floor).toFixed(3)})`);
  expect(w1).toBeLessThanOrEqual(floor * 1.05);
  await studio.screenshot('diagram-02-diagnostics');
});

test('a drawn model round-trips a small code edit; an edit the diagram cannot show makes it read-only with a note', async ({ studio, code, page }) => {
  const d = new DiagramEditor(page);
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('code');
  await page.getByTestId('mode.diagram').click();
  await page.getByTestId('diagram.start.pick').selectOption('sir');
  await page.getByTestId('diagram.start.example').click();
  await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');

  // Teaching: one rollout animates the stock levels and the expected flows.
  await page.getByTestId('diagram.play').click();
  await expect.poll(async () => Number(await page.getByTestId('diagram.play.t').getAttribute('data-t')), { timeout: 60_000 }).toBeGreaterThan(3);
  await expect(d.node('stock', 'I')).toHaveAttribute('data-animated', 'true');
  await expect(d.node('flow', 'recovery')).toContainText('/ step');
  await studio.screenshot('diagram-03a-rollout');
  await page.getByTestId('diagram.play.stop').click();

  // A changed rate in code flows back into the diagram.
  await page.getByTestId('mode.code').click();
  await code.waitForEditor();
  await code.replaceAll('const recovery__rate = gamma;', 'const recovery__rate = 1 - Math.exp(-gamma);');
  await expect.poll(() => studio.state<string>('s.source')).toContain('1 - Math.exp(-gamma)');
  await page.getByTestId('mode.diagram').click();
  await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');
  await d.node('flow', 'recovery').click();
  await expect(d.field('rate')).toHaveValue('1 - Math.exp(-gamma)');
  expect(await studio.state<string>('s.diagram.flows[1].rate')).toBe('1 - Math.exp(-gamma)');

  // An edit outside rates, auxiliaries, lead times and parameters: the code leads, the diagram is kept read-only.
  await page.getByTestId('mode.code').click();
  await code.waitForEditor();
  await code.replaceAll('R: R + recovery,', 'R: R + recovery + 0,');
  await expect.poll(() => studio.state<string>('s.source')).toContain('R + recovery + 0');
  const edited = await studio.state<string>('s.source');
  await page.getByTestId('mode.diagram').click();
  await expect(page.getByTestId('diagram.codeLeads')).toContainText('The code now leads');
  await expect(page.getByTestId('diagram.codeLeads')).toContainText('changes more than rates, auxiliaries, lead times and parameters');
  await expect(d.sync()).toHaveAttribute('data-kind', 'codeLeads');
  await expect(page.getByTestId('diagram.add.stock')).toBeDisabled();
  await d.node('flow', 'recovery').click();
  await expect(d.field('rate')).toBeDisabled();
  // The last diagram version is intact.
  expect(await studio.state<string>('s.diagram.flows[1].rate')).toBe('1 - Math.exp(-gamma)');
  await studio.screenshot('diagram-03-code-leads');

  // Going back to the diagram keeps the edited code as a saved version.
  await page.getByTestId('diagram.backToDiagram').click();
  await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');
  expect(await studio.state<string>('s.source')).not.toContain('R + recovery + 0');
  expect(await studio.state<string[]>('s.versions.map((v) => v.source)')).toContain(edited);
});

test('the supply chain is drawn with a conveyor (delay) and calibrates', async ({ studio, calibrate, diagnostics, page }) => {
  test.setTimeout(300_000);
  const d = new DiagramEditor(page);
  await studio.open();
  await studio.newProjectFromWelcome('supply-chain');
  await studio.goto('code');
  await page.getByTestId('mode.diagram').click();
  await page.getByTestId('diagram.start.blank').click();

  await d.add('stock', 'inventory');
  await d.type('initial', '20');
  await d.add('stock', 'backlog');
  await d.add('stock', 'pipeline_total');
  await d.field('conveyor').check();
  await d.type('leadTime', 'lead_time');
  await d.type('queue', 'pipeline');
  await d.add('parameter', 'demand_rate');
  await d.type('max', '20');
  await d.type('init', '4');
  await d.add('parameter', 'lead_time');
  await d.type('min', '1');
  await d.type('max', '6');
  await d.type('init', '3');
  // Demand is one Poisson draw shared by two flows: sold from stock, or backordered.
  await d.add('auxiliary', 'demand');
  await d.field('auxPoisson').check();
  await d.type('expression', 'demand_rate');
  await d.add('auxiliary', 'served');
  await d.type('expression', 'Math.min(inventory, backlog)');
  await d.add('auxiliary', 'sold');
  await d.type('expression', 'Math.min(inventory - served, demand)');

  await d.drawFlow('pipeline_total', 'inventory');
  await d.rename('delivered');
  await d.field('law').selectOption('conveyor');
  await d.addFlow('ordered', null, 'pipeline_total', 'deterministic', 'action');
  await d.addFlow('shipped', 'inventory', null, 'deterministic', 'served + sold');
  await d.addFlow('backordered', null, 'backlog', 'deterministic', 'demand - sold');
  await d.addFlow('fulfilled', 'backlog', null, 'deterministic', 'served');

  await expect(page.getByTestId('diagram.checks')).toHaveAttribute('data-errors', '0');
  await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');
  await expect(page.getByTestId('diagram.conservation')).toContainText('ordered (outside → pipeline_total)');
  await studio.screenshot('diagram-04-supply-chain');
  const source = await studio.state<string>('s.source');
  expect(source).toContain('if (ordered > 0) pipeline_total__transit.push([ordered, pipeline_total__lead]);');
  expect(source).toContain('pipeline: pipeline_total__transit.filter((shipment) => shipment[1] > 0),');
  expect(source).toContain('const demand = rng.poisson(positive(demand_rate));');

  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 6, popsize: 24, mc: 1, seed: 2 });
  await calibrate.start();
  await calibrate.waitForStatus('done', 240_000);
  const params = await studio.state<Record<string, number>>('s.runs[0].params');
  console.log(`drawn supply chain calibrated ${JSON.stringify(params)}`);
  // The data's demand is Poisson(5): the drawn model finds it from a [0, 20] box (the one-step MSE
  // pulls a noise-driving rate a little low, ≈ 4.5).
  expect(params.demand_rate).toBeGreaterThan(3.5);
  expect(params.demand_rate).toBeLessThan(6.5);
  await studio.goto('diagnostics');
  await diagnostics.waitForResults();
  expect(Number.isFinite(Number(await diagnostics.testW1Value().innerText()))).toBe(true);
});

test('the LLM refines a drawn diagram: a wrong answer is sent back with its errors by path, the fix is shown as a diff and applied', async ({ studio, page }) => {
  // First answer: a flow into a stock that does not exist; second: the SIRD.
  const wrong = { ...SIRD_DIAGRAM, flows: [...SIRD_DIAGRAM.flows.slice(0, 2), { name: 'death', from: 'I', to: 'Dead', law: 'binomial', rate: 'mu' }] };
  const llm = await startBrowserLlmServer([
    { kind: 'text', text: `Here is the diagram:\n\`\`\`json\n${JSON.stringify(wrong)}\n\`\`\`` },
    { kind: 'text', text: `Fixed:\n\`\`\`json\n${JSON.stringify(SIRD_DIAGRAM)}\n\`\`\`` },
  ]);
  try {
    const d = new DiagramEditor(page);
    await studio.open();
    await studio.newProjectFromWelcome('covid');
    const settings = new SettingsDialog(page);
    await settings.open();
    await settings.fill({ baseURL: llm.baseURL, model: 'scripted-diagram', apiKey: 'sk-test-diagram' });
    await settings.done();
    await studio.goto('code');
    await page.getByTestId('mode.diagram').click();
    await page.getByTestId('diagram.start.pick').selectOption('sir');
    await page.getByTestId('diagram.start.example').click();
    await page.getByTestId('diagram.llm.instruction').fill('Add deaths out of I with a daily probability mu.');
    await page.getByTestId('diagram.llm.ask').click();
    await expect(page.getByTestId('diagram.llm.diff')).toContainText('added stock D');
    await expect(page.getByTestId('diagram.llm.diff')).toContainText('added flow death');
    await expect(page.getByTestId('diagram.llm.diff')).toContainText('added parameter mu');
    // The wrong answer went back with its error by path.
    const second = llm.server.requests[1];
    expect(JSON.stringify(second.body)).toContain('flows[2].to: no stock is named \\"Dead\\"');
    expect(await studio.state<number>('s.diagram.stocks.length')).toBe(SIR_DIAGRAM.stocks.length);
    await page.getByTestId('diagram.llm.apply').click();
    await expect(d.node('stock', 'D')).toBeVisible();
    await expect(d.sync()).toHaveAttribute('data-kind', 'inSync');
    expect(await studio.state<string>('s.source')).toContain('conditional(death__rate, I__rest)');
  } finally {
    await llm.close();
  }
});
