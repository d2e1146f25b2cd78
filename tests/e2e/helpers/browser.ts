/**
 * Opening a built deck in headless Chromium for the end-to-end tests: one BrowserSession per test
 * file, a page per deck, and a log of everything the page did that a test may want to fail on
 * (console errors, uncaught exceptions, requests to other hosts, failed responses).
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { findBrowser } from '../../../src/browser/index.js';

/** Why browser tests cannot run here ('' when they can). */
export function browserSkipReason(): string {
  try {
    findBrowser();
    return '';
  } catch {
    return 'no Chromium or Chrome found; install one or set PUPPETEER_EXECUTABLE_PATH';
  }
}

/** What a page did while a deck loaded and while the test looked at it. */
export interface PageLog {
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Requests to a host other than 127.0.0.1 (they are aborted, never sent). */
  readonly external: string[];
  /** `console.error` messages, with where they came from. */
  readonly consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[];
  /** Responses with a status of 400 or more, and requests that failed outright. */
  readonly failed: string[];
}

/** Whether a URL stays on this machine: the static server, or no network at all (data:, blob:). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return parsed.hostname === '127.0.0.1';
}

/**
 * Start recording what `page` does. Requests to other hosts are recorded and aborted, so a deck
 * that would reach the internet fails the test quickly instead of hanging on the network.
 */
export async function watchPage(page: Page): Promise<PageLog> {
  const log: PageLog = { requests: [], external: [], consoleErrors: [], pageErrors: [], failed: [] };
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    log.requests.push(url);
    if (isLocalUrl(url)) {
      request.continue().catch(() => undefined);
    } else {
      log.external.push(url);
      request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    log.consoleErrors.push(where === '' ? message.text() : `${message.text()} (${where})`);
  });
  page.on('pageerror', (error: unknown) => {
    log.pageErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (isLocalUrl(request.url())) log.failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
  });
  return log;
}

/** Open a deck at the slide size and wait for the runtime's ready flag; returns the flag's value. */
export async function openDeck(page: Page, url: string, options: { width?: number; height?: number; timeoutMs?: number } = {}): Promise<string> {
  await page.setViewport({ width: options.width ?? 1280, height: options.height ?? 720, deviceScaleFactor: 1 });
  const timeout = options.timeoutMs ?? 20_000;
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] !== undefined, { timeout });
  return page.evaluate(() => document.documentElement.dataset['lecternReady'] ?? '');
}
