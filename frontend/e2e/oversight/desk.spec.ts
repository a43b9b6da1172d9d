import { expect, test } from '@playwright/test';

import { AUDITOR, demoCondo, signInToConsole } from '../console/console-support';
import { expectMessageBeside } from '../console-admin/admin-support';
import { MANAGER } from '../support';
import { middleOf, openAudit, pastIncident, slideTo } from './oversight-support';

// Each journey signs in, replays the condo's past a few times and checks every step: on a
// machine busy with the rest of the suite one took more than the default 90 s.
test.describe.configure({ timeout: 180_000 });

test('an auditor drags the slider to the middle of a past incident and sees the outage', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  const incident = await pastIncident(request, id, AUDITOR);
  await signInToConsole(page, AUDITOR);
  await page.getByRole('navigation', { name: 'Parties de la console' }).getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('link', { name: 'Page publique à une date' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'La page publique à une date' })).toBeVisible();

  await expect(page.getByText('Choisissez un instant pour voir la page telle qu’elle était.')).toBeVisible();

  await slideTo(page, middleOf(incident));
  const slider = page.getByRole('slider', { name: 'Instant dans les 90 derniers jours' });
  // The slider names the instant it stands on, as the page's heading does.
  const named = await slider.getAttribute('aria-valuetext');
  expect(named).toMatch(/\d{4}/);
  await expect(page.getByTestId('then-as-of')).toHaveText(`La page telle qu’elle était le ${named}.`);
  const then = page.getByTestId('status-page-then');
  await expect(then.getByRole('heading', { level: 3, name: incident.title })).toBeVisible();
  await expect(then.getByTestId('overall-status')).not.toHaveAttribute('data-status', 'operational');
  const lift = incident.equipment[0]!;
  const row = then.locator('.equipment-row', { hasText: lift.name ?? '' }).first();
  await expect(row).not.toContainText('Opérationnel');
  await expect(page.getByLabel('Date et heure')).not.toHaveValue('');

  // To the newest end by keyboard: the incident is long over, no longer among the open ones.
  await slider.press('End');
  await expect(page.getByTestId('then-as-of')).toHaveText(`La page telle qu’elle était le ${await slider.getAttribute('aria-valuetext')}.`);
  await expect(then.getByRole('heading', { level: 3, name: incident.title })).toHaveCount(0);
  await expect(page).toHaveURL(/\?at=/);
});

test('an auditor runs the verification and reads that all chains hold', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, AUDITOR);
  await openAudit(page, id);
  await page.getByRole('button', { name: 'Vérifier les chaînes' }).click();
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toContainText('Toutes les chaînes tiennent.', { timeout: 60_000 });
  await expect(result).toContainText(/\d+ événements recalculés dans \d+ flux\./);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Verify the chains' }).click();
  await expect(result).toContainText('All chains hold.', { timeout: 60_000 });
});

test('the event log filters by type, pages, opens an aggregate’s history and exports', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, AUDITOR);
  await openAudit(page, id);
  await expect(page.getByTestId('audit-count')).toHaveText(/\d+ événements/);
  await expect(page.getByTestId('audit-event')).toHaveCount(50);
  await page.getByRole('button', { name: /Suivant/ }).click();
  await expect(page).toHaveURL(/page=1/);
  await expect(page.getByTestId('audit-events')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('audit-event').first().getByRole('rowheader')).toHaveText(/^5[1-9]$|^\d{2,}$/);

  await page.getByLabel('Type d’événement').fill('Incident.Opened');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await expect(page).toHaveURL(/type=Incident\.Opened/);
  await expect(page.getByTestId('audit-events')).toHaveAttribute('aria-busy', 'false');
  const rows = page.getByTestId('audit-event');
  // Retried until the filtered page is on screen: the URL and `aria-busy` may change before
  // React has drawn the query they start, while the unfiltered rows are still shown.
  const types = rows.locator('td[data-label="Événement"] code');
  await expect(types.first()).toHaveText('Opened');
  await expect(types.filter({ hasNotText: /^Opened$/ })).toHaveCount(0);

  // One incident's whole history, with who and when, and its state at its first version.
  await rows.first().getByRole('link', { name: /Historique de Incident/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Historique d’un agrégat' })).toBeVisible();
  await expect(page.getByTestId('state-summary')).toContainText(/Version \d+ sur \d+/);
  await page.getByLabel('À la version').check();
  await page.getByLabel('Version', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByTestId('state-summary')).toContainText(/Version 1 sur \d+/);
  await page.getByLabel('Version', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expectMessageBeside(page.getByLabel('Version', { exact: true }), /Une version de 1 à \d+\./);

  // The export: a JSON Lines file, each line an event with its hashes.
  await page.getByRole('link', { name: /Retour au journal/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en JSON Lines' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^les-tilleuls-events-.*\.jsonl$/);
  await expect(page.getByTestId('export-done')).toHaveText('Export téléchargé.');
});

test('wrong values in the audit forms are said beside their fields', async ({ page, request }) => {
  const { id } = await demoCondo(request);
  await signInToConsole(page, MANAGER);
  await openAudit(page, id, '/then');
  const instant = page.getByLabel('Date et heure');
  const show = page.getByRole('button', { name: 'Afficher', exact: true });

  // A future instant: refused before asking.
  const next = new Date(Date.now() + 3 * 24 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  await instant.fill(`${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}T10:00`);
  await show.click();
  await expectMessageBeside(instant, 'Cet instant est dans le futur : choisissez un instant passé.');

  // Garbage: a date-time half typed.
  await instant.fill('');
  await instant.focus();
  await page.keyboard.type('12');
  await show.click();
  await expectMessageBeside(instant, 'Saisissez une date et une heure complètes.');

  // Before the condo existed: the server says so, beside the field.
  await instant.fill('2001-01-01T12:00');
  await show.click();
  await expectMessageBeside(instant, 'La copropriété n’existait pas encore à cet instant.');

  // The event filters: an aggregate id that is not one, a range the wrong way round.
  await openAudit(page, id);
  await page.getByLabel('Identifiant de l’agrégat').fill('ascenseur-a-1');
  await page.getByLabel('Depuis').fill('2026-03-10T10:00');
  await page.getByLabel('Jusqu’à').fill('2026-03-01T10:00');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await expectMessageBeside(page.getByLabel('Identifiant de l’agrégat'), /32 caractères hexadécimaux/);
  await expectMessageBeside(page.getByLabel('Jusqu’à'), 'La fin ne peut pas précéder le début.');
  await expect(page.getByLabel('Identifiant de l’agrégat')).toBeFocused();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Aggregate id')).toHaveAccessibleDescription(/32 hexadecimal characters/);
});
