import { expect, test } from '@playwright/test';

import { expectNoSeriousAccessibilityViolation, openStatusPage, RESIDENT, signIn, SLUG } from './support';

test('the status page has no serious or critical accessibility violation', async ({ page }) => {
  await openStatusPage(page);
  await expectNoSeriousAccessibilityViolation(page, 'the status page');
  await page.locator('.strip__day').first().focus();
  await expectNoSeriousAccessibilityViolation(page, 'the status page with a day shown');
});

test('the report form has none, neither empty nor showing its messages', async ({ page }) => {
  await page.goto(`/c/${SLUG}/report`);
  await expect(page.getByLabel('Titre')).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page, 'the report form');
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page, 'the report form with its messages');
});

test('sign-up and login have none', async ({ page }) => {
  await page.goto(`/c/${SLUG}/signup`);
  await expect(page.getByLabel('Prénom')).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page, 'the sign-up form');
  await page.goto('/login');
  await expect(page.getByLabel('Mot de passe')).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page, 'the login form');
});

test('my tickets and a ticket have none', async ({ page }) => {
  await signIn(page, RESIDENT);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes signalements' })).toBeVisible();
  await expect(page.getByText('Chargement de vos signalements…')).toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page, 'my tickets');
  const first = page.locator('.ticket-card h2 a').first();
  if ((await first.count()) > 0) {
    await first.click();
    await expect(page.getByTestId('ticket-detail')).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page, 'a ticket');
  }
});
