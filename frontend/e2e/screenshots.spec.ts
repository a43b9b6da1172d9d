import { expect, test, type Page } from '@playwright/test';

import { openStatusPage, RESIDENT, screenshot, signIn, SLUG, speak } from './support';

// Every page of the residents' side at a desktop and a phone width, in both languages, saved
// under e2e-results/screenshots for a person to look at.
const WIDTHS = [1280, 375] as const;
const LANGUAGES = ['fr', 'en'] as const;

async function ready(page: Page) {
  await expect(page.locator('.spinner')).toHaveCount(0);
}

for (const language of LANGUAGES) {
  for (const width of WIDTHS) {
    test.describe(`${language} at ${width} px`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

      test('public pages', async ({ page }) => {
        await speak(page, language);
        await openStatusPage(page);
        await ready(page);
        await screenshot(page, `status-${language}-${width}`);
        await page.locator('.strip__day').first().focus();
        await screenshot(page, `status-day-${language}-${width}`);

        await page.goto(`/c/${SLUG}/report`);
        await ready(page);
        await screenshot(page, `report-${language}-${width}`);
        await page.getByRole('button', { name: /Envoyer le signalement|Send the report/ }).click();
        await screenshot(page, `report-errors-${language}-${width}`);

        await page.goto(`/c/${SLUG}/signup`);
        await ready(page);
        await screenshot(page, `signup-${language}-${width}`);
        await page.getByRole('button', { name: /Créer mon compte|Create my account/ }).click();
        await screenshot(page, `signup-errors-${language}-${width}`);

        await page.goto('/login');
        await screenshot(page, `login-${language}-${width}`);
      });

      test('resident pages', async ({ page }) => {
        await speak(page, language);
        await signIn(page, RESIDENT);
        await ready(page);
        await screenshot(page, `my-tickets-${language}-${width}`);
        const first = page.locator('.ticket-card h2 a').first();
        if ((await first.count()) > 0) {
          await first.click();
          await expect(page.getByTestId('ticket-detail')).toBeVisible();
          await screenshot(page, `ticket-${language}-${width}`);
        }
      });
    });
  }
}
