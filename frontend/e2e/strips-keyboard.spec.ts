import { expect, test } from '@playwright/test';

import { openStatusPage } from './support';

test('the 90-day strips are used with the keyboard alone, each day saying what it was', async ({ page }) => {
  await openStatusPage(page);
  // Only open buildings show their strips at once: reach the first day by tabbing, as a
  // keyboard user would.
  let reached = false;
  for (let presses = 0; presses < 60 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('strip__day') ?? false);
  }
  expect(reached, 'a strip is reached with Tab').toBe(true);

  const label = await page.locator('ol.strip__days', { has: page.locator('.strip__day:focus') }).getAttribute('aria-label');
  expect(label).toMatch(/: les 90 derniers jours$/);
  const strip = page.getByRole('list', { name: label!, exact: true });
  const days = strip.getByRole('listitem');
  await expect(days).toHaveCount(90);
  await expect(days.last()).toBeFocused();
  // Today names its date, its worst status in words, and its incidents.
  await expect(days.last()).toHaveText(/^\p{L}+ \d{1,2} \p{L}+ \d{4} : .+\.$/u);
  await expect(page.getByTestId('strip-detail')).toBeVisible();

  await page.keyboard.press('ArrowLeft');
  await expect(days.nth(88)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(days.first()).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(days.nth(7)).toBeFocused();
  await page.keyboard.press('End');
  await expect(days.last()).toBeFocused();

  // One tab stop per strip: Tab leaves it rather than walking its 90 days.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  await expect(strip.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(days.nth(88)).toBeFocused();
});
