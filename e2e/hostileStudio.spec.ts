// Issue 19: the studio page under attack through the real UI, in the production build with its CSP.
// Canaries are planted (an API key remembered in the LLM settings, a localStorage item, a cookie,
// another project in IndexedDB) and a listener waits on loopback; hostile text arrives as imported
// project files, typed fields and programs (tests/hostile/studio/studioCases.ts). For every case: no
// request reaches the listener, the page keeps rendering (frame gaps printed), the user's last edit
// survives, and the truth's numbers are those of a clean run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { CANARY_API_KEY, hostileExpressions, linkNamedModel, portFloodingModel, STUDIO_CANARY, truthForgingModel } from '../tests/hostile/studio/studioCases.ts';
import { expect, test } from './fixtures.ts';
import type { StudioPage } from './pages/StudioPage.ts';

// The listener is on 127.0.0.1, which the config's resolver rules would block anyway: let it through,
// so "never hit" means the page never tried.
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: (launch.args ?? []).map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE 127.0.0.1` : a)) } });

const covid = getEnvironment('covid');
let server: Server;
let listener: string;
const hits: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listener = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Plants the canaries; the open project gets a knowledge text of its own (the "other project"). The API
 * key goes in as a user's does, through the LLM settings (the LLM worker holds it); a plaintext
 * `gsim.llm.apiKey` as earlier versions wrote is planted too, for a payload that looks there.
 */
async function plantCanaries(page: Page, studio: StudioPage): Promise<void> {
  await page.evaluate(([key, canary]) => {
    localStorage.setItem('gsim.llm.apiKey', key);
    localStorage.setItem('gsim.canary', canary);
    document.cookie = `gsimcanary=${canary}; path=/`;
  }, [CANARY_API_KEY, STUDIO_CANARY] as const);
  await page.getByTestId('settings.open').click();
  await page.getByTestId('settings.model').fill('m');
  await page.getByTestId('settings.apiKey').fill(CANARY_API_KEY);
  await page.getByTestId('settings.done').click();
  await page.getByTestId('knowledge.text').fill(`# Secret project ${STUDIO_CANARY}`);
  await studio.flushSaves();
}

/** Starts measuring the longest gap between animation frames; `read()` returns it in ms and restarts. */
async function frameGaps(page: Page) {
  // The steps the cases open are loaded once first, so the gaps measure the cases, not lazy loading.
  for (const step of ['scenarios', 'calibrate', 'knowledge']) {
    await page.getByTestId(`nav.${step}`).click();
    await expect(page.getByTestId(`panel.${step}`)).toBeVisible();
  }
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number };
    w.__gap = 0;
    w.__last = performance.now();
    const tick = (t: number) => {
      w.__gap = Math.max(w.__gap, t - w.__last);
      w.__last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    read: () =>
      page.evaluate(() => {
        const w = window as unknown as { __gap: number; __last: number };
        const gap = Math.max(w.__gap, performance.now() - w.__last);
        w.__gap = 0;
        return Math.round(gap);
      }),
  };
}

/** The covid project as a project file, to mutate. */
async function exportProject(page: Page): Promise<Record<string, any>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

/** Imports through the file input, from a file on disk (a buffer would be decoded on the page's thread). */
async function importProject(page: Page, json: unknown): Promise<void> {
  const path = join(test.info().outputPath(), `hostile-${++imports}.gsim.json`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(json));
  await page.getByTestId('project.importFile').setInputFiles(path);
}
let imports = 0;

/**
 * Imports a project file that must be adopted, and returns once it is open. Waiting for "(imported)" in
 * the picker is not enough: after the first import every later one finds that text at once (the
 * earlier copy is still listed), so the test moved on while the import was still being read and saved,
 * and the import, landing later, put the studio back on Knowledge under the test's feet (issue 19: a
 * Calibrate field that never appeared). The adoption adds the project to the picker and opens Knowledge
 * in one store update, so both are awaited.
 */
async function importAndOpen(page: Page, json: unknown): Promise<void> {
  const options = page.getByTestId('project.picker').locator('option');
  const before = await options.count();
  await importProject(page, json);
  await expect(options).toHaveCount(before + 1);
  await expect(page.getByTestId('project.picker').locator('option:checked')).toContainText('(imported)');
  await expect(page.getByTestId('panel.knowledge')).toBeVisible();
}

