import { expect, test } from './fixtures.ts';

/** Supply-chain style trajectories: none of the COVID project's variables. */
const OTHER = ['trajectory,t,inventory,backlog', 'a,0,20,0', 'a,1,18,1', 'a,2,15,3', 'b,0,20,0', 'b,1,17,0', 'b,2,16,2', 'c,0,20,0', 'c,1,19,2', 'c,2,18,1'].join('\n');

test('importing data with other variables warns and asks; after replacing, the editor flags step, and undo puts the data back', async ({ studio, knowledge, code, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await expect.poll(() => studio.state<boolean>('s.dataset !== null && s.compile.status === "ok"'), { timeout: 60_000 }).toBe(true);
  const before = await studio.state<string>('s.dataset.name');

  // The file is valid but observes other variables: nothing is replaced until the user says so.
  await knowledge.importFile('warehouse.csv', OTHER);
  const confirm = page.getByTestId('data.confirmImport');
  await expect(confirm).toContainText('inventory');
  await expect(confirm).toContainText('Missing');
  expect(await studio.state<string>('s.dataset.name')).toBe(before);
  await studio.screenshot('mismatch-01-confirm');
  await page.getByTestId('data.confirmImport.cancel').click();
  await expect(confirm).toHaveCount(0);
  expect(await studio.state<string[]>('s.variables')).toEqual(['S', 'I', 'R']);

  // Replaced on purpose: the COVID program does not return `inventory`, and the editor says so.
  await knowledge.importFile('warehouse.csv', OTHER);
  await page.getByTestId('data.confirmImport.replace').click();
  await expect.poll(() => studio.state<string[]>('s.variables')).toEqual(['inventory', 'backlog']);
  await studio.goto('code');
  await expect(code.status()).toHaveText('Compiles, but step fails');
  // It reads S and I, which the new data lacks: step throws on the first data state.
  await expect(page.getByTestId('code.stepError')).toContainText("step from the data's first state");
  await studio.screenshot('mismatch-02-step-fails');

  // Undo: the benchmark data and its variables come back, and the program checks out again.
  await studio.goto('knowledge');
  await page.getByTestId('data.undoImport').click();
  await expect.poll(() => studio.state<string[]>('s.variables')).toEqual(['S', 'I', 'R']);
  expect(await studio.state<string>('s.dataset.name')).toBe(before);
  await studio.goto('code');
  await expect(code.status()).toContainText('Compiles');

  // Try one step: the returned state beside the data, every variable checked.
  await page.getByTestId('code.tryStep').click();
  await expect(page.getByTestId('code.stepTable')).toBeVisible();
  for (const v of ['S', 'I', 'R']) await expect(page.getByTestId(`code.step.${v}`)).toContainText('✓');

  // A program that compiles but returns no R is flagged by the same check.
  await code.waitForEditor();
  await code.replaceAll('R: R + newRec', 'X: R + newRec');
  await expect(code.status()).toHaveText('Compiles, but step fails');
  await expect(page.getByTestId('code.stepError')).toContainText('"R"');
  await studio.screenshot('mismatch-03-no-R');
});
