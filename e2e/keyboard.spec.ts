import { expect, test } from './fixtures.ts';

test('the studio can be driven from the keyboard', async ({ studio, page }) => {
  await studio.open();
  // Tab to the first benchmark card and open it.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByTestId('welcome.covid').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByTestId('welcome.covid')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('panel.knowledge')).toBeVisible();

  // Alt+number jumps to a step; arrow keys move along the step tabs.
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('panel.calibrate')).toBeVisible();
  await page.getByTestId('nav.calibrate').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel.diagnostics')).toBeVisible();
  await expect(page.getByTestId('nav.diagnostics')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('panel.knowledge')).toBeVisible();

  // Focus is visible on the focused tab (a 2px outline).
  const outline = await page.getByTestId('nav.knowledge').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
