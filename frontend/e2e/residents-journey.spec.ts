import { expect, test } from '@playwright/test';

import {
  command,
  MANAGER,
  SLUG,
  signIn,
  statusPage,
  tokenFor,
  uniqueEmail,
  workingEquipment,
  type Receipt,
} from './support';

// The journey of issue 9: a visitor scans the QR code and reports a broken lift, a resident who
// signed up (and was activated) reports it too; the manager turns the report into an incident
// and resolves it; the status page, left open, follows without reload; the resident sees their
// ticket resolved. The "without reload" checks are soft: when live updates fail the journey goes
// on (and still fails, saying which check), so everything after them is exercised too.
test('a broken lift reported from the QR code is followed live on the status page and resolved for its reporters', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { building, equipment: lift } = await workingEquipment(request);
  const managerToken = await tokenFor(request, MANAGER);
  const resident = { email: uniqueEmail('camille'), password: 'mot-de-passe-du-hall' };

  const residentContext = await browser.newContext();
  const residentPage = await residentContext.newPage();
  await test.step('a resident signs up and a manager activates the account', async () => {
    await residentPage.goto(`/c/${SLUG}/signup`);
    await residentPage.getByLabel('Adresse e-mail').fill(resident.email);
    await residentPage.getByLabel('Mot de passe').fill(resident.password);
    await residentPage.getByLabel('Prénom').fill('Camille');
    await residentPage.getByLabel('Nom', { exact: true }).fill('Durand');
    await residentPage.getByLabel('Bâtiment').selectOption({ label: building.name });
    await residentPage.getByLabel('Étage').fill('3');
    const answer = residentPage.waitForResponse((r) => r.url().endsWith('/api/v1/auth/register'));
    await residentPage.getByRole('button', { name: 'Créer mon compte' }).click();
    const account = (await (await answer).json()) as Receipt;
    await expect(residentPage.getByTestId('signup-done')).toContainText('attend son activation');
    await command(request, managerToken, `/accounts/${account.id}/activate`);
  });

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  let visitorTicket: Receipt;
  await test.step('a visitor opens the QR code’s target and reports the lift broken, anonymously', async () => {
    await visitor.goto(`/c/${SLUG}`);
    // The QR code is the server's image (GET /status/{slug}/qr.svg); the page drops it while the
    // server has none, so this check is soft: the journey goes on from the link it points to.
    const qr = visitor.getByRole('link', { name: /QR code du formulaire de signalement/ });
    await expect.soft(qr, 'the QR code links to the report form').toHaveAttribute('href', `/c/${SLUG}/report`);
    await visitor.goto(`/c/${SLUG}/report`);
    await visitor.getByLabel('Titre').fill(`${lift.name} bloqué`);
    await visitor.getByLabel('Description').fill('Il ne répond plus aux appels depuis ce matin.');
    await visitor.getByRole('group', { name: building.name }).getByRole('checkbox', { name: new RegExp(`^${lift.name}`) }).check();
    await visitor.getByLabel('Nom', { exact: true }).fill('Dominique Martin');
    await visitor.getByLabel('Adresse e-mail').fill('dominique@exemple.fr');
    await visitor.getByLabel('Téléphone').fill('06 12 34 56 78');
    const answer = visitor.waitForResponse((r) => r.url().endsWith('/tickets') && r.request().method() === 'POST');
    await visitor.getByRole('button', { name: 'Envoyer le signalement' }).click();
    visitorTicket = (await (await answer).json()) as Receipt;
    await expect(visitor.getByTestId('ticket-reference')).toHaveText(visitorTicket.id.replace(/-/g, '').slice(0, 8).toUpperCase());
  });

  let residentTicket: Receipt;
  await test.step('the resident signs in and reports the same lift', async () => {
    await signIn(residentPage, resident, `/c/${SLUG}/report`);
    await residentPage.getByLabel('Titre').fill(`${lift.name} en panne`);
    await residentPage.getByLabel('Description').fill('Bloqué au rez-de-chaussée, porte ouverte.');
    await residentPage.getByRole('group', { name: building.name }).getByRole('checkbox', { name: new RegExp(`^${lift.name}`) }).check();
    await expect(residentPage.getByLabel('Adresse e-mail')).toHaveCount(0);
    const answer = residentPage.waitForResponse((r) => r.url().endsWith('/tickets') && r.request().method() === 'POST');
    await residentPage.getByRole('button', { name: 'Envoyer le signalement' }).click();
    residentTicket = (await (await answer).json()) as Receipt;
    await expect(residentPage.getByRole('link', { name: 'Mes signalements' }).first()).toBeVisible();
  });

  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await watcher.goto(`/c/${SLUG}`);
  const liftRow = watcher.getByTestId(`equipment-${lift.id}`);
  await expect(liftRow.getByTestId('status-label')).toHaveAttribute('data-status', 'operational');
  let navigations = 0;
  watcher.on('framenavigated', (frame) => {
    if (frame === watcher.mainFrame()) navigations += 1;
  });

  let incident: Receipt;
  await test.step('the manager converts the visitor’s report, links the resident’s: the open page shows the outage', async () => {
    incident = await command(request, managerToken, `/tickets/${visitorTicket.id}/convert`, {
      impacts: [{ equipment_id: lift.id, impact: 'major_outage' }],
    });
    const linked = await command(request, managerToken, `/tickets/${residentTicket.id}/link`, { incident_id: incident.id });
    const page = await statusPage(request, linked.position);
    expect(page.buildings.flatMap((b) => b.equipment).find((e) => e.id === lift.id)?.status).toBe('major_outage');

    await expect.soft(liftRow.getByTestId('status-label'), 'the outage shows without reload (live stream)').toHaveAttribute(
      'data-status',
      'major_outage',
      { timeout: 15_000 },
    );
    await expect.soft(watcher.getByTestId(`incident-${incident.id}`).getByTestId('reporter-count')).toHaveText(
      'Signalé par 2 résidents',
    );
    expect(navigations, 'the page was not reloaded').toBe(0);
  });

  await test.step('the manager resolves the incident: the open page shows the lift working again', async () => {
    const resolved = await command(request, managerToken, `/incidents/${incident.id}/updates`, {
      message: 'Le technicien a remplacé la carte de commande.',
      status: 'resolved',
    });
    await statusPage(request, resolved.position);
    await expect.soft(liftRow.getByTestId('status-label'), 'the repair shows without reload (live stream)').toHaveAttribute(
      'data-status',
      'operational',
      { timeout: 15_000 },
    );
    await expect
      .soft(watcher.getByRole('region', { name: 'Incidents résolus (90 derniers jours)' }).getByTestId(`incident-${incident.id}`))
      .toContainText('Résolu');
    expect(navigations, 'the page was not reloaded').toBe(0);
  });

  await test.step('the resident sees their ticket resolved in “my tickets”, with the message that says so', async () => {
    await residentPage.getByRole('link', { name: 'Mes signalements' }).first().click();
    const card = residentPage.getByTestId(`ticket-${residentTicket.id}`);
    await expect(card.getByTestId('ticket-status')).toHaveText('Résolu');
    await card.getByRole('link').click();
    await expect(residentPage.getByTestId('ticket-detail').getByTestId('ticket-status')).toHaveText('Résolu');
    await expect(residentPage.getByRole('region', { name: 'Suivi' })).toContainText(`L’incident « ${lift.name} bloqué » est résolu.`);
  });

  await Promise.all([residentContext.close(), visitorContext.close(), watcherContext.close()]);
});
