/**
 * TeX math typeset at build time by KaTeX into HTML + MathML: the deck ships no math script, only
 * KaTeX's stylesheet and fonts (linked by decks that have math). KaTeX is required on the first
 * formula (~45 ms of start-up), so an article without math never loads it.
 */
import { createRequire } from 'node:module';
import type Katex from 'katex';

const require = createRequire(import.meta.url);
let library: typeof Katex | undefined;

function loadKatex(): typeof Katex {
  library ??= require('katex') as typeof Katex;
  return library;
}

/** A typeset formula: its HTML, and KaTeX's message when the TeX is invalid (then the HTML shows the TeX). */
export interface Typeset {
  readonly html: string;
  readonly error?: string;
}

/** Formulas typeset in this process, by mode and TeX: parse (to report errors) and render share them. */
const cache = new Map<string, Typeset>();
const CACHE_LIMIT = 5_000;

/** Options every formula is typeset with; `maxExpand` bounds macro loops, `trust: false` refuses \href and \html*. */
function options(display: boolean, throwOnError: boolean): Katex.KatexOptions {
  return { displayMode: display, output: 'htmlAndMathml', throwOnError, strict: 'ignore', trust: false, maxExpand: 1000, maxSize: 20 };
}

/** KaTeX's HTML + MathML for `tex` (display or inline); an invalid formula is shown as its TeX, with the error. */
export function typesetMath(tex: string, display: boolean): Typeset {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const katex = loadKatex();
  let result: Typeset;
  try {
    result = { html: katex.renderToString(tex, options(display, true)) };
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
    result = { html: katex.renderToString(tex, options(display, false)), error: message };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** The TeX as the speaker reads it in the notes: with its delimiters, `$…$` or `$$…$$`. */
export function texSource(tex: string, display: boolean): string {
  return display ? `$$${tex}$$` : `$${tex}$`;
}
