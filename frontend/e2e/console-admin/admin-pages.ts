import { expect, type APIRequestContext, type Page } from '@playwright/test';

import { demoCondo, settled } from '../console/console-support';
import type { ConsolePage } from '../console/pages';

/** Shows the messages a form's fields get when it is sent as it is. */
async function sendEmpty(page: Page, opener: RegExp | null, submit: RegExp): Promise<void> {
  if (opener) await page.getByRole('button', { name: opener }).first().click();
  await page.getByRole('button', { name: submit }).first().click();
  await expect(page.locator('.field__error').first()).toBeVisible();
}

/** Every page of buildings, members, expenses and statistics, with its forms and their messages. */
export async function adminPages(request: APIRequestContext): Promise<ConsolePage[]> {
  const { id } = await demoCondo(request);
  const nextYear = new Date().getFullYear() + 1;
  const at = (path: string) => async (page: Page) => {
    await page.goto(`/console/${id}${path}`);
    await settled(page);
  };
  return [
    {
      name: 'buildings',
      open: at('/buildings'),
      variants: [
        {
          name: 'buildings-forms',
          show: async (page) => {
            await sendEmpty(page, /^(Ajouter un bâtiment|Add a building)$/, /^(Ajouter un bâtiment|Add a building)$/);
            await page.getByRole('button', { name: /^(Changer le statut manuel de|Change the manual status of) / }).first().click();
            await page.getByRole('button', { name: /^(Retirer|Retire) .+/ }).first().click();
          },
        },
        {
          name: 'buildings-equipment-form',
          show: async (page) => {
            await sendEmpty(page, /^(Ajouter un équipement dans|Add equipment to) /, /^(Ajouter un équipement|Add equipment)$/);
          },
        },
      ],
    },
    {
      name: 'members',
      open: at('/members'),
      variants: [
        {
          name: 'members-errors',
          show: async (page) => {
            await sendEmpty(page, null, /^(Créer le compte|Create the account)$/);
            await sendEmpty(page, null, /^(Envoyer l’invitation|Send the invitation)$/);
            await page.getByRole('button', { name: /^(Retirer|Remove) .+ (de la copropriété|from the condominium)$/ }).first().click();
          },
        },
      ],
    },
    {
      name: 'expenses-ledger',
      open: at('/expenses'),
      variants: [
        {
          name: 'expenses-ledger-forms',
          show: async (page) => {
            await page.getByRole('button', { name: /^(Historique de la dépense|History of the expense)/ }).first().click();
            await expect(page.getByTestId('expense-history')).toBeVisible();
            await sendEmpty(page, /^(Enregistrer une dépense|Record an expense)$/, /^(Enregistrer une dépense|Record an expense)$/);
          },
        },
      ],
    },
    {
      name: 'expenses-budget',
      open: at('/expenses?view=budget'),
      variants: [
        {
          name: 'expenses-budget-amendment',
          show: async (page) => {
            await page.locator('input[id$="-works"]').fill('1');
            await page.getByRole('button', { name: /^(Enregistrer l’amendement|Save the amendment)$/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
    { name: 'expenses-budget-none', open: at(`/expenses?view=budget&year=${nextYear + 1}`) },
    { name: 'expenses-spend', open: at('/expenses?view=spend') },
    {
      name: 'statistics',
      open: at('/statistics'),
      variants: [
        {
          name: 'statistics-custom-period',
          show: async (page) => {
            await page.getByRole('radio', { name: /Dates au choix|Any dates/ }).check();
            await page.getByRole('textbox', { name: /^(Du|From)$/ }).fill('2026-03-31');
            await page.getByRole('textbox', { name: /^(Au|To)$/ }).fill('2026-03-01');
            await page.getByRole('button', { name: /^(Afficher|Show)$/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
  ];
}
