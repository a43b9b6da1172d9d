import { expect, type APIRequestContext, type Page } from '@playwright/test';

import { MANAGER, RESIDENT, tokenFor } from '../support';
import { demoCondo, managerOpensIncident, residentReports, settled, unique } from './console-support';

/** A console page as the checks visit it: how to reach it, and variants showing more of it. */
export type ConsolePage = {
  name: string;
  open: (page: Page) => Promise<void>;
  /** The same page showing its forms and their messages. */
  variants?: { name: string; show: (page: Page) => Promise<void> }[];
};

/** Every console page built for tickets, incidents and maintenance, on the demo condo. */
export async function consolePages(request: APIRequestContext): Promise<ConsolePage[]> {
  const { id, spare } = await demoCondo(request);
  // A ticket still to triage and an open incident of their own, whatever earlier runs did.
  const ticketId = await residentReports(request, RESIDENT, id, { title: unique('Lumière du palier'), equipmentIds: [spare.id] });
  const managerToken = await tokenFor(request, MANAGER);
  const incidentId = await managerOpensIncident(request, managerToken, id, { title: unique('Eau tiède'), equipmentId: spare.id });
  const at = (path: string) => async (page: Page) => {
    await page.goto(`/console/${id}${path}`);
    await settled(page);
  };
  return [
    { name: 'tickets', open: at('/tickets') },
    {
      name: 'ticket',
      open: at(`/tickets/${ticketId}`),
      variants: [
        {
          name: 'ticket-errors',
          show: async (page) => {
            await page.getByRole('button', { name: /Clôturer|Close/ }).click();
            await page.getByRole('button', { name: /Confirmer la clôture|Confirm closing it/ }).click();
            await page.getByRole('button', { name: /Ajouter le commentaire interne|Add the internal comment/ }).click();
            // Without a title the conversion is refused here, before anything is sent.
            await page.getByRole('button', { name: /Choisir les équipements touchés|Choose the affected equipment/ }).click();
            await page.getByLabel(/Titre de l’incident|Incident title/).fill('');
            await page.getByRole('button', { name: /Créer l’incident|Create the incident/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
    { name: 'incidents', open: at('/incidents') },
    {
      name: 'incident',
      open: at(`/incidents/${incidentId}`),
      variants: [
        {
          name: 'incident-edit',
          show: async (page) => {
            await page.getByRole('button', { name: /Modifier le titre|Edit the title/ }).click();
            await page.getByLabel(/^Titre$|^Title$/).fill('');
            await page.getByRole('button', { name: /Enregistrer les modifications|Save the changes/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
    {
      name: 'new-incident',
      open: at('/incidents/new'),
      variants: [
        {
          name: 'new-incident-errors',
          show: async (page) => {
            await page.getByRole('button', { name: /Publier l’incident|Publish the incident/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
    {
      name: 'maintenance',
      open: at('/maintenance'),
      variants: [
        {
          name: 'maintenance-errors',
          show: async (page) => {
            await page.getByRole('button', { name: /Planifier une maintenance|Schedule maintenance/ }).click();
            await page.getByRole('button', { name: /^Planifier$|^Schedule$/ }).click();
            await expect(page.locator('.field__error').first()).toBeVisible();
          },
        },
      ],
    },
    { name: 'not-found', open: at('/no-such-part') },
  ];
}
