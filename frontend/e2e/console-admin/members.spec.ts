import { expect, test } from '@playwright/test';

import { MANAGER, RESIDENT, signIn, signsUp, tokenFor, uniqueEmail } from '../support';
import { demoCondo, MANAGER_NAME, signInToConsole } from '../console/console-support';
import { expectMessageBeside, notice, openPart } from './admin-support';

test('a manager activates a pending sign-up, and the resident can then sign in', async ({ page, browser, request }) => {
  const { id, building } = await demoCondo(request);
  const resident = { email: uniqueEmail('noe.durand'), password: 'un-mot-de-passe-sûr' };
  await signsUp(request, { ...resident, first_name: 'Noé', last_name: 'Durand' }, { copro_id: id, building_id: building.id, lot: 'A21', floor: '2' });
  // Pending: the right password is told it awaits activation, no token.
  const early = await request.post('/api/v1/auth/login', { form: { username: resident.email, password: resident.password } });
  expect(early.status()).toBe(403);

  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'members');
  const pending = page.getByTestId('pending-signups').getByTestId('pending-member').filter({ hasText: resident.email });
  await expect(pending).toContainText('Noé Durand');
  await expect(pending).toContainText(`${building.name} · lot A21 · étage 2`);
  await pending.getByRole('button', { name: 'Activer le compte de Noé Durand' }).click();
  await expect(notice(page)).toHaveText('Noé Durand peut maintenant se connecter.');
  await expect(page.getByTestId('pending-member').filter({ hasText: resident.email })).toHaveCount(0);
  await expect(page.getByTestId('member').filter({ hasText: resident.email })).toContainText('Actif');

  const residentContext = await browser.newContext();
  const residentPage = await residentContext.newPage();
  await signIn(residentPage, resident);
  await expect(residentPage.getByRole('heading', { level: 1 })).toBeVisible();
  await residentContext.close();
});

test('the last manager keeps the role: demoting them is refused, and said so', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'members');
  const me = page.getByTestId('member').filter({ hasText: MANAGER.email });
  await me.getByLabel(/^Rôle/).selectOption({ label: 'Résident' });
  await me.getByRole('button', { name: `Changer le rôle de ${MANAGER_NAME}` }).click();
  await expect(me.getByRole('alert')).toHaveText(`${MANAGER_NAME} est le dernier gestionnaire de la copropriété : nommez d’abord un autre gestionnaire.`);
  // Nothing changed on the server.
  const token = await tokenFor(request, MANAGER);
  const members = await request.get(`/api/v1/copros/${id}/members?limit=200`, { headers: { Authorization: `Bearer ${token}` } });
  const mine = ((await members.json()) as { items: { email: string; role: string }[] }).items.find((m) => m.email === MANAGER.email);
  expect(mine?.role).toBe('manager');
});