/** Checks after each case: nothing reached the listener, the page still renders, no canary is on screen. */
async function checkCase(page: Page, gaps: { read(): Promise<number> }, name: string, report: string[]): Promise<void> {
  await expect(page.getByTestId('studio')).toBeVisible();
  const gap = await gaps.read();
  report.push(`${name.padEnd(58)} longest frame gap ${String(gap).padStart(5)} ms`);
  expect(hits, `${name}: the listener was reached`).toEqual([]);
  expect(await page.locator('body').innerText(), `${name}: a canary is on screen`).not.toContain(CANARY_API_KEY);
  // The flood of issue 19 stopped rendering for > 15 s; lazy steps loading on this shared 2-core machine take a few.
  expect(gap, `${name}: the page stopped rendering`).toBeLessThan(10_000);
}

function whatIfWith(expr: string, field: 'tStart' | 'tEnd' | 'value' | 'cost' | 'define') {
  const iv = { type: 'param', target: 'beta', mode: 'factor', value: field === 'value' ? expr : '0.5', tStart: field === 'tStart' ? expr : '0', tEnd: field === 'tEnd' ? expr : '10' };
  const template = { scenario: { name: 's', interventions: [] }, define: field === 'define' ? { d: expr } : {} };
  return {
    scenarios: [{ id: 'h', name: 'hostile', interventions: [iv] }],
    settings: { rollouts: 10, horizon: 20, seed: 1 },
    grid: { preset: '', xName: 'a', xValues: '0, 1', yName: 'b', yValues: '0, 1', cost: field === 'cost' ? expr : 'a + b', template: JSON.stringify(template), rollouts: '2' },
    lastScenarioRun: null, lastPolicyRun: null,
  };
}

test.beforeEach(async ({ studio }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
});

test('hostile project files: expressions, rules, limits and malformed results are refused or harmless, and nothing leaves', async ({ page, studio }) => {
  test.setTimeout(420_000);
  await plantCanaries(page, studio);
  const gaps = await frameGaps(page);
  const clean = await exportProject(page);
  const report: string[] = [];
  const fields = ['tStart', 'tEnd', 'value', 'cost', 'define'] as const;
  // 1-10: expression fields of what-if scenarios and policy grids, and domain rules, opened where they are checked.
  const exprs = hostileExpressions(listener);
  for (const [k, e] of exprs.slice(0, 9).entries()) {
    const field = fields[k % fields.length];
    const json = structuredClone(clean);
    json.project.whatIf = whatIfWith(e.text, field);
    json.project.rules = [{ id: 'r', description: 'hostile', check: exprs[(k + 1) % 9].text }];
    await importAndOpen(page, json);
    await studio.goto('scenarios');
    await expect(page.getByTestId('panel.scenarios')).toContainText(/syntax error|not allowed|not a function|more follows|not available/);
    await studio.goto('knowledge');
    await expect(page.getByTestId('rules.error').first()).toContainText(/syntax error|must be one expression/);
    await checkCase(page, gaps, `file: ${field} = ${e.name}; rule = ${exprs[(k + 1) % 9].name}`, report);
  }
  // 10-11: texts beyond the expression limits, in a cost and a rule.
  for (const e of exprs.slice(9)) {
    const json = structuredClone(clean);
    json.project.whatIf = whatIfWith(e.text, 'cost');
    json.project.rules = [{ id: 'r', description: 'huge', check: e.text }];
    await importAndOpen(page, json);
    await studio.goto('knowledge');
    await expect(page.getByTestId('rules.error').first()).toContainText(/at most 2000 are allowed|nested more than 64/);
    await checkCase(page, gaps, `file: cost and rule = ${e.name}`, report);
  }
  // 12-18: limits and malformed parts, refused with the path of the problem.
  const refused: [string, (j: Record<string, any>) => void, RegExp][] = [
    ['a run with popsize 2e7', (j) => (j.runs = [{ ...runOf(j), settings: { method: 'ga', generations: 2, popsize: 2e7, mc: 1, seed: 1 } }]), /runs\[0\]\.settings\.popsize: expected a whole number from 1 to 1000/],
    ['a recording with popsize 2e7', (j) => (j.project.recording = {
      version: 1, projectId: j.project.id, startedAt: 1, start: { env: 'covid', source: '' },
      steps: [{ kind: 'calibrate', at: 1, settings: { method: 'ga', generations: 2, popsize: 2e7, mc: 1, seed: 1 } }],
    }), /project\.recording\.steps\[0\]\.settings\.popsize: expected a whole number from 1 to 1000/],
    ['a run history of 300,000 entries', (j) => (j.runs = [{ ...runOf(j), history: Array.from({ length: 300_000 }, (_, i) => ({ iteration: i, best: 1, mean: 1 })) }]), /runs\[0\]\.history: a list of 300,000 entries; at most 10,000/],
    ['what-if rollouts 1e9', (j) => (j.project.whatIf = { ...whatIfWith('1', 'cost'), settings: { rollouts: 1e9, horizon: 20, seed: 1 } }), /project\.whatIf\.settings\.rollouts: expected a whole number from 1 to 5000/],
    ['a 6 MB knowledge text', (j) => (j.project.knowledge = 'x'.repeat(6_000_000)), /project\.knowledge: a text of 6,000,000 characters/],
    ['JSON nested 200 levels', (j) => (j.project.extra = JSON.parse('['.repeat(200) + ']'.repeat(200))), /nested more than 64 levels deep/],
    ['2,000 runs', (j) => (j.runs = Array.from({ length: 2000 }, () => runOf(j))), /runs: a list of 2,000 entries; at most 1,000/],
  ];
  for (const [name, mutate, message] of refused) {
    const json = structuredClone(clean);
    mutate(json);
    const before = (await studio.projectNames()).length;
    await importProject(page, json);
    await expect(page.getByTestId('notice.error').last()).toContainText(message);
    expect(await studio.projectNames()).toHaveLength(before);
    await checkCase(page, gaps, `file: ${name}`, report);
  }
  // 19-20: malformed results that used to blank the whole app: dropped, or shown as one failed step.
  const malformed: [string, (j: Record<string, any>) => void, 'scenarios' | 'history'][] = [
    ["lastScenarioRun: { status: 'done' }", (j) => (j.project.whatIf = { ...whatIfWith('1', 'cost'), lastScenarioRun: { status: 'done' } }), 'scenarios'],
    ['a malformed runs[].npe', (j) => (j.runs = [{ ...runOf(j), settings: { method: 'npe', generations: 2, popsize: 8, mc: 1, seed: 1 }, status: 'done', params: { beta: 0.5, gamma: 0.1 }, npe: { posterior: 7 } }]), 'history'],
  ];
  for (const [name, mutate, panel] of malformed) {
    const json = structuredClone(clean);
    mutate(json);
    await importAndOpen(page, json);
    await page.getByTestId(`nav.${panel}`).click();
    await expect(page.getByTestId(`panel.${panel}`).or(page.getByTestId('panel.error'))).toBeVisible();
    // The rest of the studio keeps working.
    await studio.goto('knowledge');
    await checkCase(page, gaps, `file: ${name}`, report);
  }
  // The user's last edit in the other project survived every import.
  await page.getByTestId('project.picker').selectOption({ index: 0 });
  await expect(page.getByTestId('knowledge.text')).toHaveValue(`# Secret project ${STUDIO_CANARY}`);
  console.log(`\nhostile project files (${report.length} cases)\n${report.join('\n')}`);
});

