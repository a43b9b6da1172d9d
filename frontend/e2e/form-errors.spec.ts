import { expect, test, type Locator } from '@playwright/test';

import { MANAGER, SLUG, signsUp, statusPage, uniqueEmail, workingEquipment } from './support';

/** The message a field names in aria-describedby, and that the field says it is invalid. */
async function expectMessageBeside(field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

test.describe('the report form', () => {
  test('says beside each field what is missing or wrong, before sending anything', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.goto(`/c/${SLUG}/report`);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();

    await expect(page.getByLabel('Titre')).toBeFocused();
    await expectMessageBeside(page.getByLabel('Titre'), /Ce champ est obligatoire\./);
    await expectMessageBeside(page.getByLabel('Description'), /Ce champ est obligatoire\./);
    await expectMessageBeside(page.getByLabel('Nom', { exact: true }), /Ce champ est obligatoire\./);
    await expectMessageBeside(page.getByLabel('Adresse e-mail'), /Ce champ est obligatoire\./);
    await expect(page.getByRole('group', { name: 'Équipements concernés' })).toHaveAccessibleDescription(
      /Cochez au moins un équipement en panne\./,
    );

    await page.getByLabel('Titre').fill('ab');
    await page.getByLabel('Description').fill('Ligne\u0007 cachée et assez longue');
    await page.getByLabel('Emplacement').fill('RC');
    await page.getByLabel('Nom', { exact: true }).fill('D');
    await page.getByLabel('Adresse e-mail').fill('dominique@');
    await page.getByLabel('Téléphone').fill('12 34');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expectMessageBeside(page.getByLabel('Titre'), /Au moins 3 caractères\./);
    await expectMessageBeside(page.getByLabel('Description'), /caractères invisibles non autorisés/);
    await expectMessageBeside(page.getByLabel('Emplacement'), /Au moins 3 caractères\./);
    await expectMessageBeside(page.getByLabel('Nom', { exact: true }), /Au moins 2 caractères\./);
    await expectMessageBeside(page.getByLabel('Adresse e-mail'), /adresse e-mail valide/);
    await expectMessageBeside(page.getByLabel('Téléphone'), /numéro français/);

    await page.getByRole('radio', { name: 'Une demande' }).check();
    await expect(page.getByRole('group', { name: /Équipements concernés/ })).not.toHaveAccessibleDescription(/Cochez au moins/);
    expect(posts).toEqual([]);
  });

  test('shows the server’s refusals beside the fields they name, in the visitor’s words', async ({ page, request }) => {
    const { building, equipment } = await workingEquipment(request);
    await page.goto(`/c/${SLUG}/report`);
    await page.getByLabel('Titre').fill('Porte qui grince');
    await page.getByLabel('Description').fill('La porte grince très fort le soir.');
    await page.getByRole('group', { name: building.name }).getByRole('checkbox', { name: new RegExp(`^${equipment.name}`) }).check();
    await page.getByLabel('Nom', { exact: true }).fill('Dominique Martin');
    // Looks like an address to the form; the server knows `.invalid` is no real domain.
    await page.getByLabel('Adresse e-mail').fill('dominique@exemple.invalid');
    const refused = page.waitForResponse((r) => r.url().endsWith('/tickets') && r.status() === 422);
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await refused;
    await expectMessageBeside(page.getByLabel('Adresse e-mail'), /adresse e-mail valide/);
    await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
    await expect(page.locator('body')).not.toContainText('value_error');
  });

  test('says how long to wait when too many reports came from the connection', async ({ page, request }) => {
    const { building, equipment } = await workingEquipment(request);
    await page.route('**/api/v1/copros/*/tickets', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '42', 'Content-Type': 'application/json' },
        body: JSON.stringify({ detail: 'too many tickets', code: 'rate_limited' }),
      }),
    );
    await page.goto(`/c/${SLUG}/report`);
    await page.getByLabel('Titre').fill('Lumière du hall');
    await page.getByLabel('Description').fill('La lumière du hall clignote sans cesse.');
    await page.getByRole('group', { name: building.name }).getByRole('checkbox', { name: new RegExp(`^${equipment.name}`) }).check();
    await page.getByLabel('Nom', { exact: true }).fill('Dominique Martin');
    await page.getByLabel('Adresse e-mail').fill('dominique@exemple.fr');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Trop de signalements depuis cette connexion. Réessayez dans 42 secondes.',
    );
  });
});

test.describe('the sign-up form', () => {
  test('says beside each field what is wrong', async ({ page }) => {
    await page.goto(`/c/${SLUG}/signup`);
    await page.getByLabel('Adresse e-mail').fill('camille');
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByLabel('Numéro de lot').fill('x'.repeat(21));
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expectMessageBeside(page.getByLabel('Adresse e-mail'), /adresse e-mail valide/);
    await expectMessageBeside(page.getByLabel('Mot de passe'), /Au moins 10 caractères\./);
    await expectMessageBeside(page.getByLabel('Prénom'), /Ce champ est obligatoire\./);
    await expectMessageBeside(page.getByLabel('Nom', { exact: true }), /Ce champ est obligatoire\./);
    await expectMessageBeside(page.getByLabel('Bâtiment'), /Choisissez votre bâtiment\./);
    await expectMessageBeside(page.getByLabel('Numéro de lot'), /Au plus 20 caractères\./);
    await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
  });
});

test.describe('the login form', () => {
  test('says when the email or password is wrong', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(MANAGER.email);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText('Email ou mot de passe incorrect');
  });

  test('tells an account still pending that it awaits activation (needs 403 account_pending)', async ({ page, request }) => {
    const email = uniqueEmail('en-attente');
    const { building } = await workingEquipment(request);
    const condo = await statusPage(request);
    await signsUp(request, { email, password: 'un-mot-de-passe', first_name: 'Alex', last_name: 'Attente' }, { copro_id: condo.copro.id, building_id: building.id });
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Votre compte attend son activation par un gestionnaire de la copropriété.',
    );
  });

  test('tells a deactivated account so', async ({ page }) => {
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 403,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ detail: 'this account is deactivated', code: 'account_deactivated' }),
      }),
    );
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill('ancien@exemple.fr');
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Ce compte a été désactivé. Contactez le gestionnaire de votre copropriété.',
    );
  });
});
