import { expect, type APIRequestContext, type Page } from '@playwright/test';

import { settled } from '../console/console-support';
import { tokenFor, type Who } from '../support';

/** The platform operator tests/e2e/test_oversight_browser.py opens with `copro admin create
 * --operator` before the journeys (the demo has none). */
export const OPERATOR = { email: 'operateur@copro.example', password: 'copro-operateur-e2e' };

export type PastIncident = { id: string; title: string; started_at: string; resolved_at: string; equipment: { id: string; name: string | null }[] };

const HOUR = 3_600_000;

/**
 * A resolved incident of the demo's year that lasted six hours at least and began between two
 * and eighty days ago: its middle sits well inside the slider's last 90 days, hours from its
 * ends.
 */
export async function pastIncident(request: APIRequestContext, coproId: string, who: Who): Promise<PastIncident> {
  const token = await tokenFor(request, who);
  const found: PastIncident[] = [];
  for (const status of ['resolved', 'closed']) {
    const answer = await request.get(`/api/v1/copros/${coproId}/incidents?status=${status}&limit=200`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(answer.status(), await answer.text()).toBe(200);
    found.push(...((await answer.json()) as { items: PastIncident[] }).items);
  }
  const now = Date.now();
  const fits = found.filter((incident) => {
    const start = Date.parse(incident.started_at);
    const end = Date.parse(incident.resolved_at);
    return end - start >= 6 * HOUR && now - start >= 2 * 24 * HOUR && now - start <= 80 * 24 * HOUR;
  });
  expect(fits.length, 'the demo has an incident of several hours in the last 80 days').toBeGreaterThan(0);
  return fits[0]!;
}

/** The middle of an incident. */
export function middleOf(incident: PastIncident): Date {
  return new Date((Date.parse(incident.started_at) + Date.parse(incident.resolved_at)) / 2);
}

/** Drags the slider's thumb near `target`, then steps it there hour by hour with the arrows. */
export async function slideTo(page: Page, target: Date): Promise<void> {
  const slider = page.getByRole('slider', { name: /90 derniers jours|last 90 days/ });
  const max = Number(await slider.getAttribute('max'));
  const newest = Math.floor(Date.now() / HOUR) * HOUR;
  const wanted = Math.round((target.getTime() - (newest - max * HOUR)) / HOUR);
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width * wanted) / max, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
  const reached = Number(await slider.inputValue());
  const key = reached < wanted ? 'ArrowRight' : 'ArrowLeft';
  for (let step = 0; step < Math.abs(wanted - reached); step += 1) await slider.press(key);
  await expect(slider).toHaveValue(String(wanted));
}

export async function openAudit(page: Page, coproId: string, view: '' | '/then' = ''): Promise<void> {
  await page.goto(`/console/${coproId}/audit${view}`);
  await settled(page);
}