test('hostile typed fields: costs, scenario values and rules are checked by the safe evaluator only', async ({ page, studio, scenarios }) => {
  test.setTimeout(240_000);
  await plantCanaries(page, studio);
  const gaps = await frameGaps(page);
  const report: string[] = [];
  const exprs = hostileExpressions(listener).filter((e) => e.text.length < 5000);
  await studio.goto('scenarios');
  await page.getByTestId('whatif.addBlank').click();
  await page.getByTestId('scenario.scenario 1.iv0.target').fill('beta');
  // 21-29: each text typed into a scenario value and the policy cost.
  for (const e of exprs) {
    await page.getByTestId('scenario.scenario 1.iv0.value').fill(e.text);
    await expect(page.getByTestId('scenario.scenario 1.iv0.value.error')).toBeVisible();
    await scenarios.setGridField('cost', e.text);
    await checkCase(page, gaps, `typed: value and cost = ${e.name}`, report);
  }
  // 30: a rule check typed in the knowledge step.
  await studio.goto('knowledge');
  await page.getByTestId('rules.add').click();
  await page.getByTestId('rules.check').last().fill(exprs[0].text);
  await expect(page.getByTestId('rules.error')).toContainText('syntax error in the check');
  await checkCase(page, gaps, 'typed: rule check = Function(…)', report);
  // The last edit survives a reload.
  await page.getByTestId('knowledge.text').fill('# last edit before reload');
  await studio.reload();
  await expect(page.getByTestId('knowledge.text')).toHaveValue('# last edit before reload');
  expect(hits).toEqual([]);
  console.log(`\nhostile typed fields (${report.length} cases)\n${report.join('\n')}`);
});

