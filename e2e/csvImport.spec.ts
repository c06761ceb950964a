import { expect, test } from './fixtures.ts';

const GOOD = ['trajectory,t,S,I,R', 'a,0,990,10,0', 'a,1,985,14,1', 'a,2,979,18,3', 'b,0,995,5,0', 'b,1,992,7,1', 'b,2,990,8,2', 'c,0,980,20,0', 'c,1,970,27,3', 'c,2,960,33,7'];

test('a CSV with a malformed row is refused with its row and column, and nothing the user wrote is lost', async ({ studio, knowledge, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('blank');
  await knowledge.text().fill('# My epidemic\n\nA closed population; people get infected and recover.');

  const bad = GOOD.slice();
  bad[3] = 'a,2,979,abc,3'; // row 4 (header is row 1), column I
  await knowledge.dropFile('epidemic.csv', bad.join('\n')); // drag and drop

  await expect(knowledge.importError()).toBeVisible();
  await expect(knowledge.importErrorWhere()).toContainText('row 4');
  await expect(knowledge.importErrorWhere()).toContainText('I');
  await expect(knowledge.importErrorMessage()).toContainText('Row 4');
  await expect(knowledge.importErrorMessage()).toContainText('"I"');
  // The user's knowledge text and the file's text are both intact.
  await expect(knowledge.text()).toHaveValue(/closed population/);
  await expect(knowledge.importErrorText()).toHaveValue(/a,2,979,abc,3/);
  await expect(knowledge.page.getByTestId('data.importError.excerpt').locator('.bad')).toHaveText(/4\s*a,2,979,abc,3/);
  expect(await studio.state<unknown>('s.dataset')).toBeNull();
  await studio.screenshot('12-csv-error');

  // Fix the cell in place and import again.
  const text = await knowledge.importErrorText().inputValue();
  await knowledge.importErrorText().fill(text.replace('abc', '18'));
  await knowledge.retryImport();
  await expect(knowledge.importError()).toHaveCount(0);
  await expect(knowledge.summary()).toContainText('epidemic');
  expect(await studio.state<string[]>('s.variables')).toEqual(['S', 'I', 'R']);
  await studio.screenshot('13-csv-fixed');
});
