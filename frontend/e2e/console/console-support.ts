import { expect, type APIRequestContext, type Page } from '@playwright/test';

import { command, statusPage, tokenFor, type Who } from '../support';

/** The demo's other known accounts (`copro demo` prints them). */
export const AUDITOR = { email: 'audit@les-tilleuls.example', password: 'tilleuls-audit' };
export const ADMIN = { email: 'admin@copro.example', password: 'copro-admin-demo' };
/** The demo manager's name, as the assignee list shows it. */
export const MANAGER_NAME = 'Claire Martin';

type Equipment = { id: string; name: string; status: string; category: string };
type Building = { id: string; name: string; equipment: Equipment[] };

/**
 * The demo condo's id, a building with at least two pieces of equipment working now (for the
 * journey that watches their status change), and a spare piece of equipment in the common area
 * that the other checks put their own incidents and tickets on, so they leave the journey's
 * equipment working however often they run.
 */
export async function demoCondo(
  request: APIRequestContext,
): Promise<{ id: string; building: Building; working: Equipment[]; spare: Equipment }> {
  const page = await statusPage(request);
  const spare = (page.buildings.at(-1) as Building | undefined)?.equipment.at(-1);
  expect(spare, 'the demo has equipment in its common area').toBeDefined();
  const building = page.buildings
    .slice(0, -1)
    .map((candidate) => candidate as Building)
    .find((candidate) => candidate.equipment.filter((item) => item.status === 'operational').length >= 2);
  expect(building, 'a demo building with two working pieces of equipment').toBeDefined();
  const working = building!.equipment.filter((item) => item.status === 'operational');
  return { id: page.copro.id, building: building!, working, spare: spare! };
}

/** Signs in through the login page as someone who lands on the console, and waits for it. */
export async function signInToConsole(page: Page, who: Who): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Adresse e-mail|Email address/).fill(who.email);
  await page.getByLabel(/Mot de passe|Password/).fill(who.password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL(/\/console\/[0-9a-f-]{36}\//);
  await expect(page.getByTestId('console')).toBeVisible();
}

/** Waits until nothing on the page is loading any more. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.spinner')).toHaveCount(0);
}

/** A name no earlier run used. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`;
}

/** A ticket a resident reports over HTTP; answers its id. */
export async function residentReports(
  request: APIRequestContext,
  who: Who,
  coproId: string,
  report: { title: string; equipmentIds: string[] },
): Promise<string> {
  const token = await tokenFor(request, who);
  const receipt = await command(request, token, `/copros/${coproId}/tickets`, {
    type: 'incident',
    title: report.title,
    description: 'Signalé par un résident pendant les tests du navigateur.',
    equipment_ids: report.equipmentIds,
  });
  return receipt.id;
}

/** An incident the manager opens over HTTP; answers its id. */
export async function managerOpensIncident(
  request: APIRequestContext,
  managerToken: string,
  coproId: string,
  incident: { title: string; equipmentId: string },
): Promise<string> {
  const receipt = await command(request, managerToken, `/copros/${coproId}/incidents`, {
    title: incident.title,
    message: 'Ouvert pendant les tests du navigateur.',
    impacts: [{ equipment_id: incident.equipmentId, impact: 'degraded' }],
  });
  return receipt.id;
}

/** A datetime-local value `days` from today at `hour`:00, in the browser's (Europe/Paris) time. */
export function localTime(days: number, hour: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}
