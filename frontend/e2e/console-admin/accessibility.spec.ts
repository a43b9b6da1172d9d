import { test } from '@playwright/test';

import { expectNoHorizontalScroll, expectNoSeriousAccessibilityViolation, MANAGER } from '../support';
import { signInToConsole } from '../console/console-support';
import { adminPages } from './admin-pages';

test('buildings, members, expenses and statistics have no serious or critical accessibility violation, forms and messages shown', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await signInToConsole(page, MANAGER);
  for (const adminPage of await adminPages(request)) {
    await adminPage.open(page);
    await expectNoSeriousAccessibilityViolation(page, adminPage.name);
    for (const variant of adminPage.variants ?? []) {
      await variant.show(page);
      await expectNoSeriousAccessibilityViolation(page, variant.name);
    }
  }
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('buildings, members, expenses and statistics fit without horizontal scroll', async ({ page, request }) => {
    test.setTimeout(240_000);
    await signInToConsole(page, MANAGER);
    for (const adminPage of await adminPages(request)) {
      await adminPage.open(page);
      await expectNoHorizontalScroll(page, 375);
      for (const variant of adminPage.variants ?? []) {
        await variant.show(page);
        await expectNoHorizontalScroll(page, 375);
      }
    }
  });
});