test('hostile programs: a model cannot forge the truth, flood the page, or put markup in a chart; a dead sandbox is rebuilt', async ({ page, studio, calibrate }) => {
  test.setTimeout(420_000);
  await plantCanaries(page, studio);
  const gaps = await frameGaps(page);
  const report: string[] = [];
  const clean = await exportProject(page);
  const truthOf = async () => {
    await studio.goto('scenarios');
    await page.getByTestId('whatif.useInit').click();
    await page.getByTestId('whatif.addPreset').selectOption('covid-lockdown/early-strict');
    await page.getByTestId('whatif.run').click();
    await expect(page.getByTestId('whatif.results')).toBeVisible({ timeout: 120_000 });
    return studio.state<string>('JSON.stringify(s.whatIf.lastScenarioRun.outcomes.map((o) => [o.error ?? null, o.truth]))');
  };
  const importWithSource = async (source: string) => {
    const json = structuredClone(clean);
    json.project.source = source;
    await importAndOpen(page, json);
  };
  // 31: the truth's numbers with a clean model, then beside a model that rewrites its worker's requests.
  const cleanTruth = await truthOf();
  expect(JSON.parse(cleanTruth)[0][1]).not.toBeNull();
  await importWithSource(truthForgingModel(covid.starterSource));
  expect(await truthOf()).toBe(cleanTruth);
  await checkCase(page, gaps, 'program: rewrites its worker\'s requests (truth forgery)', report);
  // 32: and a benign project imported afterwards in the same tab gets the same truth too.
  await importWithSource(covid.starterSource);
  expect(await truthOf()).toBe(cleanTruth);
  await checkCase(page, gaps, 'program: a clean model after the forger', report);
  // 33: a model that floods the page through its port after each call: its worker is killed, the page renders.
  await importWithSource(portFloodingModel(covid.starterSource));
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  // Started by hand, not with calibrate.start(): that waits to see "running", and this run may fail
  // before the first look (its first answer already floods).
  await page.getByTestId('calibrate.start').click();
  await expect(calibrate.progress()).toHaveAttribute('data-status', /done|failed/, { timeout: 120_000 });
  await checkCase(page, gaps, 'program: floods the page through its port', report);
  // 34: a parameter named as a link: charts show it as text, no link anywhere in a chart.
  await importWithSource(linkNamedModel(listener));
  await studio.goto('calibrate');
  await calibrate.configure({ method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 });
  await calibrate.start();
  await calibrate.waitForStatus('done');
  await expect(page.locator('.plot[data-ready="true"]').first()).toBeVisible();
  expect(await page.locator('.plot a[href*="127.0.0.1"]').count()).toBe(0);
  await checkCase(page, gaps, 'program: a parameter named <a href=…>', report);
  // 35: the sandbox iframe disappears (as when its process crashes): detected and rebuilt. Where the
  // heartbeat notices it decides the first run's fate, and both outcomes are right: noticed while the
  // program was being loaded, the load is replayed on the rebuilt sandbox and the run completes (with
  // no failed candidate); noticed during the search, the run fails with the reason (a real
  // out-of-memory is in e2e/sandboxCrash.spec.ts). Either way the next run completes.
  await page.locator('iframe[data-gsim-sandbox]').evaluate((f) => f.remove());
  await expect(page.locator('iframe[data-gsim-sandbox]')).toHaveCount(0);
  await calibrate.start();
  await expect(calibrate.progress()).toHaveAttribute('data-status', /^(done|failed)$/, { timeout: 120_000 });
  if ((await calibrate.progress().getAttribute('data-status')) === 'failed') {
    await expect(calibrate.progress()).toContainText('the simulation sandbox stopped responding');
  } else {
    await expect(calibrate.progress()).not.toContainText(/failed|stopped responding/);
  }
  await calibrate.start();
  await calibrate.waitForStatus('done');
  await expect(page.locator('iframe[data-gsim-sandbox]')).toHaveCount(1);
  await checkCase(page, gaps, 'sandbox: its iframe is gone, then a calibration', report);
  console.log(`\nhostile programs (${report.length} cases)\n${report.join('\n')}`);
});

/** A minimal well-formed run record of the exported project, to mutate. */
function runOf(j: Record<string, any>) {
  return {
    id: `run-${Math.random()}`, projectId: j.project.id, createdAt: 1, finishedAt: 2, settings: { method: 'ga', generations: 2, popsize: 8, mc: 1, seed: 1 },
    codeHash: 'h', parameters: [{ name: 'beta', min: 0, max: 2 }, { name: 'gamma', min: 0, max: 1 }], status: 'done', iteration: 2, totalIterations: 2,
    history: [], traces: [], simulations: 0, failures: 0,
  };
}
