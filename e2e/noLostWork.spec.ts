import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { StudioPage } from './pages/StudioPage.ts';

/**
 * No lost work: edits and runs are autosaved; a tab closed mid-calibration comes back with the run
 * marked interrupted; two tabs on one project never overwrite each other silently; an exported project
 * never carries the API key.
 */
test('a tab closed during a GA run reopens with the project and the run marked interrupted', async ({ studio, knowledge, calibrate, page, context }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await knowledge.text().fill('# Knowledge typed just before the run');
  await expect.poll(() => studio.state<boolean>('s.dataset !== null && s.compile.status === "ok"'), { timeout: 60_000 }).toBe(true);
  // A budget far longer than the test: the run is certainly still going when the tab dies.
  await studio.goto('calibrate');
  await calibrate.configure({ generations: 500, popsize: 200 });
  await calibrate.start();
  const runId = await studio.state<string>('s.activeRunId');
  expect(runId).not.toBeNull();
  // Wait until the run has made progress and that progress reached IndexedDB, then kill the tab.
  await expect.poll(() => studio.state<number>(`s.runs.find((r) => r.id === ${JSON.stringify(runId)}).history.length`), { timeout: 60_000 }).toBeGreaterThan(0);
  await studio.flushSaves();
  expect(await studio.state<string>(`s.runs.find((r) => r.id === ${JSON.stringify(runId)}).status`)).toBe('running');
  await page.close({ runBeforeUnload: false });

  const again = new StudioPage(await context.newPage());
  await again.open();
  expect(await again.state<string>('s.knowledge')).toBe('# Knowledge typed just before the run');
  expect(await again.state<string>(`s.runs.find((r) => r.id === ${JSON.stringify(runId)}).status`)).toBe('interrupted');
  expect(await again.state<number>(`s.runs.find((r) => r.id === ${JSON.stringify(runId)}).history.length`)).toBeGreaterThan(0);
  await again.goto('history');
  await expect(again.page.getByTestId('history.row').first()).toContainText(/interrupted/i);
  await again.screenshot('nolost-01-interrupted');
});

