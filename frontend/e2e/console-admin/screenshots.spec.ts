import { test } from '@playwright/test';

import { MANAGER, screenshot, speak } from '../support';
import { settled, signInToConsole } from '../console/console-support';
import { adminPages } from './admin-pages';

// Buildings, members, expenses and statistics at a desktop and a phone width, in both languages,
// with their forms' messages shown, under e2e-results/screenshots/console-admin for a person to
// look at.
for (const language of ['fr', 'en'] as const) {
  for (const width of [1280, 375] as const) {
    test.describe(`${language} at ${width} px`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

      test('buildings, members, expenses and statistics', async ({ page, request }) => {
        test.setTimeout(240_000);
        await speak(page, language);
        await signInToConsole(page, MANAGER);
        for (const adminPage of await adminPages(request)) {
          await adminPage.open(page);
          // Charts draw once their library has come: the picture shows them drawn.
          await page.waitForFunction(() => !document.querySelector('.chart[data-state="loading"]'));
          await screenshot(page, `console-admin/${adminPage.name}-${language}-${width}`);
          for (const variant of adminPage.variants ?? []) {
            await variant.show(page);
            await settled(page);
            await screenshot(page, `console-admin/${variant.name}-${language}-${width}`);
          }
        }
      });
    });
  }
}
