import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo condo `copro demo` creates, and its known accounts. */
export const SLUG = 'les-tilleuls';
export const CONDO_NAME = 'Résidence Les Tilleuls';
export const MANAGER = { email: 'gestion@les-tilleuls.example', password: 'tilleuls-gestion' };
export const RESIDENT = { email: 'resident.a@les-tilleuls.example', password: 'tilleuls-resident-a' };

export type Who = { email: string; password: string };
export type Receipt = { id: string; version: number; position: number };
type Equipment = { id: string; name: string; category: string; status: string; location?: string | null };
type Building = { id: string; name: string; equipment: Equipment[] };
type StatusPage = { copro: { id: string; name: string }; buildings: Building[] };

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-results', 'screenshots');

/** A bearer token for `who`, over HTTP (the manager's side of the journeys). */
export async function tokenFor(request: APIRequestContext, who: Who): Promise<string> {
  const answer = await request.post('/api/v1/auth/login', { form: { username: who.email, password: who.password } });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** Sends a command as the bearer of `token`; answers its receipt. */
export async function command(
  request: APIRequestContext,
  token: string,
  path: string,
  body: unknown = {},
): Promise<Receipt> {
  const answer = await request.post(`/api/v1${path}`, { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(answer.ok(), `POST ${path}: ${answer.status()} ${await answer.text()}`).toBe(true);
  return (await answer.json()) as Receipt;
}

export async function statusPage(request: APIRequestContext, after?: number): Promise<StatusPage> {
  const headers: Record<string, string> = after === undefined ? {} : { 'X-Copro-After': String(after) };
  const answer = await request.get(`/api/v1/status/${SLUG}`, { headers });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as StatusPage;
}

/** A piece of equipment of the demo that works now, preferably a lift, with its building. */
export async function workingEquipment(request: APIRequestContext): Promise<{ building: Building; equipment: Equipment }> {
  const page = await statusPage(request);
  const all = page.buildings.flatMap((building) => building.equipment.map((equipment) => ({ building, equipment })));
  const working = all.filter(({ equipment }) => equipment.status === 'operational');
  const found = working.find(({ equipment }) => equipment.category === 'lift') ?? working[0];
  expect(found, 'the demo has a working piece of equipment').toBeDefined();
  return found!;
}

/** Someone signs up over HTTP as a resident of a condo: their account awaits a manager's
 * activation (the journeys that start from a pending sign-up). */
export async function signsUp(
  request: APIRequestContext,
  who: Who & { first_name: string; last_name: string },
  home: { copro_id: string; building_id: string; lot?: string; floor?: string },
): Promise<void> {
  const answer = await request.post('/api/v1/auth/register', { data: { ...who, ...home } });
  expect(answer.status(), await answer.text()).toBe(201);
}

/** A new email for each run, so sign-ups never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
}

/** Signs in through the login page, coming back to `redirectTo`. */
export async function signIn(page: Page, who: Who, redirectTo = '/me/tickets'): Promise<void> {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel(/Adresse e-mail|Email address/).fill(who.email);
  await page.getByLabel(/Mot de passe|Password/).fill(who.password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL((url) => url.pathname === redirectTo.split('?')[0]);
  // The next page's chunk may still be on its way while the login form stays on screen.
  await expect(page.locator('.login-form')).toHaveCount(0);
}

/** Makes the next page loads speak `language` (the choice the language switch remembers). */
export async function speak(page: Page, language: 'fr' | 'en'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('copro.language', chosen), language);
}

export async function expectNoSeriousAccessibilityViolation(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = serious.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${what}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, 'document.documentElement.scrollWidth').toBeLessThanOrEqual(width);
}

/** Saves a full-page screenshot under e2e-results/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The status page once its data and history strips are on screen. */
export async function openStatusPage(page: Page): Promise<void> {
  await page.goto(`/c/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1, name: CONDO_NAME })).toBeVisible();
  await expect(page.locator('.strip').first()).toBeAttached();
}
