import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { MANAGER } from '../support';
import { demoCondo, signInToConsole, unique } from '../console/console-support';
import { expectMessageBeside, notice, openPart, today } from './admin-support';

/** The ledger as the CSV export gives it, with the filters on screen. */
async function exportedCsv(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^les-tilleuls-expenses-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFile(await file.path(), 'utf8');
}

/**
 * Opens the year's spend against the budget and expects what its "by category" chart's figures
 * say was spent in "Autre" to match; answers that text, then comes back to the ledger.
 */
async function otherSpent(page: Page, expected?: { is?: RegExp; isNot?: string }): Promise<string> {
  await page.getByRole('link', { name: 'Dépenses face au budget' }).click();
  await expect(page.getByTestId('chart-by-category')).toHaveAttribute('data-state', 'drawn');
  const spent = page.getByTestId('figures-by-category').locator('tr[data-category="other"] td').nth(1);
  if (expected?.is) await expect(spent).toHaveText(expected.is);
  if (expected?.isNot) await expect(spent).not.toHaveText(expected.isNot);
  const text = ((await spent.textContent()) ?? '').replace(/\s/g, ' ');
  await page.getByRole('link', { name: 'Grand livre' }).click();
  return text;
}

test('a manager records an expense, corrects it, and sees the chart and the CSV change', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'expenses');
  await expect(page.getByRole('heading', { level: 1, name: 'Dépenses et budget' })).toBeVisible();
  const before = await otherSpent(page);

  // Wrong values first: each message beside its field, nothing sent.
  await page.getByRole('button', { name: 'Enregistrer une dépense' }).click();
  const form = page.getByRole('form', { name: 'Nouvelle dépense' });
  await form.getByLabel('Date').fill('2099-01-01');
  await form.getByLabel('Montant (€)').fill('12,345');
  await form.getByRole('button', { name: 'Enregistrer une dépense' }).click();
  await expectMessageBeside(form.getByLabel('Date'), /ne peut pas être dans le futur/);
  await expectMessageBeside(form.getByLabel('Montant (€)'), /Deux chiffres au plus après la virgule\./);
  await expectMessageBeside(form.getByLabel('Catégorie'), /Ce champ est obligatoire\./);
  await expectMessageBeside(form.getByLabel('Fournisseur'), /Ce champ est obligatoire\./);
  await form.getByLabel('Montant (€)').fill('0');
  await form.getByRole('button', { name: 'Enregistrer une dépense' }).click();
  await expectMessageBeside(form.getByLabel('Montant (€)'), /supérieur à 0/);

  const supplier = unique('Serrurerie Dupont');
  await form.getByLabel('Date').fill(today());
  await form.getByLabel('Montant (€)').fill('1 234,56');
  await form.getByLabel('Catégorie').selectOption({ label: 'Autre' });
  await form.getByLabel('Fournisseur').fill(supplier);
  await form.getByLabel('Description').fill('Remplacement du cylindre de la porte du local vélos.');
  await form.getByLabel('Bâtiment').selectOption({ label: 'Bâtiment A' });
  await form.getByLabel('Référence de facture').fill('SD-2026-118');
  await form.getByRole('button', { name: 'Enregistrer une dépense' }).click();
  await expect(notice(page)).toHaveText('Dépense enregistrée.');
  const expense = page.getByTestId('expense').filter({ hasText: supplier });
  await expect(expense.getByTestId('expense-amount')).toHaveText(/1\s234,56\s€/);
  await expect(expense).toContainText('Concerne : Bâtiment A');

  const recorded = await otherSpent(page, { isNot: before });
  expect(await exportedCsv(page)).toContain(`1234,56;other;${supplier}`);

  // A correction sends the changed amount with its reason; nothing changed is said, not sent.
  await expense.getByRole('button', { name: new RegExp(`^Corriger la dépense du .*, ${supplier}$`) }).click();
  const correction = expense.getByRole('form', { name: /^Corriger la dépense du/ });
  await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(correction.getByRole('alert')).toHaveText(/Rien n’a changé/);
  await correction.getByLabel('Montant (€)').fill('1 324.56');
  await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expectMessageBeside(correction.getByLabel('Raison'), /Ce champ est obligatoire\./);
  await correction.getByLabel('Raison').fill('Montant mal recopié : facture de 1 324,56 €.');
  await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(notice(page)).toHaveText('Correction enregistrée.');
  await expect(expense.getByTestId('expense-amount')).toHaveText(/1\s324,56\s€/);
  await expect(expense).toContainText('Corrigée une fois');

  // Its history: recorded, then corrected with the reason and the new amount.
  await expense.getByRole('button', { name: new RegExp(`^Historique de la dépense du .*, ${supplier}$`) }).click();
  const history = expense.getByTestId('expense-history');
  await expect(history.getByRole('listitem').filter({ hasText: 'Enregistrée' }).first()).toContainText('par Claire Martin');
  await expect(history).toContainText('Raison : Montant mal recopié');
  await expect(history).toContainText(/Montant \(€\) : 1\s324,56\s€/);

  await otherSpent(page, { isNot: recorded });
  const csv = await exportedCsv(page);
  expect(csv).toContain(`1324,56;other;${supplier}`);
  expect(csv).not.toContain(`1234,56;other;${supplier}`);

  // Voided with a reason, it stays in the ledger when asked, and counts no more.
  await expense.getByRole('button', { name: new RegExp(`^Annuler la dépense du .*, ${supplier}$`) }).click();
  await expense.getByRole('button', { name: 'Annuler la dépense' }).last().click();
  await expectMessageBeside(expense.getByLabel('Raison'), /Ce champ est obligatoire\./);
  await expense.getByLabel('Raison').fill('Facture annulée par le fournisseur.');
  await expense.getByRole('button', { name: 'Annuler la dépense' }).last().click();
  await expect(notice(page)).toHaveText('Dépense annulée.');
  await expect(page.getByTestId('expense').filter({ hasText: supplier })).toHaveCount(0);
  await page.getByLabel('Afficher les dépenses annulées').check();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByTestId('expense').filter({ hasText: supplier })).toContainText('Annulée : Facture annulée par le fournisseur.');
  await otherSpent(page, { is: new RegExp(`^${before.replace(/ /g, '\\s')}$`) });
});

test('the ledger’s filters refuse an end before the start, and the CSV follows them', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'expenses');
  // Last month: the demo's year has an energy invoice on the first day of every month.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const month = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  const filters = page.getByRole('form', { name: 'Filtrer le grand livre' });
  await filters.getByLabel('Du').fill(`${month}-01`);
  await filters.getByLabel('Au').fill(`${last.getFullYear() - 1}-01-01`);
  await filters.getByRole('button', { name: 'Filtrer' }).click();
  await expectMessageBeside(filters.getByLabel('Au'), /ne peut pas précéder la date de début/);
  await filters.getByLabel('Au').fill(`${month}-28`);
  await filters.getByLabel('Catégorie').selectOption({ label: 'Énergie' });
  await filters.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByTestId('expense')).toHaveCount(1);
  await expect(page.getByTestId('expense')).toContainText('EDF Collectivités');
  const csv = await exportedCsv(page);
  const rows = csv.trim().split(/\r\n/);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatch(new RegExp(`^${month}-01;[0-9]+,[0-9]{2};energy;EDF Collectivités;`));
});
