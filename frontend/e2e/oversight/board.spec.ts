import { expect, test, type APIRequestContext } from '@playwright/test';

import { AUDITOR, signInToConsole } from '../console/console-support';
import { MANAGER, RESIDENT, signIn, SLUG } from '../support';
import { OPERATOR } from './oversight-support';

/** Asks for the public page every 100 ms until `stop` says so: every answer's status. */
async function keepAsking(request: APIRequestContext, stop: () => boolean): Promise<number[]> {
  const statuses: number[] = [];
  while (!stop()) {
    const answer = await request.get(`/api/v1/status/${SLUG}`);
    statuses.push(answer.status());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return statuses;
}

test('an operator rebuilds a projection from the board while the public page keeps answering', async ({ page, request }) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(OPERATOR.email);
  await page.getByLabel('Mot de passe').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // An operator lands on the board, which the header also links to.
  await page.waitForURL('**/ops');
  await expect(page.getByRole('heading', { level: 1, name: 'Exploitation' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Exploitation' })).toBeVisible();
  const row = page.getByTestId('projection-status_page');
  await expect(row).toHaveAttribute('data-state', 'running');
  const version = Number(await row.getByTestId('projection-version').textContent());

  let done = false;
  const asking = keepAsking(request, () => done);
  await row.getByRole('button', { name: 'Reconstruire status_page' }).click();
  await expect(page.getByTestId('ops-done')).toHaveText('Reconstruction de status_page lancée.');
  // The board follows the rebuild by itself: a labelled progress bar while it runs, then gone.
  const seen = await row
    .getByRole('progressbar', { name: /Reconstruction de status_page/ })
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  await expect(row.getByTestId('rebuild-status_page')).toHaveCount(0, { timeout: 90_000 });
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect(row.getByRole('button', { name: 'Reconstruire status_page' })).toBeEnabled();
  done = true;
  const statuses = await asking;
  expect(statuses.length).toBeGreaterThan(3);
  expect(statuses.filter((status) => status !== 200), `every answer during the rebuild (progress seen: ${seen})`).toEqual([]);
  expect(Number(await row.getByTestId('projection-version').textContent())).toBeGreaterThanOrEqual(version);

  // Pause and resume, by keyboard.
  await row.getByRole('button', { name: 'Mettre status_page en pause' }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'paused');
  await expect(row.getByText('En pause')).toBeVisible();
  await row.getByRole('button', { name: 'Reprendre status_page' }).click();
  await expect(row).toHaveAttribute('data-state', 'running');

});

for (const who of [
  { name: 'a manager', account: MANAGER, console: true },
  { name: 'an auditor', account: AUDITOR, console: true },
  { name: 'a resident', account: RESIDENT, console: false },
]) {
  test(`${who.name} does not see the operators' board`, async ({ page }) => {
    if (who.console) await signInToConsole(page, who.account);
    else await signIn(page, who.account);
    await expect(page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Exploitation' })).toHaveCount(0);
    await page.goto('/ops');
    await expect(page.getByTestId('not-allowed')).toContainText('réservée aux opérateurs');
    await expect(page.getByTestId('ops-board')).toHaveCount(0);
  });
}
