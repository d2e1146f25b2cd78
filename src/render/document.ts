/** The reveal.js HTML document around the slides. */
import type { Deck, RuntimeAssets } from '../model.js';
import { escapeHtml } from '../text.js';

/** Settings the client runtime reads from `#lectern-config`. */
export interface ClientConfig {
  readonly width: number;
  readonly height: number;
  readonly slug: string;
  readonly title: string;
  /**
   * Seconds of the talk (the slot when one was given, else the estimate): reveal.js's speaker view
   * shows its pacing timer against it and the slides' `data-timing`.
   */
  readonly totalTime?: number;
  /** The reading view, relative to the deck page (`read/`): the `R` key opens it. */
  readonly reading?: string;
  /** Pages that follow a talk (`lectern present`, a multiplex relay); absent for an ordinary deck. */
  readonly follow?: FollowConfig;
}

/**
 * How a deck page follows a live talk: through `lectern present`'s own relay (same server, path
 * `lectern-relay`), and/or a reveal.js multiplex relay (url and id; never the secret). The runtime
 * loads its follow code (a separate, lazy chunk) only when this is set.
 */
export interface FollowConfig {
  readonly lectern?: boolean;
  readonly multiplex?: { readonly url: string; readonly id: string };
}

/** Where every deck's reading view is, relative to its page (site/reading-view.ts writes it there). */
export const READING_VIEW_PATH = 'read/';

/** Options for the document shell. */
export interface DocumentOptions {
  readonly assets: RuntimeAssets;
  /** Extra `<head>` HTML (sharing meta tags from the site stage). */
  readonly head?: string;
  /** Write the speaker notes into the page (default true; `--no-notes` sets false). */
  readonly notes?: boolean;
  /** Written into #lectern-config when set (see FollowConfig). */
  readonly follow?: FollowConfig;
}

/** Scripts written right to left (ISO 15924): Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan, Mende Kikakui. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend']);

/**
 * The writing direction of a language tag (`ar`, `fa-IR`, `ur`, `he`, `az-Arab` → rtl): the tag's
 * script, or the one Unicode's likely-subtags data gives its language (`fa` → Arab, `ku` → Latn).
 * Jekyll-style `ar_SA` is read as `ar-SA`; a tag that is not one is ltr.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(lang.trim().replace(/_/g, '-')).maximize().script;
    return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Seconds of the slides of the talk (backup slides excepted), from their planned timing. */
function talkSeconds(deck: Deck): number {
  return deck.stacks.flat().reduce((n, s) => n + (s.backup ? 0 : (s.timing ?? 0)), 0);
}

/** A whole deck page from the rendered slides. */
export function renderDocument(deck: Deck, slidesHtml: string, options: DocumentOptions): string {
  const { meta } = deck;
  const totalTime = meta.pacing?.slot ?? talkSeconds(deck);
  const config: ClientConfig = { width: meta.width, height: meta.height, slug: meta.slug, title: meta.title, ...(totalTime > 0 ? { totalTime } : {}), reading: READING_VIEW_PATH, ...(options.follow === undefined ? {} : { follow: options.follow }) };
  // JSON in a <script> must not be able to close the tag.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  const description = meta.description ? `\n<meta name="description" content="${escapeHtml(meta.description)}">` : '';
  const author = meta.author ? `\n<meta name="author" content="${escapeHtml(meta.author)}">` : '';
  // KaTeX's stylesheet and fonts only for a deck that shows math (its output is all KaTeX marks).
  const math = slidesHtml.includes('class="katex') ? (options.assets.mathStyles ?? []) : [];
  const styles = [...options.assets.styles, ...math].map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  // Right-to-left languages: the page reads from the right; code stays left to right (client/styles/rtl.css).
  const scripts = options.assets.scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join('\n');
  return `${pageStart(meta.lang, meta.title)}${description}${author}
<meta property="og:title" content="${escapeHtml(meta.title)}">
<meta property="og:type" content="website">${meta.description ? `\n<meta property="og:description" content="${escapeHtml(meta.description)}">` : ''}${options.head ?? ''}
${styles}
<script type="application/json" id="lectern-config">${configJson}</script>
${scripts}
</head>
<body>
<div class="reveal lectern-deck" data-theme="${escapeHtml(meta.theme)}"><div class="slides">
${slidesHtml}
</div></div>
</body>
</html>
`;
}

/**
 * The start of every page Lectern writes for a deck (the deck, its reading view): doctype, language
 * and direction, charset, viewport, generator, no favicon request, and the title element.
 */
export function pageStart(lang: string, title: string): string {
  const dir = textDirection(lang) === 'rtl' ? ' dir="rtl"' : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Lectern">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>`;
}
