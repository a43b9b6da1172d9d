import { expect, test, type Page } from '@playwright/test';

import { MANAGER, SLUG, signIn, signsUp, uniqueEmail } from '../support';
import { notice, openPart } from '../console-admin/admin-support';
import { demoCondo, localTime, MANAGER_NAME, residentReports, settled, signInToConsole, unique } from './console-support';

// Issue 10's journey: someone signs up as a resident; the manager activates them from the
// console; they report a broken lift; the manager assigns it, comments internally, replies
// publicly, converts it into an incident on two pieces of equipment, posts an update and
// resolves it; the public page and the resident's "my tickets" follow each step. Then the
// manager schedules a maintenance window the public page lists.
test('a manager activates a new resident, triages their ticket into an incident and resolves it, and the public page and the resident follow', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const condo = await demoCondo(request);
  const [lift, other] = condo.working;
  const title = unique('Ascenseur bloqué au 2e');
  const jeanne = { email: uniqueEmail('jeanne.roux'), password: 'un-mot-de-passe-de-jeanne', first_name: 'Jeanne', last_name: 'Roux' };
  await signsUp(request, jeanne, { copro_id: condo.id, building_id: condo.building.id, lot: 'B12' });

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  const visitor = await (await browser.newContext()).newPage();

  await test.step('the manager signs in and lands on the console’s tickets board', async () => {
    await signInToConsole(manager, MANAGER);
    await expect(manager).toHaveURL(new RegExp(`/console/${condo.id}/tickets$`));
    await expect(manager.getByRole('heading', { level: 1, name: 'Signalements' })).toBeVisible();
    await expect(manager.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link')).toHaveText([
      'Signalements',
      'Incidents',
      'Maintenances',
      'Bâtiments et équipements',
      'Membres',
      'Dépenses et budget',
      'Statistiques',
      'Audit',
    ]);
  });

  let ticketId = '';
  await test.step('activates the resident’s pending sign-up; the resident reports the broken lift', async () => {
    await openPart(manager, condo.id, 'members');
    const pending = manager.getByTestId('pending-signups').getByTestId('pending-member').filter({ hasText: jeanne.email });
    await pending.getByRole('button', { name: 'Activer le compte de Jeanne Roux' }).click();
    await expect(notice(manager)).toHaveText('Jeanne Roux peut maintenant se connecter.');
    ticketId = await residentReports(request, jeanne, condo.id, { title, equipmentIds: [lift.id] });
    await manager.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link', { name: 'Signalements' }).click();
    await settled(manager);
  });

  await test.step('finds the resident’s ticket by searching the board, and opens it', async () => {
    await manager.getByRole('searchbox', { name: 'Rechercher' }).fill(title.split(' ').at(-1)!);
    await manager.getByRole('button', { name: 'Rechercher' }).click();
    await expect(manager.getByText('1 signalement', { exact: true })).toBeVisible();
    await manager.getByRole('link', { name: title }).click();
    await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(manager.getByRole('region', { name: 'Auteur du signalement' })).toContainText('Jeanne Roux');
  });

  const comment = 'Appeler le dépanneur avant midi, contrat n° 42.';
  const reply = 'Merci, le dépanneur est prévenu.';
  await test.step('assigns it, comments internally and replies publicly', async () => {
    await manager.getByLabel('Gestionnaire assigné').selectOption({ label: MANAGER_NAME });
    await manager.getByRole('button', { name: 'Assigner' }).click();
    await expect(manager.getByText(`Assigné à ${MANAGER_NAME}.`)).toBeVisible();

    await manager.getByRole('textbox', { name: 'Commentaire interne' }).fill(comment);
    await manager.getByRole('button', { name: 'Ajouter le commentaire interne' }).click();
    await expect(manager.getByTestId('follow-up-internal')).toContainText(comment);
    await expect(manager.getByTestId('follow-up-internal')).toContainText('Commentaire interne');

    await manager.getByRole('textbox', { name: 'Réponse publique' }).fill(reply);
    await manager.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(manager.getByTestId('follow-up-reply')).toContainText(reply);
    await expect(manager.getByTestId('follow-up-reply')).toContainText('Réponse publique');
  });

  await test.step('the resident sees the public reply in “my tickets”, never the internal comment', async () => {
    await signIn(resident, jeanne, `/me/tickets/${ticketId}`);
    const followUp = resident.getByRole('region', { name: 'Suivi' });
    await expect(followUp).toContainText(reply);
    await expect(followUp).not.toContainText(comment);
  });

  await test.step('takes the ticket on: only the moves the rules allow are offered next', async () => {
    const moves = manager.getByTestId('ticket-moves');
    await expect(moves.getByRole('button')).toHaveText(['Prendre en charge', 'Clôturer']);
    await moves.getByRole('button', { name: 'Prendre en charge' }).click();
    await moves.getByRole('button', { name: 'Confirmer la prise en charge' }).click();
    await expect(manager.getByTestId('ticket-status').first()).toHaveText('En cours de traitement');
    await expect(moves.getByRole('button')).toHaveText(['Marquer résolu']);
  });

  let incidentUrl = '';
  await test.step('converts it into an incident on two pieces of equipment', async () => {
    const convert = manager.getByRole('region', { name: 'Convertir en nouvel incident' });
    await convert.getByRole('button', { name: 'Choisir les équipements touchés' }).click();
    const building = convert.getByRole('group', { name: condo.building.name });
    await expect(building.getByRole('checkbox', { name: lift.name, exact: true })).toBeChecked();
    await building.getByRole('checkbox', { name: other.name, exact: true }).check();
    await convert.getByLabel(`Impact sur ${lift.name}`).selectOption({ label: 'Panne majeure' });
    await convert.getByLabel(`Impact sur ${other.name}`).selectOption({ label: 'Dégradé' });
    await convert.getByRole('button', { name: 'Créer l’incident' }).click();
    await manager.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentUrl = manager.url();
    await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const affected = manager.locator('.affected li');
    await expect(affected).toHaveCount(2);
    await expect(affected.filter({ hasText: lift.name })).toContainText('Panne majeure');
    await expect(affected.filter({ hasText: other.name })).toContainText('Dégradé');
  });
  const incidentId = incidentUrl.split('/').at(-1)!;

  await test.step('the public page shows the incident and the outage at once', async () => {
    await visitor.goto(`/c/${SLUG}`);
    await expect(visitor.getByTestId(`incident-${incidentId}`)).toContainText(title);
    await expect(visitor.getByTestId(`equipment-${lift.id}`).getByTestId('status-label')).toHaveAttribute('data-status', 'major_outage');
    await expect(visitor.getByTestId(`equipment-${other.id}`).getByTestId('status-label')).toHaveAttribute('data-status', 'degraded');
  });

  const update = 'Le dépanneur interviendra demain à 9 h.';
  await test.step('posts an update without a status change: the public timeline shows it', async () => {
    await manager.getByLabel('Message de la mise à jour').fill(update);
    await manager.getByRole('button', { name: 'Publier la mise à jour' }).click();
    await expect(manager.getByTestId('incident-timeline-entry').first()).toContainText(update);
    await visitor.reload();
    await expect(visitor.getByTestId(`incident-${incidentId}`)).toContainText(update);
  });

  await test.step('resolves it: the public page shows the lift working again, the resident their ticket resolved', async () => {
    await manager.getByRole('radio', { name: 'Résoudre' }).check();
    await manager.getByLabel('Message de la mise à jour').fill('Carte de commande remplacée.');
    await manager.getByRole('button', { name: 'Publier la mise à jour' }).click();
    await expect(manager.getByTestId('incident-status')).toHaveText('Résolu');
    await expect(manager.getByRole('group', { name: 'Statut' }).getByRole('radio')).toHaveCount(3);
    await expect(manager.getByLabel('Rouvrir')).toBeVisible();

    await visitor.reload();
    await expect(visitor.getByTestId(`equipment-${lift.id}`).getByTestId('status-label')).toHaveAttribute('data-status', 'operational');
    await expect(
      visitor.getByRole('region', { name: 'Incidents résolus (90 derniers jours)' }).getByTestId(`incident-${incidentId}`),
    ).toBeVisible();

    await resident.goto('/me/tickets');
    await expect(resident.getByTestId(`ticket-${ticketId}`).getByTestId('ticket-status')).toHaveText('Résolu');
  });

  await test.step('schedules a maintenance window: the public page lists it as planned', async () => {
    const windowTitle = unique('Révision de la porte');
    await scheduleMaintenance(manager, condo.id, windowTitle, condo.building.name, other.name);
    await visitor.reload();
    await expect(visitor.getByText(windowTitle)).toBeVisible();
  });

  await Promise.all([managerContext.close(), residentContext.close(), visitor.context().close()]);
});

async function scheduleMaintenance(page: Page, coproId: string, title: string, building: string, equipment: string) {
  await page.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link', { name: 'Maintenances' }).click();
  await expect(page).toHaveURL(new RegExp(`/console/${coproId}/maintenance$`));
  await settled(page);
  await page.getByRole('button', { name: 'Planifier une maintenance' }).click();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Réglage du ferme-porte.');
  await page.getByRole('group', { name: building }).getByRole('checkbox', { name: equipment, exact: true }).check();
  await page.getByLabel('Début').fill(localTime(2, 9));
  await page.getByLabel('Fin').fill(localTime(2, 11));
  await page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(page.getByText('Maintenance planifiée.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Prévues' }).getByRole('heading', { name: title })).toBeVisible();
}
