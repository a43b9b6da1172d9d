#!/usr/bin/env node
// Browser check of the public status page: opens /c/<slug> in the system Chromium, finds one
// piece of equipment and compares its shown status with what the caller expects.
//
//   node e2e/status-page.mjs --url http://127.0.0.1:8080 --slug les-tilleuls \
//     --equipment-id <uuid> --expect-status major_outage --expect-label "Panne majeure" \
//     [--screenshot shot.png] [--language fr|en] [--viewport 1280x900] [--chromium /usr/bin/chromium]
//
// Prints one line of JSON. Exit 0: the status matches; 1: it does not, or the page failed;
// 2: bad usage. Never downloads a browser: it drives the one installed by the system.

import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const TOTAL_BUDGET_MS = 30_000;
// Kept back from the budget for the screenshot and closing the browser.
const TEARDOWN_MS = 3_000;
const STATUSES = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage'];

const USAGE = `usage: node e2e/status-page.mjs --url URL --slug SLUG --equipment-id ID
       (--expect-status STATUS | --expect-label TEXT | both)
       [--screenshot PATH] [--language fr|en] [--viewport WIDTHxHEIGHT] [--chromium PATH]`;

function usageError(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        slug: { type: 'string' },
        'equipment-id': { type: 'string' },
        'expect-status': { type: 'string' },
        'expect-label': { type: 'string' },
        screenshot: { type: 'string' },
        language: { type: 'string' },
        viewport: { type: 'string', default: '1280x900' },
        chromium: { type: 'string', default: CHROMIUM_PATH },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error.message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  for (const name of ['url', 'slug', 'equipment-id']) {
    if (!values[name]) usageError(`missing --${name}`);
  }
  if (!values['expect-status'] && values['expect-label'] === undefined) {
    usageError('give --expect-status, --expect-label or both');
  }
  if (values['expect-status'] && !STATUSES.includes(values['expect-status'])) {
    usageError(`--expect-status must be one of ${STATUSES.join(', ')}`);
  }
  if (values.language && !['fr', 'en'].includes(values.language)) {
    usageError('--language must be fr or en');
  }
  const viewport = /^(\d+)x(\d+)$/.exec(values.viewport);
  if (!viewport) usageError('--viewport must look like 1280x900');
  let base;
  try {
    base = new URL(values.url);
  } catch {
    usageError(`--url is not a URL: ${values.url}`);
  }
  return {
    pageUrl: new URL(`/c/${encodeURIComponent(values.slug)}`, base).href,
    slug: values.slug,
    equipmentId: values['equipment-id'],
    expectStatus: values['expect-status'] ?? null,
    expectLabel: values['expect-label'] ?? null,
    screenshot: values.screenshot ?? null,
    language: values.language ?? null,
    viewport: { width: Number(viewport[1]), height: Number(viewport[2]) },
    executablePath: values.chromium,
  };
}

const collapse = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

async function check(options, result, deadline) {
  const remaining = () => Math.max(1_000, deadline - Date.now());
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    args: CHROMIUM_ARGS,
    timeout: remaining(),
  });
  try {
    const context = await browser.newContext({ viewport: options.viewport });
    if (options.language) {
      await context.addInitScript((language) => {
        localStorage.setItem('copro.language', language);
      }, options.language);
    }
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    const response = await page.goto(options.pageUrl, {
      waitUntil: 'domcontentloaded',
      timeout: remaining(),
    });
    result.http_status = response?.status() ?? null;

    // Wait for the row, the rendered page or an error panel, so that a 404 or an unknown
    // equipment id fails at once with a useful message instead of at the deadline.
    const row = page.locator(`[data-testid="equipment-${options.equipmentId}"]`);
    const loadedPage = page.locator('[data-testid="status-page"]');
    const errorPanel = page.locator('[data-testid="page-error"]');
    try {
      await row.or(loadedPage).or(errorPanel).first().waitFor({ state: 'attached', timeout: remaining() });
    } catch {
      throw new Error(`${options.pageUrl} showed neither the status page nor an error in time`);
    }

    if ((await errorPanel.count()) > 0) {
      const heading = collapse(await errorPanel.first().locator('h1').textContent());
      result.error = `page shows "${heading}" instead of the status page`;
    } else if ((await row.count()) === 0) {
      result.error = `the status page has no element [data-testid="equipment-${options.equipmentId}"]`;
    } else {
      const label = row.locator('[data-testid="status-label"]').first();
      result.label = collapse(await label.textContent({ timeout: remaining() }));
      result.status = await label.getAttribute('data-status', { timeout: remaining() });
      const mismatches = [];
      if (options.expectStatus !== null && result.status !== options.expectStatus) {
        mismatches.push(`status is "${result.status}", expected "${options.expectStatus}"`);
      }
      if (options.expectLabel !== null && result.label !== collapse(options.expectLabel)) {
        mismatches.push(`label is "${result.label}", expected "${options.expectLabel}"`);
      }
      if (mismatches.length > 0) result.error = mismatches.join('; ');
      else result.ok = true;
    }
    if (consoleErrors.length > 0) result.console_errors = consoleErrors.slice(0, 5);

    if (options.screenshot) {
      await page.screenshot({ path: options.screenshot, fullPage: true, timeout: remaining() });
      result.screenshot = options.screenshot;
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  const options = readOptions();
  const started = Date.now();
  const deadline = started + TOTAL_BUDGET_MS - TEARDOWN_MS;
  const result = {
    ok: false,
    url: options.pageUrl,
    equipment_id: options.equipmentId,
    expected_status: options.expectStatus,
    expected_label: options.expectLabel,
    status: null,
    label: null,
  };
  const finish = (code) => {
    result.elapsed_ms = Date.now() - started;
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) process.stderr.write(`status-page check FAILED: ${result.error}\n`);
    process.exit(code);
  };

  // A hard stop even if Chromium hangs somewhere Playwright's own timeouts do not reach.
  const watchdog = setTimeout(() => {
    result.error = `gave up after ${TOTAL_BUDGET_MS / 1000} s`;
    finish(1);
  }, TOTAL_BUDGET_MS);
  watchdog.unref();

  try {
    await check(options, result, deadline);
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    result.error = result.error ?? message;
  }
  finish(result.ok ? 0 : 1);
}

main();
