import { expect, test } from '@playwright/test';

import { openStatusPage, SLUG } from './support';

test('French by default, English on demand, and the choice is remembered', async ({ page }) => {
  await openStatusPage(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Incidents en cours' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Comment le statut est calculé' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Open incidents' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How the status is computed' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Open incidents' })).toBeVisible();
  await page.goto(`/c/${SLUG}/report`);
  await expect(page.getByRole('heading', { level: 1, name: 'Report a problem' })).toBeVisible();
  await expect(page.getByLabel('Title')).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signaler un problème' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Titre')).toBeVisible();
});
