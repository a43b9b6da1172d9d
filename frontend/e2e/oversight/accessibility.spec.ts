import { expect, test, type Page } from '@playwright/test';

import { AUDITOR, demoCondo, settled, signInToConsole } from '../console/console-support';
import { expectNoHorizontalScroll, expectNoSeriousAccessibilityViolation, screenshot, speak, type Who } from '../support';
import { middleOf, OPERATOR, pastIncident } from './oversight-support';

const WIDTHS = [1280, 375] as const;

async function signInAs(page: Page, who: Who, landing: RegExp): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Adresse e-mail|Email address/).fill(who.email);
  await page.getByLabel(/Mot de passe|Password/).fill(who.password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.waitForURL(landing);
}

for (const language of ['fr', 'en'] as const) {
  test(`the auditor's desk passes axe-core, fits 375 px and is pictured (${language})`, async ({ page, request }) => {
    const { id } = await demoCondo(request);
    const incident = await pastIncident(request, id, AUDITOR);
    await speak(page, language);
    await signInToConsole(page, AUDITOR);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/console/${id}/audit`);
      await settled(page);
      await expect(page.getByTestId('audit-event').first()).toBeVisible();
      await page.getByRole('button', { name: /Vérifier les chaînes|Verify the chains/ }).click();
      await expect(page.getByTestId('verify-result')).toContainText(/Toutes les chaînes tiennent|All chains hold/, { timeout: 60_000 });
      await page.getByTestId('audit-event').first().locator('summary').click();
      await expectNoSeriousAccessibilityViolation(page, `the event log at ${width} px (${language})`);
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `oversight/audit-events-${language}-${width}`);

      await page.goto(`/console/${id}/audit/then?at=${encodeURIComponent(middleOf(incident).toISOString())}`);
      await settled(page);
      await expect(page.getByTestId('status-page-then')).toBeVisible();
      await expectNoSeriousAccessibilityViolation(page, `the page at a date at ${width} px (${language})`);
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `oversight/audit-then-${language}-${width}`);
    }
    // An aggregate's history with its state.
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`/console/${id}/audit/aggregates/${incident.id}`);
    await settled(page);
    await expect(page.getByTestId('aggregate-state')).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page, `an aggregate's history (${language})`);
    await expectNoHorizontalScroll(page, 375);
    await screenshot(page, `oversight/audit-aggregate-${language}-375`);
  });

  test(`the operators' board passes axe-core, fits 375 px and is pictured (${language})`, async ({ page }) => {
    await speak(page, language);
    await signInAs(page, OPERATOR, /\/ops$/);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/ops');
      await expect(page.getByTestId('projection-status_page')).toBeVisible();
      await expectNoSeriousAccessibilityViolation(page, `the board at ${width} px (${language})`);
      await expectNoHorizontalScroll(page, width);
      await screenshot(page, `oversight/ops-board-${language}-${width}`);
    }
  });
}
