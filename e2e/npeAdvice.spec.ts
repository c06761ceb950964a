import { expect, test } from './fixtures.ts';

// NPE's budget for a program with many parameters (issue #14): 1,000 simulations per round missed the truth of
// a 12-parameter test model that 3,000 fitted, so past 4 free parameters the settings advise 250 per parameter.
test('NPE advises more simulations per round for a program with more than 4 free parameters, and stops once they are set', async ({ studio, code, npe, page }) => {
  await studio.open();
  await studio.newProjectFromWelcome('covid');
  await studio.goto('calibrate');
  await npe.configure({ sims: 500 });
  const settings = page.getByTestId('calibrate.settings');
  await expect(settings).toContainText('500 simulated copies of the train split');
  await expect(settings).not.toContainText('parameters to infer'); // the starter's 2 parameters

  // Four more free parameters (unused by step: the data cannot pin them, which is what NPE must learn).
  await studio.goto('code');
  await code.waitForEditor();
  await code.replaceAll('const parameters = {', 'const parameters = { a1: { min: 0, max: 1 }, a2: { min: 0, max: 1 }, a3: { min: 0, max: 1 }, a4: { min: 0, max: 1 },');
  await expect.poll(() => studio.state<number>('s.compile.status === "ok" ? s.compile.parameters.length : -1'), { timeout: 30_000 }).toBe(6);
  await studio.goto('calibrate');
  await expect(settings).toContainText('With 6 parameters to infer, 1,500 simulations per round are advised');
  await studio.screenshot('npe-advice');

  await npe.configure({ sims: 1500 });
  await expect(settings).toContainText('1,500 simulated copies of the train split');
  await expect(settings).not.toContainText('parameters to infer');
});
