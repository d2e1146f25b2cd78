/**
 * Measuring decks for `lectern check`: one browser and one scratch site for all of them; each deck
 * is placed, opened in its screen view at its own size, measured, and re-planned while slides
 * overflow (fit/). Loaded only when a check runs.
 */
import type { Page } from 'puppeteer-core';
import { openDeck, type ResourceFailure } from '../browser/deck-page.js';
import { BrowserSession } from '../browser/session.js';
import { createDeadline, deckFailure } from '../browser/wait.js';
import type { MeasuredDeck } from '../check/index.js';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { fitDeck, MAX_ROUNDS } from '../fit/loop.js';
import { readDiagramFailures } from '../fit/diagrams.js';
import { measureOpenDeck } from '../fit/measure.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { auditDeck } from './audit.js';
import { createScratchSite, type ScratchDeck, type ScratchSite } from './scratch.js';

/**
 * A step of one deck in the browser, for progress displays: the page is opened, or a plan is being
 * measured (round 0 is the planner's own; round n the n-th re-plan of what overflowed), or the
 * fitted deck is audited for accessibility.
 */
export type DeckStep = { readonly type: 'open' } | { readonly type: 'measure'; readonly round: number } | { readonly type: 'audit' };

/** Measures decks one after the other; `close()` ends the browser and removes the scratch site. */
export interface DeckMeasurer {
  /**
   * Measure a deck; with `fit`, re-plan what overflows (up to MAX_ROUNDS); with `audit` (the
   * default), audit the fitted deck with axe-core in every built-in theme.
   */
  measure(compiled: CompiledDeck, fit: boolean, onStep?: (step: DeckStep) => void, audit?: boolean): Promise<MeasuredDeck>;
  close(): Promise<void>;
}

/** The browser-backed measurer (the browser starts with the first deck). */
export function createMeasurer(runtime: RuntimeManifest, config: ResolvedConfig): DeckMeasurer {
  const session = new BrowserSession({ timeoutMs: config.browser.timeoutMs, ...(config.browser.path === undefined ? {} : { browser: config.browser.path }) });
  let scratch: Promise<ScratchSite> | undefined;
  return {
    async measure(compiled, fit, onStep = () => undefined, audit = true) {
      onStep({ type: 'open' });
      scratch ??= createScratchSite(runtime);
      const placed = await (await scratch).place(compiled);
      const deckOf = { slug: compiled.rendered.slug, source: compiled.source.path };
      return session.withPage((page) => measureIn(page, compiled, placed, config, fit, onStep, audit ? runtime.themes : undefined)).catch((error: unknown) => {
        throw deckFailure(error, deckOf, config.browser.timeoutMs);
      });
    },
    async close() {
      await session.close();
      await scratch?.then((site) => site.dispose(), () => undefined);
    },
  };
}

async function measureIn(
  page: Page,
  first: CompiledDeck,
  placed: ScratchDeck,
  config: ResolvedConfig,
  fit: boolean,
  onStep: (step: DeckStep) => void,
  themes: Readonly<Record<string, string>> | undefined,
): Promise<MeasuredDeck> {
  const size = { width: first.deck.meta.width, height: first.deck.meta.height };
  const target = { url: placed.url, slug: first.rendered.slug, source: first.source.path };
  await page.setViewport({ ...size, deviceScaleFactor: 1 });
  let failures: readonly ResourceFailure[] = [];
  let diagrams: readonly string[] = [];
  let loaded: CompiledDeck | undefined;
  let round = -1;
  const fitted = await fitDeck(
    first,
    async (c) => {
      if (c !== loaded) {
        if (loaded !== undefined) await placed.rewrite(c);
        loaded = c;
        round++;
        failures = await openDeck(page, target, {}, createDeadline(config.browser.timeoutMs));
        diagrams = (await readDiagramFailures(page)).map((f) => `diagram not drawn${f.line === undefined ? '' : ` (line ${f.line})`}: ${f.message.split('\n')[0] ?? ''}`);
      }
      onStep({ type: 'measure', round });
      return measureOpenDeck(page, size);
    },
    fit ? MAX_ROUNDS : 0,
  );
  // The deck as fitted (the page holds the last plan loaded: write the kept one back if it differs).
  let a11y;
  if (themes !== undefined) {
    if (loaded !== fitted.compiled) await placed.rewrite(fitted.compiled);
    onStep({ type: 'audit' });
    a11y = await auditDeck(page, target, { files: themes, current: fitted.compiled.deck.meta.theme }, createDeadline(config.browser.timeoutMs));
  }
  return {
    ...(a11y === undefined ? {} : { a11y }),
    compiled: fitted.compiled,
    overflows: fitted.layout.overflows,
    shrunk: fitted.layout.shrunk,
    rounds: fitted.rounds,
    initialOverflows: fitted.initialOverflows,
    ...(fitted.hints === undefined ? {} : { hints: fitted.hints }),
    composition: fitted.layout.composition,
    missing: [...failures.map((f) => `${f.reason} ${f.url}`), ...diagrams],
  };
}
