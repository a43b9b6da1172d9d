import { expect, test } from '@playwright/test';

import { expectNoHorizontalScroll, openStatusPage, RESIDENT, signIn, SLUG } from './support';

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

test('the status page fits a 375 px phone without horizontal scroll', async ({ page }) => {
  await openStatusPage(page);
  await expectNoHorizontalScroll(page, 375);
  // Folded buildings opened too: their strips must fit as well.
  for (const summary of await page.locator('summary').all()) await summary.click();
  await expectNoHorizontalScroll(page, 375);
});

test('the report form fits a 375 px phone, with its messages shown', async ({ page }) => {
  await page.goto(`/c/${SLUG}/report`);
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 375);
});

test('sign-up and my tickets fit a 375 px phone', async ({ page }) => {
  await page.goto(`/c/${SLUG}/signup`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page, 375);
  await signIn(page, RESIDENT);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes signalements' })).toBeVisible();
  await expectNoHorizontalScroll(page, 375);
});
