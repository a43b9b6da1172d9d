import { expect, test } from '@playwright/test';

import { MANAGER } from '../support';
import { demoCondo, signInToConsole } from '../console/console-support';
import { expectMessageBeside, openPart } from './admin-support';

test('statistics show the last 12 months by default, any calendar year, and any two days', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'statistics');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
  await expect(page.getByLabel('12 derniers mois')).toBeChecked();
  await expect(page.getByTestId('chart-incidents')).toHaveAttribute('data-state', 'drawn');
  // The demo's year: some thirty incidents, each piece of equipment with its figures.
  await expect(page.getByTestId('chart-incidents').locator('figcaption')).toHaveText(/\d+ incidents sur la période\./);
  const lift = page.getByTestId('figures-equipment').getByRole('row', { name: /Ascenseur A1/ });
  await expect(lift.getByRole('cell').nth(4)).toHaveText(/\d+,\d+\s%/);
  await expect(page.getByTestId('formula')).toContainText('Disponibilité = temps pendant lequel l’équipement était affiché');

  // A calendar year: the address names it.
  const year = new Date().getFullYear();
  await page.getByLabel('Année civile').check();
  await page.getByLabel('Année', { exact: true }).selectOption(String(year));
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  await expect(page.getByTestId('statistics-period')).toHaveText(new RegExp(`Du 1 janv\\. ${year} au 31 déc\\. ${year}`));

  // Any two days: an end before the start is refused beside the field, before asking.
  await page.getByLabel('Dates au choix').check();
  await page.getByLabel('Du', { exact: true }).fill(`${year}-03-31`);
  await page.getByLabel('Au', { exact: true }).fill(`${year}-03-01`);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expectMessageBeside(page.getByLabel('Au', { exact: true }), /ne peut pas précéder la date de début/);
  await page.getByLabel('Du', { exact: true }).fill(`${year - 6}-01-01`);
  await page.getByLabel('Au', { exact: true }).fill(`${year}-03-01`);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expectMessageBeside(page.getByLabel('Au', { exact: true }), /cinq ans au plus/);
  await page.getByLabel('Du', { exact: true }).fill(`${year}-01-01`);
  await page.getByLabel('Au', { exact: true }).fill(`${year}-01-31`);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByTestId('statistics-period')).toHaveText(new RegExp(`Du 1 janv\\. ${year} au 31 janv\\. ${year}`));

  // In English, the formula reads as the service publishes it.
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByTestId('formula')).toContainText('Availability = time the equipment was shown as operational or maintenance');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
});
