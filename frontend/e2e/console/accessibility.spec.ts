import { test } from '@playwright/test';

import { expectNoHorizontalScroll, expectNoSeriousAccessibilityViolation, MANAGER } from '../support';
import { signInToConsole } from './console-support';
import { consolePages } from './pages';

test('every console page has no serious or critical accessibility violation, forms and messages shown', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await signInToConsole(page, MANAGER);
  for (const consolePage of await consolePages(request)) {
    await consolePage.open(page);
    await expectNoSeriousAccessibilityViolation(page, consolePage.name);
    for (const variant of consolePage.variants ?? []) {
      await variant.show(page);
      await expectNoSeriousAccessibilityViolation(page, variant.name);
    }
  }
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('every console page fits without horizontal scroll, the tickets board and a ticket included', async ({ page, request }) => {
    test.setTimeout(180_000);
    await signInToConsole(page, MANAGER);
    for (const consolePage of await consolePages(request)) {
      await consolePage.open(page);
      await expectNoHorizontalScroll(page, 375);
      for (const variant of consolePage.variants ?? []) {
        await variant.show(page);
        await expectNoHorizontalScroll(page, 375);
      }
    }
  });
});
