import { test } from '@playwright/test';

import { MANAGER, screenshot, speak } from '../support';
import { settled, signInToConsole } from './console-support';
import { consolePages } from './pages';

// Every console page at a desktop and a phone width, in both languages, with its forms' messages
// shown, saved under e2e-results/screenshots/console for a person to look at.
for (const language of ['fr', 'en'] as const) {
  for (const width of [1280, 375] as const) {
    test.describe(`${language} at ${width} px`, () => {
      test.use({ viewport: { width, height: width === 375 ? 812 : 900 } });

      test('console pages', async ({ page, request }) => {
        test.setTimeout(180_000);
        await speak(page, language);
        await signInToConsole(page, MANAGER);
        for (const consolePage of await consolePages(request)) {
          await consolePage.open(page);
          await screenshot(page, `console/${consolePage.name}-${language}-${width}`);
          for (const variant of consolePage.variants ?? []) {
            await variant.show(page);
            await settled(page);
            await screenshot(page, `console/${variant.name}-${language}-${width}`);
          }
        }
      });
    });
  }
}
