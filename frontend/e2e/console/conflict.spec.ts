import { expect, test, type Page } from '@playwright/test';

import { MANAGER, tokenFor } from '../support';
import { demoCondo, managerOpensIncident, settled, signInToConsole, unique } from './console-support';

// Two managers edit one incident at once: the first to save wins; the second is told the
// incident changed meanwhile, sees which version is there now and what changed, and nothing of
// the first one's work is overwritten.
test('when two managers edit one incident at once, the second is shown the conflict and overwrites nothing', async ({
  browser,
  request,
}) => {
  const condo = await demoCondo(request);
  const token = await tokenFor(request, MANAGER);
  const title = unique('Éclairage du hall');
  const incidentId = await managerOpensIncident(request, token, condo.id, { title, equipmentId: condo.spare.id });
  const url = `/console/${condo.id}/incidents/${incidentId}`;

  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) await openEditor(page, url);

  const renamed = `${title} (rétabli en partie)`;
  await first.getByLabel('Titre').fill(renamed);
  await first.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(first.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  const message = 'Un électricien passe cet après-midi.';
  await second.getByLabel('Message publié').fill(message);
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toContainText('Modifié entre-temps par quelqu’un d’autre');
  await expect(conflict).toContainText('Vous êtes parti de la version 1 ; l’incident en est maintenant à la version 2.');
  await expect(second.getByTestId('conflict-title')).toContainText(`Avant : ${title}`);
  await expect(second.getByTestId('conflict-title')).toContainText(`Maintenant : ${renamed}`);
  await expect(second.getByTestId('conflict-message')).toHaveCount(0);

  const saved = (await (await request.get(`/api/v1/incidents/${incidentId}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    title: string;
    message: string;
  };
  expect(saved.title, 'the first manager’s title stays').toBe(renamed);
  expect(saved.message, 'the second manager’s message was not saved').not.toBe(message);

  // Knowing what changed, the second manager keeps their message on the current version.
  await second.getByRole('button', { name: 'Garder mes modifications, sur la version actuelle' }).click();
  await expect(second.getByLabel('Titre')).toHaveValue(renamed);
  await second.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(second.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(second.getByTestId('incident-detail')).toContainText(message);
  await Promise.all([first.context().close(), second.context().close()]);
});

async function openEditor(page: Page, url: string) {
  await signInToConsole(page, MANAGER);
  await page.goto(url);
  await settled(page);
  await page.getByRole('button', { name: 'Modifier le titre, le message ou les équipements' }).click();
  await expect(page.getByTestId('edit-incident')).toBeVisible();
}
