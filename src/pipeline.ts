/**
 * The pure part of the pipeline for one article: Source → Article → Deck → HTML. Shared by the static
 * build, the dev server and `lectern check`; file and browser work stays with the callers.
 */
import { resolveDeckOptions, type ResolvedConfig } from './config.js';
import type { Article, Deck, FitHints, RenderedDeck, RuntimeAssets, Source } from './model.js';
import { parseArticle } from './parse/index.js';
import { planDeck } from './plan/index.js';
import { renderDeck } from './render/index.js';

/** Everything made from one article. */
export interface CompiledDeck {
  readonly source: Source;
  readonly article: Article;
  readonly deck: Deck;
  readonly rendered: RenderedDeck;
}

/** A site step between plan and render: rewrite the deck (image names, QR code) and add `<head>` tags. */
export type PrepareDeck = (deck: Deck) => { readonly deck: Deck; readonly head?: string };

/**
 * Run parse → plan → render on a loaded source. `assetsFor` gives the runtime links for a theme;
 * `hints` (from a browser measurement, see check/fit-loop.ts) tighten the slides that overflowed.
 */
export function compileSource(
  source: Source,
  config: ResolvedConfig,
  assetsFor: (theme: string) => RuntimeAssets,
  prepare?: PrepareDeck,
  hints?: FitHints,
): CompiledDeck {
  const article = parseArticle(source);
  const options = resolveDeckOptions(config, source.meta.raw, source.path, config.overrides);
  const planned = planDeck(article, options, hints);
  const { deck, head } = prepare === undefined ? { deck: planned, head: undefined } : prepare(planned);
  const rendered = renderDeck(deck, { assets: assetsFor(deck.meta.theme), ...(head === undefined ? {} : { head }) });
  return { source, article, deck, rendered };
}