test('a manager changes a member’s role, opens an account and invites someone, wrong values said beside the fields', async ({
  page,
  request,
}) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'members');

  // An account opened directly: its names are required, a password is 10 characters or more.
  const create = page.getByRole('form', { name: 'Créer un compte actif' });
  await create.getByLabel('Adresse e-mail').fill('sans-arobase');
  await create.getByLabel(/^Mot de passe/).fill('court');
  await create.getByRole('button', { name: 'Créer le compte' }).click();
  await expectMessageBeside(create.getByLabel('Adresse e-mail'), /adresse e-mail valide/);
  await expectMessageBeside(create.getByLabel('Prénom'), /Ce champ est obligatoire\./);
  await expectMessageBeside(create.getByLabel('Nom', { exact: true }), /Ce champ est obligatoire\./);
  await expectMessageBeside(create.getByLabel(/^Mot de passe/), /Au moins 10 caractères\./);
  const email = uniqueEmail('lea.garnier');
  await create.getByLabel('Adresse e-mail').fill(email);
  await create.getByLabel('Prénom').fill('Léa');
  await create.getByLabel('Nom', { exact: true }).fill('Garnier');
  await create.getByLabel(/^Mot de passe/).fill('mot-de-passe-de-lea');
  await create.getByLabel(/^Bâtiment/).selectOption({ label: 'Bâtiment B' });
  await create.getByLabel(/^Lot/).fill('B07');
  await create.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(notice(page)).toContainText(`C’est fait pour ${email}`);
  const lea = page.getByTestId('member').filter({ hasText: email });
  await expect(lea).toContainText('Bâtiment B · lot B07');
  expect((await request.post('/api/v1/auth/login', { form: { username: email, password: 'mot-de-passe-de-lea' } })).status()).toBe(200);

  // Her role, then her removal from this condo only.
  await lea.getByLabel(/^Rôle/).selectOption({ label: 'Auditeur' });
  await lea.getByRole('button', { name: 'Changer le rôle de Léa Garnier' }).click();
  await expect(notice(page)).toHaveText('Léa Garnier est maintenant auditeur.');
  await expect(lea.getByLabel(/^Rôle/)).toHaveValue('auditor');
  await lea.getByRole('button', { name: 'Retirer Léa Garnier de la copropriété' }).click();
  await expect(lea.getByText(/Son compte n’est pas supprimé : ses autres copropriétés et son historique restent\./)).toBeVisible();
  await lea.getByRole('button', { name: 'Oui, retirer de la copropriété' }).click();
  await expect(notice(page)).toHaveText('Léa Garnier ne fait plus partie de la copropriété.');
  await expect(page.getByTestId('member').filter({ hasText: email })).toHaveCount(0);

  // An invitation answers alike whether the email has an account or not.
  const invite = page.getByRole('form', { name: 'Inviter une personne' });
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expectMessageBeside(invite.getByLabel('Adresse e-mail'), /Ce champ est obligatoire\./);
  const invited = uniqueEmail('invite');
  await invite.getByLabel('Adresse e-mail').fill('invite@exemple');
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expectMessageBeside(invite.getByLabel('Adresse e-mail'), /adresse e-mail valide/);
  await invite.getByLabel('Adresse e-mail').fill(invited);
  await invite.getByLabel(/^Lot/).fill('C3');
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(notice(page)).toHaveText(`Invitation envoyée à ${invited}.`);
  await expect(page.getByTestId('member').filter({ hasText: invited })).toHaveCount(0);
});

test('a manager invites an email, sees the invitation pending without the email, and cancels it', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'members');
  const invitations = page.getByTestId('pending-invitations');
  await expect(invitations.getByRole('heading', { name: /Invitations en attente/ })).toBeVisible();
  const before = await invitations.getByTestId('pending-invitation').count();

  const invite = page.getByRole('form', { name: 'Inviter une personne' });
  const invited = uniqueEmail('invitation');
  await invite.getByLabel('Adresse e-mail').fill(invited);
  await invite.getByLabel(/^Rôle/).selectOption({ label: 'Auditeur' });
  await invite.getByLabel(/^Lot/).fill('Z9');
  await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(notice(page)).toHaveText(`Invitation envoyée à ${invited}.`);
  const pending = invitations.getByTestId('pending-invitation').filter({ hasText: 'lot Z9' });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText('Auditeur');
  await expect(pending).toContainText(/Envoyée le/);
  await expect(invitations).not.toContainText(invited);
  await expect(invitations.getByTestId('pending-invitation')).toHaveCount(before + 1);

  await pending.getByRole('button', { name: /^Annuler l’invitation « Auditeur »/ }).click();
  await pending.getByRole('button', { name: 'Oui, annuler l’invitation' }).click();
  await expect(notice(page)).toHaveText(/C’est fait : l’invitation « Auditeur » envoyée le .* est annulée\./);
  await expect(invitations.getByTestId('pending-invitation').filter({ hasText: 'lot Z9' })).toHaveCount(0);
  await expect(invitations.getByTestId('pending-invitation')).toHaveCount(before);
});

test('the members list narrows to a role and an account status, as the API answers them', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openPart(page, id, 'members');
  const list = page.getByRole('region', { name: /Membres de la copropriété/ });
  await expect(list.getByTestId('member').first()).toBeVisible();
  await list.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Gestionnaire' });
  await expect(list.getByTestId('member').filter({ hasText: MANAGER.email })).toHaveCount(1);
  await expect(list.getByTestId('member').filter({ hasText: RESIDENT.email })).toHaveCount(0);
  await list.getByLabel('Compte', { exact: true }).selectOption({ label: 'Fermé' });
  await expect(list.getByTestId('member').filter({ hasText: MANAGER.email })).toHaveCount(0);
  await list.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Tous les rôles' });
  await list.getByLabel('Compte', { exact: true }).selectOption({ label: 'Tous les comptes' });
  await expect(list.getByTestId('member').filter({ hasText: MANAGER.email })).toHaveCount(1);
  await expect(list.getByTestId('member').filter({ hasText: RESIDENT.email })).toHaveCount(1);
});
