import { expect, type Locator, type Page } from '@playwright/test';

import { settled } from '../console/console-support';

/** The console pages of this part of the console, on the demo condo `coproId`. */
export async function openPart(page: Page, coproId: string, part: 'buildings' | 'members' | 'expenses' | 'statistics', query = '') {
  await page.goto(`/console/${coproId}/${part}${query}`);
  await settled(page);
}

/** A field says it is invalid and names the message beside it in aria-describedby. */
export async function expectMessageBeside(field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

/** The polite notice a console page shows once a command is done. */
export function notice(page: Page): Locator {
  return page.locator('.done-notice');
}

/** Today in the browser's calendar (Europe/Paris), as a date field's value. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
