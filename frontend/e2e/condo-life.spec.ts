import { expect, test, type Page } from '@playwright/test';

import {
  expectNoHorizontalScroll,
  expectNoSeriousAccessibilityViolation,
  RESIDENT,
  screenshot,
  signIn,
  SLUG,
  speak,
} from './support';

const EXPENSES = `/c/${SLUG}/expenses`;
const STATISTICS = `/c/${SLUG}/statistics`;

async function drawn(page: Page, chart: string): Promise<void> {
  await expect(page.getByTestId(chart)).toHaveAttribute('data-state', 'drawn');
}

test('a resident reads the year’s expenses, its budget against them, and the statistics, without a way to change them', async ({ page }) => {
  const year = new Date().getFullYear();
  await signIn(page, RESIDENT, `/c/${SLUG}`);
  const account = page.getByRole('navigation', { name: 'Compte' });
  await account.getByRole('link', { name: 'Dépenses' }).click();
  await expect(page).toHaveURL(new RegExp(`${EXPENSES}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Dépenses et budget' })).toBeVisible();
  await expect(page.getByText('Résidence Les Tilleuls', { exact: true })).toBeVisible();

  // The ledger: the demo's expenses, a total, the CSV; nothing to record, correct or void.
  await expect(page.getByTestId('expense').first()).toBeVisible();
  await expect(page.getByTestId('ledger-total')).toHaveText(/Total .*€/);
  await expect(page.getByRole('button', { name: /Exporter/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Enregistrer une dépense/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Corriger|^Annuler la dépense|^Historique/ })).toHaveCount(0);

  // Spend against the budget for the year, by month and by category.
  await page.getByRole('link', { name: 'Dépenses face au budget' }).click();
  await expect(page).toHaveURL(new RegExp(`view=spend&year=${year}`));
  await expect(page.getByTestId('figures-by-category')).toContainText('Énergie');
  await drawn(page, 'chart-by-month');
  await expect(page.getByTestId('figures-by-month')).toContainText('€');

  // The budget, read only.
  await page.getByRole('link', { name: 'Budget', exact: true }).click();
  await expect(page.getByTestId('budget-state').or(page.getByTestId('budget-none'))).toBeVisible();
  await expect(page.getByRole('button', { name: /Proposer le budget|Enregistrer l’approbation/ })).toHaveCount(0);

  // The statistics: incidents over the last 12 months, each piece of equipment's availability.
  await account.getByRole('link', { name: 'Statistiques' }).click();
  await expect(page).toHaveURL(new RegExp(`${STATISTICS}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiques' })).toBeVisible();
  await drawn(page, 'chart-incidents');
  await expect(page.getByTestId('chart-incidents').locator('figcaption')).toHaveText(/\d+ incidents sur la période\./);
  const lift = page.getByTestId('figures-equipment').getByRole('row', { name: /Ascenseur A1/ });
  await expect(lift.getByRole('cell').nth(4)).toHaveText(/\d+,\d+\s%/);
  await expect(page.getByTestId('formula')).toContainText('Disponibilité = ');
  await page.getByLabel('Année civile').check();
  await page.getByLabel('Année', { exact: true }).selectOption(String(year));
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  await expect(page.getByTestId('statistics-period')).toHaveText(new RegExp(`Du 1 janv\\. ${year} au 31 déc\\. ${year}`));
});

test('a condo the account does not belong to shows neither its expenses nor its statistics', async ({ page }) => {
  await signIn(page, RESIDENT, '/c/une-autre-copro/expenses');
  await expect(page.getByTestId('not-a-member')).toContainText('Copropriété introuvable');
});

test('the residents’ expenses and statistics pages pass axe-core', async ({ page }) => {
  await signIn(page, RESIDENT, EXPENSES);
  await expect(page.getByTestId('expense').first()).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page, 'the residents’ ledger');
  await page.goto(`${EXPENSES}?view=spend`);
  await drawn(page, 'chart-by-month');
  await expectNoSeriousAccessibilityViolation(page, 'the residents’ spend against the budget');
  await page.goto(STATISTICS);
  await drawn(page, 'chart-incidents');
  await expectNoSeriousAccessibilityViolation(page, 'the residents’ statistics');
});

for (const language of ['fr', 'en'] as const) {
  for (const width of [1280, 375]) {
    test(`the residents’ expenses and statistics at ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await speak(page, language);
      await signIn(page, RESIDENT, EXPENSES);
      await expect(page.getByTestId('expense').first()).toBeVisible();
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `resident-expenses-${language}-${width}`);
      await page.goto(`${EXPENSES}?view=spend`);
      await drawn(page, 'chart-by-month');
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `resident-spend-${language}-${width}`);
      await page.goto(STATISTICS);
      await drawn(page, 'chart-incidents');
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `resident-statistics-${language}-${width}`);
    });
  }
}