test('two tabs on one project: the second writer is stopped and chooses; nothing is overwritten silently', async ({ studio, knowledge, page, context }) => {
  await studio.open();
  await studio.newProjectFromWelcome('blank');
  await knowledge.text().fill('# Written in tab A');
  await studio.flushSaves();

  // Tab B opens the same project (the last one opened), then A saves again.
  const tabB = new StudioPage(await context.newPage());
  await tabB.open();
  const textB = tabB.page.getByTestId('knowledge.text');
  await expect(textB).toHaveValue('# Written in tab A');
  await knowledge.text().fill('# Tab A, second edit');
  await studio.flushSaves();

  // B is told at once (BroadcastChannel), before it saves anything.
  await expect(tabB.page.getByTestId('concurrentEdit')).toBeVisible();
  await expect(page.getByTestId('concurrentEdit')).toHaveCount(0);
  // B edits anyway: its save is held back, storage keeps A's text, B's text stays on screen.
  await textB.fill('# Tab B edit, written on a stale copy');
  await tabB.flushSaves();
  await tabB.screenshot('nolost-02-two-tabs');
  const storedKnowledge = () =>
    page.evaluate(async () => {
      const id = window.__studioTestApi!.getState().meta!.id;
      const db = await new Promise<IDBDatabase>((r) => { const q = indexedDB.open('gsim-studio'); q.onsuccess = () => r(q.result); });
      const p = await new Promise<{ knowledge: string }>((r) => { const q = db.transaction('projects').objectStore('projects').get(id); q.onsuccess = () => r(q.result); });
      db.close();
      return p.knowledge;
    });
  expect(await storedKnowledge()).toBe('# Tab A, second edit');
  await expect(textB).toHaveValue('# Tab B edit, written on a stale copy');

  // B keeps its version as a copy: a new project; A's project is untouched.
  await tabB.page.getByTestId('concurrentEdit.copy').click();
  await expect(tabB.page.getByTestId('project.picker')).toContainText('Untitled project (my copy)');
  await expect(textB).toHaveValue('# Tab B edit, written on a stale copy');
  await expect(tabB.page.getByTestId('concurrentEdit')).toHaveCount(0);
  await tabB.flushSaves();
  expect(await storedKnowledge()).toBe('# Tab A, second edit');

  // A edits again: B now has its copy open, so nobody is in conflict; A saves normally.
  await knowledge.text().fill('# Tab A, third edit');
  await studio.flushSaves();
  expect(await storedKnowledge()).toBe('# Tab A, third edit');
  await expect(page.getByTestId('concurrentEdit')).toHaveCount(0);

  // "Reload their version": B goes back to the original, sees the notice after A saves, reloads A's text.
  await tabB.page.getByTestId('project.picker').selectOption({ label: 'Untitled project' });
  await expect(textB).toHaveValue('# Tab A, third edit');
  await knowledge.text().fill('# Tab A, fourth edit');
  await studio.flushSaves();
  await expect(tabB.page.getByTestId('concurrentEdit')).toBeVisible();
  await tabB.page.getByTestId('concurrentEdit.reload').click();
  await expect(textB).toHaveValue('# Tab A, fourth edit');
  await expect(tabB.page.getByTestId('concurrentEdit')).toHaveCount(0);

  // Leaving the project while held back first keeps B's edits as a copy: nothing is dropped silently.
  await knowledge.text().fill('# Tab A, fifth edit');
  await studio.flushSaves();
  await expect(tabB.page.getByTestId('concurrentEdit')).toBeVisible();
  await textB.fill('# Tab B edit, then B opens another project');
  await tabB.flushSaves();
  await tabB.newProjectFromMenu('blank');
  await tabB.flushSaves();
  const allKnowledge = () =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((r) => { const q = indexedDB.open('gsim-studio'); q.onsuccess = () => r(q.result); });
      const all = await new Promise<{ knowledge: string }[]>((r) => { const q = db.transaction('projects').objectStore('projects').getAll(); q.onsuccess = () => r(q.result); });
      db.close();
      return all.map((p) => p.knowledge);
    });
  await expect.poll(allKnowledge, { timeout: 10_000 }).toContain('# Tab B edit, then B opens another project');
  expect(await storedKnowledge()).toBe('# Tab A, fifth edit');
});

test('an exported project carries its schema version and never the API key', async ({ studio, knowledge, page }) => {
  const SECRET = 'sk-e2e-never-export-0123456789';
  await studio.open();
  await studio.newProjectFromWelcome('blank');
  await knowledge.importFile('tiny.csv', 'trajectory,t,x\na,0,1\na,1,2\nb,0,1\nb,1,3\nc,0,2\nc,1,2\n');
  await page.getByTestId('settings.open').click();
  await page.getByTestId('settings.apiKey').fill(SECRET);
  await page.getByTestId('settings.rememberKey').check();
  await page.getByTestId('settings.done').click();
  await studio.flushSaves();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'gsim-project', schemaVersion: 1 });
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('sk-e2e');
  // Nor in IndexedDB (only localStorage holds it, because "remember" was ticked).
  const idbDump = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((r) => { const q = indexedDB.open('gsim-studio'); q.onsuccess = () => r(q.result); });
    const names = [...db.objectStoreNames];
    const all = await Promise.all(names.map((n) => new Promise<unknown>((r) => { const q = db.transaction(n).objectStore(n).getAll(); q.onsuccess = () => r(q.result); })));
    db.close();
    return JSON.stringify(all);
  });
  expect(idbDump).not.toContain(SECRET);

  // A file with a newer schema version is refused with the path, and changes nothing.
  const bad = { ...JSON.parse(text), schemaVersion: 99 };
  await page.getByTestId('project.importFile').setInputFiles({ name: 'future.gsim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('notice.error')).toContainText('schemaVersion');
  expect(await studio.projectNames()).toHaveLength(1);
});
