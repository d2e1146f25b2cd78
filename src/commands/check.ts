/**
 * `lectern check`: compile each deck exactly as `lectern build` does, lay it out in headless
 * Chromium at the deck's size (one browser and one scratch site for all decks), re-plan what
 * overflows (fit/), and report per deck: slides, overflowing slides, leaked article syntax, code
 * highlighting and conservation (check/). A deck that fails to build is reported and the others
 * are still checked.
 */
import type { Page } from 'puppeteer-core';
import { openDeck, type ResourceFailure } from '../browser/deck-page.js';
import { BrowserSession } from '../browser/session.js';
import { createDeadline } from '../browser/wait.js';
import { deckReport, failedReport, type CheckReport, type DeckCheck } from '../check/index.js';
import { compileSource, type CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import { fitDeck, MAX_ROUNDS } from '../fit/loop.js';
import { measureOpenDeck } from '../fit/measure.js';
import { loadSources } from '../load/index.js';
import type { Source } from '../model.js';
import { loadRuntime } from '../runtime/index.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { createScratchSite, type ScratchDeck, type ScratchSite } from './scratch.js';

/** What to check and how. */
export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Re-plan overflowing slides until they fit (the default), or only measure the first plan. */
  readonly fit?: boolean;
  /** Called as each deck's report is ready. */
  readonly onDeck?: (report: DeckCheck) => void;
}

/** Check every article of `inputs` (files or folders). Throws only on bad inputs or no browser. */
export async function checkDecks(options: CheckOptions): Promise<CheckReport> {
  const sources = await loadSources(options.inputs);
  const runtime = await loadRuntime();
  const { config } = options;
  const session = new BrowserSession(config.browser.path === undefined ? {} : { browser: config.browser.path });
  const scratch = await createScratchSite(runtime);
  const decks: DeckCheck[] = [];
  try {
    for (const source of sources) {
      const report = await checkSource(source, { options, runtime, session, scratch });
      decks.push(report);
      options.onDeck?.(report);
    }
  } finally {
    await session.close();
    await scratch.dispose();
  }
  return { decks, ok: decks.length > 0 && decks.every((d) => d.ok) };
}

interface CheckContext {
  readonly options: CheckOptions;
  readonly runtime: RuntimeManifest;
  readonly session: BrowserSession;
  readonly scratch: ScratchSite;
}

async function checkSource(source: Source, ctx: CheckContext): Promise<DeckCheck> {
  const { config } = ctx.options;
  let first: CompiledDeck;
  try {
    // The same compile as an HTML-only build: the deck measured is the deck that build writes.
    first = await compileSource(source, { config, runtime: ctx.runtime, thumbnail: 'svg' });
  } catch (error) {
    return failedReport(source, error);
  }
  try {
    const placed = await ctx.scratch.place(first);
    return await ctx.session.withPage((page) => measure(page, first, placed, ctx.options));
  } catch (error) {
    // Without a browser nothing can be measured: fail the whole check, not each deck.
    if (error instanceof LecternError && (error.code === 'browser-not-found' || error.code === 'browser-failed')) throw error;
    return failedReport(source, error, first);
  }
}

async function measure(page: Page, first: CompiledDeck, placed: ScratchDeck, options: CheckOptions): Promise<DeckCheck> {
  const { config } = options;
  const size = { width: first.deck.meta.width, height: first.deck.meta.height };
  const target = { url: placed.url, slug: first.rendered.slug, source: first.source.path };
  await page.setViewport({ ...size, deviceScaleFactor: 1 });
  let failures: readonly ResourceFailure[] = [];
  let loaded: CompiledDeck | undefined;
  const fitted = await fitDeck(
    first,
    async (c) => {
      if (c !== loaded) {
        if (loaded !== undefined) await placed.rewrite(c);
        loaded = c;
        failures = await openDeck(page, target, {}, createDeadline(config.browser.timeoutMs));
      }
      return measureOpenDeck(page, size);
    },
    options.fit === false ? 0 : MAX_ROUNDS,
  );
  return deckReport({
    compiled: fitted.compiled,
    overflows: fitted.layout.overflows,
    shrunk: fitted.layout.shrunk,
    rounds: fitted.rounds,
    initialOverflows: fitted.initialOverflows,
    ...(fitted.hints === undefined ? {} : { hints: fitted.hints }),
    missing: failures.map((f) => `${f.reason} ${f.url}`),
  });
}
