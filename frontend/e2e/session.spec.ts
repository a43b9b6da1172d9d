import { expect, test } from '@playwright/test';

import { RESIDENT, signIn } from './support';

test('a refused session signs the visitor out, says so, and brings them back after signing in', async ({ page }) => {
  await signIn(page, RESIDENT);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes signalements' })).toBeVisible();

  // The server no longer takes the token (it expired, or the password changed elsewhere).
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('copro.session') ?? '{}') as { expiresAt: number };
    localStorage.setItem('copro.session', JSON.stringify({ accessToken: 'not.a.valid-token', expiresAt: stored.expiresAt }));
  });
  await page.reload();
  const notice = page.getByTestId('session-ended');
  await expect(notice).toHaveText(/Votre session a pris fin\. Reconnectez-vous pour continuer\./);
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();

  await notice.getByRole('link', { name: 'Se reconnecter' }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme%2Ftickets$/);
  await page.getByLabel('Adresse e-mail').fill(RESIDENT.email);
  await page.getByLabel('Mot de passe').fill(RESIDENT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/me\/tickets$/);
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
});

test('a token that expires while the page is open ends the session there and then', async ({ page }) => {
  await signIn(page, RESIDENT);
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('copro.session') ?? '{}') as { accessToken: string };
    localStorage.setItem('copro.session', JSON.stringify({ accessToken: stored.accessToken, expiresAt: Date.now() + 1500 }));
  });
  // The expiry is read again when the session starts: go through a page load.
  await page.reload();
  await expect(page.getByTestId('session-ended')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('heading', { name: 'Connexion nécessaire' })).toBeVisible();
});
