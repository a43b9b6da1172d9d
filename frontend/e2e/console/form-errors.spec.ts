import { expect, test } from '@playwright/test';

import { command, MANAGER, RESIDENT, tokenFor } from '../support';
import { demoCondo, localTime, managerOpensIncident, residentReports, settled, signInToConsole, unique } from './console-support';

// Each console form given wrong values, and each command refused by the server because things
// changed meanwhile: the message is worded beside the field or the action, in the visitor's
// language, never the server's code.

test('a ticket moved meanwhile: the refused move says so, and the moves offered follow its real state', async ({ page, request }) => {
  const condo = await demoCondo(request);
  const ticketId = await residentReports(request, RESIDENT, condo.id, { title: unique('Interphone muet'), equipmentIds: [condo.spare.id] });
  await signInToConsole(page, MANAGER);
  await page.goto(`/console/${condo.id}/tickets/${ticketId}`);
  await settled(page);

  // Another manager closes it as a duplicate while this page is open.
  const token = await tokenFor(request, MANAGER);
  await command(request, token, `/tickets/${ticketId}/close`, { reason: 'Doublon du signalement de ce matin.' });

  const moves = page.getByTestId('ticket-moves');
  await moves.getByRole('button', { name: 'Prendre en charge' }).click();
  await moves.getByRole('button', { name: 'Confirmer la prise en charge' }).click();
  await expect(moves.getByRole('alert')).toHaveText('Ce signalement a changé d’état entre-temps : cette action n’est plus possible.');
  await expect(moves.getByRole('button')).toHaveText(['Rouvrir']);
  await expect(page.getByTestId('ticket-status').first()).toHaveText('Clôturé');
});

test('an incident resolved meanwhile: the refused status change says so in English too', async ({ page, request }) => {
  const condo = await demoCondo(request);
  const token = await tokenFor(request, MANAGER);
  const incidentId = await managerOpensIncident(request, token, condo.id, { title: unique('Gâche électrique'), equipmentId: condo.spare.id });
  await page.addInitScript(() => localStorage.setItem('copro.language', 'en'));
  await signInToConsole(page, MANAGER);
  await page.goto(`/console/${condo.id}/incidents/${incidentId}`);
  await settled(page);

  await command(request, token, `/incidents/${incidentId}/updates`, { message: 'Réparée.', status: 'resolved' });
  await page.getByRole('radio', { name: 'Resolve' }).check();
  await page.getByLabel('Update message').fill('The electrician fixed it.');
  await page.getByRole('button', { name: 'Post the update' }).click();
  const update = page.getByTestId('incident-update');
  await expect(update.getByRole('alert')).toHaveText(
    'The incident changed state meanwhile: this status change is no longer possible.',
  );
  await expect(update.getByLabel('Update message'), 'what was typed stays').toHaveValue('The electrician fixed it.');
  await expect(update.getByRole('radio')).toHaveCount(3);
  await expect(update.getByRole('radio', { name: 'Reopen' })).toBeVisible();
});

test('opening an incident with wrong values: every problem beside its field, nothing sent', async ({ page, request }) => {
  const condo = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await page.goto(`/console/${condo.id}/incidents/new`);
  await settled(page);
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/incidents')) sent += 1;
  });
  await page.getByLabel('Titre').fill('Ab');
  await page.getByLabel('Début').fill(localTime(3, 10));
  await page.getByRole('button', { name: 'Publier l’incident' }).click();
  await expect(page.getByLabel('Titre')).toHaveAccessibleDescription(/Au moins 3 caractères\./);
  await expect(page.getByLabel('Message publié')).toHaveAccessibleDescription(/Ce champ est obligatoire\./);
  await expect(page.getByText('Cochez au moins un équipement en panne.')).toBeVisible();
  await expect(page.getByLabel('Début')).toHaveAccessibleDescription(/Le début ne peut pas être dans le futur\./);
  expect(sent).toBe(0);
});

test('scheduling, extending and cancelling maintenance with wrong values', async ({ page, request }) => {
  const condo = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await page.goto(`/console/${condo.id}/maintenance`);
  await settled(page);
  await page.getByRole('button', { name: 'Planifier une maintenance' }).click();
  const title = unique('Graissage des gonds');
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Début').fill(localTime(4, 14));
  await page.getByLabel('Fin').fill(localTime(4, 9));
  await page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(page.getByLabel('Fin')).toHaveAccessibleDescription(/La fin doit venir après le début\./);
  await expect(page.getByText('Cochez au moins un équipement.', { exact: true }).first()).toBeVisible();

  await page.getByRole('group', { name: 'Équipements communs' }).getByRole('checkbox', { name: condo.spare.name, exact: true }).check();
  await page.getByLabel('Fin').fill(localTime(4, 16));
  await page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(page.getByText('Maintenance planifiée.')).toBeVisible();

  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await card.getByRole('button', { name: 'Prolonger' }).click();
  await card.getByLabel('Nouvelle fin').fill(localTime(4, 15));
  await card.getByRole('button', { name: 'Prolonger jusqu’à cette heure' }).click();
  await expect(card.getByLabel('Nouvelle fin')).toHaveAccessibleDescription(/plus tardive que la fin prévue/);
  await card.getByLabel('Nouvelle fin').fill(localTime(4, 18));
  await card.getByRole('button', { name: 'Prolonger jusqu’à cette heure' }).click();
  await expect(card).toContainText('18:00');

  await card.getByRole('button', { name: 'Annuler la maintenance' }).click();
  await card.getByLabel('Motif de l’annulation').fill('no');
  await card.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(card.getByLabel('Motif de l’annulation')).toHaveAccessibleDescription(/Au moins 3 caractères\./);
  await card.getByLabel('Motif de l’annulation').fill('Prestataire indisponible.');
  await card.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(
    page.getByRole('region', { name: 'Passées' }).getByRole('listitem').filter({ hasText: title }).getByTestId('window-state'),
  ).toHaveText('Annulée');
});
