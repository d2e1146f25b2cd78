/**
 * Opening a deck in a browser page for printing: the reveal.js print query, the listeners that turn
 * page errors and failed requests into errors (a broken script or stylesheet) or diagnostics (a
 * missing image or font), and the wait for the deck to be ready.
 */
import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import type { Diagnostic } from '../model.js';
import { LecternError } from '../errors.js';
import { PAGE_PRELUDE, isTimeout, waitForDeckReady, type Deadline } from './wait.js';

/** The deck being exported, as the export stage needs to know it. */
export interface DeckTarget {
  /** URL of the deck page on an HTTP server (see serveStatic). */
  readonly url: string;
  readonly slug: string;
  /** The article the deck came from, for diagnostics (defaults to the slug). */
  readonly source?: string;
}

/** A request the page made that did not succeed. */
export interface ResourceFailure {
  readonly url: string;
  readonly resourceType: string;
  /** `404`, or the network error (`net::ERR_CONNECTION_REFUSED`). */
  readonly reason: string;
}

/** Resource types without which a deck cannot be printed at all. */
const CRITICAL_TYPES = new Set(['document', 'script', 'stylesheet']);

/** reveal.js settings passed in the query (reveal.js lets query parameters override its config). */
export function printQuery(steps: boolean): Record<string, string> {
  return {
    'print-pdf': '',
    // A slide that is too tall is clipped to its page rather than spilling onto extra pages.
    pdfMaxPagesPerSlide: '1',
    pdfSeparateFragments: String(steps),
    showNotes: 'false',
  };
}

/** `url` with `params` added to its query (and its hash dropped: the print view ignores it). */
export function withQuery(url: string, params: Readonly<Record<string, string>>): string {
  const parsed = new URL(url);
  const extra = Object.entries(params).map(([k, v]) => (v === '' ? k : `${k}=${encodeURIComponent(v)}`));
  const existing = parsed.search.replace(/^\?/, '');
  parsed.search = [existing, ...extra].filter((s) => s !== '').join('&');
  parsed.hash = '';
  return parsed.toString();
}

/**
 * Load the deck at `url` with `query` into `page` and wait until it is ready. Resolves with the
 * failed requests (a live list: requests made later are added), rejects on a fatal problem.
 */
export async function openDeck(
  page: Page,
  deck: DeckTarget,
  query: Readonly<Record<string, string>>,
  deadline: Deadline,
): Promise<ResourceFailure[]> {
  const failures: ResourceFailure[] = [];
  let fail: (error: LecternError) => void = () => undefined;
  const fatal = new Promise<never>((_, reject) => {
    fail = reject;
  });
  fatal.catch(() => undefined); // Observed below; never an unhandled rejection.
  let ready = false;

  const record = (request: HTTPRequest, reason: string): void => {
    const failure = { url: request.url(), resourceType: request.resourceType(), reason };
    failures.push(failure);
    if (CRITICAL_TYPES.has(failure.resourceType) && !ready) {
      fail(new LecternError('export-failed', `deck ${deck.slug}: ${failure.resourceType} ${failure.url} failed to load (${reason})`, {
        file: deck.source ?? deck.slug,
        hint: 'build the site again (the deck page refers to a file that is not there), then export',
      }));
    }
  };
  page.on('response', (response: HTTPResponse) => {
    if (response.status() >= 400) record(response.request(), String(response.status()));
  });
  page.on('requestfailed', (request: HTTPRequest) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Requests the page cancels itself (a navigation replaced, a preload no longer needed) are not
    // failures; a missing file arrives as a 404 response instead.
    if (reason !== 'net::ERR_ABORTED') record(request, reason);
  });
  page.on('pageerror', (error: unknown) => {
    if (ready) return;
    const message = error instanceof Error ? error.message : String(error);
    fail(new LecternError('export-failed', `deck ${deck.slug}: a script in the page failed: ${message}`, {
      file: deck.source ?? deck.slug,
      hint: 'open the deck in a browser and look at its console; the deck runtime may be out of date (rebuild)',
    }));
  });

  let lastError: string | undefined;
  page.on('console', (message) => {
    if (message.type() === 'error') lastError = message.text().slice(0, 300);
  });

  await page.evaluateOnNewDocument(PAGE_PRELUDE);
  const print = 'print-pdf' in query;
  const load = async (): Promise<void> => {
    await page.goto(withQuery(deck.url, query), { waitUntil: 'domcontentloaded', timeout: deadline.remaining() });
    await waitForDeckReady(page, deck.slug, deadline, print, () => lastError);
  };
  try {
    await Promise.race([load(), fatal]);
  } catch (cause) {
    if (cause instanceof LecternError) throw cause;
    if (isTimeout(cause)) {
      throw new LecternError('export-timeout', `deck ${deck.slug} did not load within ${deadline.timeoutMs / 1000} s`, {
        file: deck.source ?? deck.slug,
        hint: 'allow more time with --timeout',
        cause,
      });
    }
    throw new LecternError('export-failed', `deck ${deck.slug} could not be opened: ${(cause as Error).message}`, { cause });
  }
  ready = true;
  return failures;
}

/** Failed requests of non-critical resources (images, fonts, media) as warnings naming deck and slide. */
export async function failuresToDiagnostics(
  page: Page,
  deck: DeckTarget,
  failures: readonly ResourceFailure[],
): Promise<Diagnostic[]> {
  const relevant = failures.filter((f) => !CRITICAL_TYPES.has(f.resourceType) && !f.url.endsWith('/favicon.ico'));
  const diagnostics: Diagnostic[] = [];
  for (const failure of relevant) {
    const where = await page.evaluate(locateResource, failure.url).catch(() => undefined);
    const slide = where === undefined ? '' : ` on slide ${where.slide}`;
    const name = where?.attribute ?? new URL(failure.url).pathname;
    diagnostics.push({
      severity: 'warning',
      code: failure.resourceType === 'image' ? 'export-missing-image' : 'export-missing-resource',
      message: `deck ${deck.slug}: ${failure.resourceType} ${name}${slide} could not be loaded (${failure.reason})`,
      file: deck.source ?? deck.slug,
      ...(where?.line === undefined ? {} : { line: where.line }),
      hint: 'check the path of the file in the article, and that it was copied next to the deck',
    });
  }
  return diagnostics;
}

/**
 * In the page, after readPrintLayout numbered the slides (`data-lectern-slide`): the attribute,
 * slide (1-based) and article line of the first element that uses `url`.
 */
function locateResource(url: string): { attribute: string; slide: number; line?: number } | undefined {
  for (const el of Array.from(document.querySelectorAll('[src], [href], [poster]'))) {
    for (const attr of ['src', 'href', 'poster']) {
      const value = el.getAttribute(attr);
      if (value === null || new URL(value, document.baseURI).href !== url) continue;
      const section = el.closest('section[data-lectern-slide]');
      if (section === null) return undefined;
      const line = Number(section.getAttribute('data-line'));
      const slide = Number(section.getAttribute('data-lectern-slide')) + 1;
      return { attribute: value, slide, ...(line > 0 ? { line } : {}) };
    }
  }
  return undefined;
}
