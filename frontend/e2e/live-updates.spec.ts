import { expect, test } from '@playwright/test';

import { openStatusPage, SLUG } from './support';

const STREAM = `**/api/v1/status/${SLUG}/stream`;

test('the page stays usable and says so when live updates drop, and says when they are back', async ({ page }) => {
  let refused = true;
  await page.route(STREAM, async (route) => {
    if (refused) return route.abort('connectionreset');
    // One announced change, then the connection closes (the browser reconnects by itself).
    return route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' },
      body: 'retry: 60000\n\n: heartbeat\n\nevent: page\nid: 7\ndata: {"position": 7, "etag": "\\"p7\\""}\n\n',
    });
  });
  await openStatusPage(page);

  const notice = page.getByRole('status').filter({ hasText: /Mises à jour en direct/ });
  await expect(notice).toHaveText('Mises à jour en direct interrompues, reconnexion…');
  await expect(page.getByRole('heading', { name: 'Équipements par bâtiment' })).toBeVisible();

  refused = false;
  const refetched = page.waitForRequest(
    (request) => request.url().endsWith(`/api/v1/status/${SLUG}`) && request.headers()['x-copro-after'] === '7',
    { timeout: 20_000 },
  );
  await expect(notice).toHaveText(/Mises à jour en direct rétablies|Mises à jour en direct interrompues/, { timeout: 20_000 });
  await refetched;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the page follows the server’s own stream (needs GET /status/{slug}/stream)', async ({ page }) => {
  await openStatusPage(page);
  await expect(page.getByTestId('live-notice')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
});
