import { expect, test } from '@playwright/test';

import { MANAGER } from '../support';
import { settled, signInToConsole } from './console-support';

// Each console part's texts arrive with its page; switching language on the way reads them all in
// the new language at once, those already loaded and those loaded afterwards.
test('the console switches to English and back without a reload, every part following', async ({ page }) => {
  await signInToConsole(page, MANAGER);
  await settled(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Signalements' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await expect(page.getByText('Management console')).toBeVisible();

  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Maintenance' }).click();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Maintenance' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Planned' })).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maintenances' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('link', { name: 'Ouvrir un incident' })).toBeVisible();
});
