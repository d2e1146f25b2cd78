/**
 * Waiting, not sleeping: a deck is ready when the client runtime says so (`lectern:ready`, mirrored
 * in `<html data-lectern-ready="true">`: reveal.js initialised, fonts loaded, images decoded, fit
 * pass done) and, in print mode, when reveal.js has laid out its PDF pages (`pdf-ready`). One
 * deadline bounds the whole deck; running out of it names the deck and the slide it was stuck at.
 */
import type { Page } from 'puppeteer-core';
import { LecternError } from '../errors.js';

/** A point in time after which a deck's export gives up. */
export interface Deadline {
  readonly timeoutMs: number;
  /** Milliseconds left (at least 1, so Puppeteer never reads 0 as "no timeout"). */
  remaining(): number;
}

/** A deadline `timeoutMs` from now. */
export function createDeadline(timeoutMs: number, now: () => number = Date.now): Deadline {
  const end = now() + timeoutMs;
  return { timeoutMs, remaining: () => Math.max(1, end - now()) };
}

/**
 * Runs in the page before any of its scripts: records reveal.js's `pdf-ready` event as an attribute
 * (so waiting is an attribute check), and defines `__name`, which esbuild-based runners (tsx,
 * vitest) insert into functions that are later serialised into the page by `page.evaluate`.
 */
export const PAGE_PRELUDE = `
globalThis.__name = globalThis.__name || ((fn) => fn);
document.addEventListener('pdf-ready', () => { document.documentElement.dataset.lecternPdfReady = 'true'; }, true);
`;

/**
 * Wait until the deck in `page` is ready (and laid out for print when `print`), within `deadline`.
 * `lastError` (gives the page's last console error) explains a runtime that announced failure.
 */
export async function waitForDeckReady(page: Page, slug: string, deadline: Deadline, print: boolean, lastError?: () => string | undefined): Promise<void> {
  try {
    await page.waitForFunction(
      (needPrint: boolean) => {
        const data = document.documentElement.dataset;
        // The runtime announces `error` when it failed to start: stop waiting at once.
        if (data['lecternReady'] === 'error') return true;
        return data['lecternReady'] === 'true' && (!needPrint || data['lecternPdfReady'] === 'true');
      },
      { timeout: deadline.remaining(), polling: 'mutation' },
      print,
    );
  } catch (cause) {
    if (!isTimeout(cause)) throw cause;
    const state = await describeWaitState(page).catch(() => undefined);
    const seconds = Math.round(deadline.timeoutMs / 100) / 10;
    const where = state === undefined ? '' : ` (${state})`;
    throw new LecternError('export-timeout', `deck ${slug} did not become ready within ${seconds} s${where}`, {
      hint: 'open the deck in a browser to look for script errors or images that never load, or allow more time with --timeout',
      cause,
    });
  }
  const state = await page.evaluate(() => document.documentElement.dataset['lecternReady']);
  if (state === 'error') {
    const detail = lastError?.();
    throw new LecternError('export-failed', `deck ${slug}: the deck runtime failed to start${detail === undefined ? '' : `: ${detail}`}`, {
      hint: 'open the deck in a browser and look at its console; rebuilding the site may help',
    });
  }
}

/** Whether an error is Puppeteer's TimeoutError (matched by name: the class lives in a lazily loaded module). */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** What a deck that is not ready seems to be waiting for, e.g. `waiting at slide 4: image a.png still loading`. */
async function describeWaitState(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Leaf slides; in print view reveal.js has emptied the stacks, which keep their `stack` class.
    const slides = Array.from(document.querySelectorAll('.reveal .slides section')).filter(
      (s) => s.querySelector('section') === null && !s.classList.contains('stack'),
    );
    const slideOf = (el: Element): number => {
      const section = el.closest('section');
      return section === null ? 0 : slides.indexOf(section) + 1;
    };
    const image = Array.from(document.images).find((img) => !img.complete);
    if (image !== undefined) {
      return `waiting at slide ${slideOf(image)}: image ${image.getAttribute('src') ?? ''} still loading`;
    }
    if (document.fonts.status === 'loading') return 'waiting for fonts to load';
    if (document.querySelector('.reveal.ready') === null) return 'reveal.js never started';
    if (document.documentElement.dataset['lecternReady'] !== 'true') {
      return `${slides.length} slides loaded, but the deck runtime never signalled lectern:ready`;
    }
    return 'waiting for reveal.js to lay out its print pages';
  });
}

/**
 * Any failure of the browser while it worked on a deck, as a LecternError naming the deck: a
 * timeout of one call (a page too big to print, a renderer that hangs) or a crash (a renderer
 * out of memory closes the page). Lectern's own errors pass through as they are.
 */
export function deckFailure(error: unknown, deck: { readonly slug: string; readonly source?: string }, timeoutMs: number): LecternError {
  if (error instanceof LecternError) return error;
  const file = deck.source ?? deck.slug;
  const reason = error instanceof Error ? error.message : String(error);
  if (isTimeout(error)) {
    return new LecternError('export-timeout', `deck ${deck.slug}: the browser did not finish it within ${timeoutMs / 1000} s (${reason})`, {
      file,
      hint: 'a very large image or slide can take the browser too long: make it smaller, or allow more time with --timeout',
      cause: error,
    });
  }
  return new LecternError('export-failed', `deck ${deck.slug}: the browser failed while working on it: ${reason}`, {
    file,
    hint: 'a very large image can make the browser run out of memory: make it smaller; otherwise open the deck in a browser and look at its console',
    cause: error,
  });
}
