import { expect, test } from '@playwright/test';

import { command, MANAGER, RESIDENT, SLUG, tokenFor, uniqueEmail } from '../support';
import { ADMIN, AUDITOR, demoCondo, managerOpensIncident, residentReports, settled, signInToConsole, unique } from './console-support';

// Who reaches which console page: a manager of another condo reads "not found" for every one of
// this condo's pages (as the API answers 404 outside one's condos); a resident signs in to no
// console command and reads "not allowed" on a console URL; an auditor reads without commands.

test('a manager of another condo cannot reach this condo’s console pages', async ({ page, request }) => {
  const condo = await demoCondo(request);
  const managerToken = await tokenFor(request, MANAGER);
  const incidentId = await managerOpensIncident(request, managerToken, condo.id, {
    title: unique('Porte bloquée'),
    equipmentId: condo.spare.id,
  });
  const ticketId = await residentReports(request, RESIDENT, condo.id, {
    title: unique('Porte bloquée'),
    equipmentIds: [condo.spare.id],
  });

  // The platform's admin registers another condo and appoints its manager.
  const adminToken = await tokenFor(request, ADMIN);
  const name = unique('Résidence Les Platanes');
  const other = await command(request, adminToken, '/copros', {
    name,
    address: '3 allée des Platanes',
    postal_code: '69007',
    city: 'Lyon',
  });
  const elsewhere = { email: uniqueEmail('syndic.platanes'), password: 'platanes-gestion-2026' };
  await command(request, adminToken, `/copros/${other.id}/members`, {
    email: elsewhere.email,
    first_name: 'Marc',
    last_name: 'Lefort',
    role: 'manager',
    password: elsewhere.password,
  });

  await signInToConsole(page, elsewhere);
  await expect(page).toHaveURL(new RegExp(`/console/${other.id}/tickets$`));
  await expect(page.getByTestId('console')).toContainText(name);

  for (const url of [
    `/console/${condo.id}`,
    `/console/${condo.id}/tickets`,
    `/console/${condo.id}/tickets/${ticketId}`,
    `/console/${condo.id}/incidents/${incidentId}`,
    `/console/${condo.id}/maintenance`,
    `/console/${condo.id}/members`,
    // This condo's records under the caller's own console are not theirs either.
    `/console/${other.id}/tickets/${ticketId}`,
    `/console/${other.id}/incidents/${incidentId}`,
  ]) {
    await page.goto(url);
    await settled(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Introuvable' }), url).toBeVisible();
    await expect(page.getByText(condo.building.name)).toHaveCount(0);
  }
});

test('a resident sees no console command, and “not allowed” on a console URL', async ({ page, request }) => {
  const condo = await demoCondo(request);
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(RESIDENT.email);
  await page.getByLabel('Mot de passe').fill(RESIDENT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`**/c/${SLUG}`);
  await expect(page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Gestion' })).toHaveCount(0);

  for (const part of ['tickets', 'incidents', 'maintenance', 'statistics']) {
    await page.goto(`/console/${condo.id}/${part}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour à la page publique de la copropriété' })).toHaveAttribute('href', `/c/${SLUG}`);
    await expect(page.getByRole('button', { name: /Assigner|Publier|Planifier|Enregistrer/ })).toHaveCount(0);
  }
  await page.goto('/console');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
});

test('an unknown condo reads “not found”, a signed-out visitor is asked to sign in', async ({ page }) => {
  await page.goto('/console/00000000-0000-4000-8000-000000000000/tickets');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion nécessaire' })).toBeVisible();
  await signInToConsole(page, MANAGER);
  await page.goto('/console/00000000-0000-4000-8000-000000000000/tickets');
  await expect(page.getByRole('heading', { level: 1, name: 'Introuvable' })).toBeVisible();
  await page.goto('/console/not-a-condo');
  await expect(page.getByRole('heading', { level: 1, name: 'Introuvable' })).toBeVisible();
});

test('an auditor reads incidents and maintenance without any command, and “not allowed” on tickets', async ({ page, request }) => {
  const condo = await demoCondo(request);
  await signInToConsole(page, AUDITOR);
  const navigation = page.getByRole('navigation', { name: 'Parties de la console' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Incidents',
    'Maintenances',
    'Bâtiments et équipements',
    'Dépenses et budget',
    'Statistiques',
    'Audit',
  ]);
  await expect(page.getByText('Lecture seule : votre rôle ne permet aucune modification.')).toBeVisible();
  await settled(page);
  await expect(page.getByRole('link', { name: 'Ouvrir un incident' })).toHaveCount(0);
  await page.locator('.board__row h2 a').first().click();
  await settled(page);
  await expect(page.getByTestId('incident-detail')).toBeVisible();
  await expect(page.getByTestId('incident-detail').getByRole('button')).toHaveCount(0);

  await navigation.getByRole('link', { name: 'Maintenances' }).click();
  await settled(page);
  await expect(page.getByRole('heading', { level: 2, name: 'En cours' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Planifier|Modifier|Prolonger|Annuler|Commencer|Terminer/ })).toHaveCount(0);

  for (const url of [`/console/${condo.id}/tickets`, `/console/${condo.id}/members`, `/console/${condo.id}/incidents/new`]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' }), url).toBeVisible();
  }
});

test('the platform admin chooses among every condo, then switches condo at the same part', async ({ page, request }) => {
  const condo = await demoCondo(request);
  const adminToken = await tokenFor(request, ADMIN);
  const name = unique('Résidence Les Érables');
  const other = await command(request, adminToken, '/copros', { name, address: '8 rue des Érables', postal_code: '69006', city: 'Lyon' });

  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez une copropriété' })).toBeVisible();
  await page.getByRole('link', { name: 'Résidence Les Tilleuls' }).click();
  await expect(page).toHaveURL(new RegExp(`/console/${condo.id}/tickets$`));

  await page.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await page.getByLabel('Copropriété').selectOption({ label: name });
  await expect(page).toHaveURL(new RegExp(`/console/${other.id}/incidents$`));
  await settled(page);
  await expect(page.getByTestId('console')).toContainText(name);
  await expect(page.getByText('0 incident', { exact: true })).toBeVisible();
});
