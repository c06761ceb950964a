import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

test('a project exports to one JSON file and imports back as a new project', async ({ studio, knowledge, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('blank');
  await knowledge.text().fill('# Exported knowledge');
  await knowledge.importFile('tiny.csv', 'trajectory,t,x\na,0,1\na,1,2\nb,0,1\nb,1,3\nc,0,2\nc,1,2\n');
  await expect(knowledge.summary()).toContainText('tiny');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project.export').click()]);
  expect(download.suggestedFilename()).toBe('untitled-project.gsim.json');
  const path = await download.path();
  const json = JSON.parse(await readFile(path, 'utf8'));
  expect(json).toMatchObject({ format: 'gsim-project', schemaVersion: 1 });

  await page.getByTestId('project.importFile').setInputFiles({ name: 'p.gsim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await expect(page.getByTestId('project.picker')).toContainText('Untitled project (imported)');
  await expect(knowledge.text()).toHaveValue('# Exported knowledge');
  expect(await studio.state<string[]>('s.variables')).toEqual(['x']);

  // A broken file is refused with the path of the problem, and changes nothing.
  json.project.variables = 'x';
  await page.getByTestId('project.importFile').setInputFiles({ name: 'bad.gsim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await expect(page.getByTestId('notice.error')).toContainText('project.variables');
  expect(await studio.projectNames()).toHaveLength(2);
});
