/**
 * The reading view of a deck (`<slug>/read/index.html`): the talk as a page to read, print or hear
 * with a screen reader — each slide's content followed by its speaker notes as flowing text, in the
 * article's order (backup slides at their place in it), each slide linked to itself in the deck
 * and, when the article's URL is known, to its section of the article. Built without the notes
 * (`--no-notes`), it holds the slides' text only. Self-contained: inline CSS, no script. Pure.
 */
import type { CompiledDeck } from '../compile.js';
import type { Deck, Slide } from '../model.js';
import { isRelativeFile, mapDeckUrls } from '../plan/images.js';
import { deckPacing } from '../plan/pacing.js';
import { renderInlines, renderNotes, renderSlideBody, renderSourceLink, safeUrl, type SlideContext, type SlideReport } from '../render/index.js';
import { pageStart } from '../render/document.js';
import { safeImageUrl } from '../render/escape.js';
import { escapeHtml } from '../text.js';
import { READING_CSS } from './reading-css.js';

/** What the reading view shows besides the deck. */
export interface ReadingOptions {
  /** Show the speaker notes (false for a site built with `--no-notes`). */
  readonly notes: boolean;
}

const cache = new WeakMap<CompiledDeck, string>();

/** The reading view of a compiled deck (as its build was configured: with or without notes). */
export function readingViewOf(compiled: CompiledDeck): string {
  let html = cache.get(compiled);
  if (html === undefined) {
    html = renderReadingView(compiled.deck, { notes: compiled.inputs.config.notes !== false });
    cache.set(compiled, html);
  }
  return html;
}

/** The reading view page of a planned deck. */
export function renderReadingView(deck: Deck, options: ReadingOptions): string {
  const { meta } = deck;
  const moved = relocate(deck);
  const numbers = new Map(deck.stacks.flat().map((s, i) => [s.id, i + 1]));
  const ordered = articleOrder(moved);
  const ctx: SlideContext = { file: meta.source, html: meta.unsafeHtml === true ? 'unsafe' : 'sanitize' };
  const report: SlideReport = { codeBlocks: 0, diagnostics: [] };
  const ids = new Set(ordered.map((s) => s.id));
  const sections = ordered.map((slide) => renderSlide(slide, numbers.get(slide.id) ?? 0, ids, ctx, report, options));
  const pacing = deckPacing(deck);
  const articleLink = meta.url === undefined ? undefined : safeUrl(meta.url);
  const about = [
    `${pacing.slides} slides${pacing.backupSlides > 0 ? ` and ${pacing.backupSlides} backup slides` : ''}`,
    `≈ ${Math.max(1, Math.round(pacing.minutes))} min`,
    ...(articleLink === undefined ? [] : [`the article: <a href="${escapeHtml(articleLink)}">${escapeHtml(meta.url ?? '')}</a>`]),
  ].join(' · ');
  const description = meta.description ? `\n<meta name="description" content="${escapeHtml(meta.description)}">` : '';
  return `${pageStart(meta.lang, `${meta.title} (reading view)`)}${description}
<link rel="alternate" type="text/html" href="../" title="Slides">
<style>${READING_CSS}</style>
</head>
<body>
<a class="rv-skip" href="#rv-main">Skip to the talk</a>
<header>
<nav aria-label="Talk"><a href="../">Slides</a><a href="../../">All talks</a></nav>
<h1>${escapeHtml(meta.title)}</h1>
<p class="rv-about">${about}</p>
</header>
<main id="rv-main">
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/** One slide: its title, where it is in the deck, what it shows, then its notes. */
function renderSlide(slide: Slide, n: number, ids: ReadonlySet<string>, ctx: SlideContext, report: SlideReport, options: ReadingOptions): string {
  const isTitle = slide.kind === 'title';
  const level = slide.section !== undefined && slide.section.depth >= 3 ? 3 : 2;
  const kicker = slide.kicker === undefined ? '' : `<span class="rv-kicker">${renderInlines(slide.kicker.inlines)}</span>`;
  const continued = slide.continued === undefined ? '' : ` (${slide.continued.index}/${slide.continued.total})`;
  const heading = isTitle || slide.title === undefined ? '' : `<h${level}>${kicker}${renderInlines(slide.title)}${continued}</h${level}>\n`;
  const where = `<a href="../#/${encodeURIComponent(slide.id)}">${slide.backup ? 'Backup slide' : 'Slide'} ${n}</a>`;
  const meta = `<p class="rv-meta">${where}</p>\n`;
  // The title slide too shows what it shows (the lede, the byline): each slide, then its notes.
  const body = renderSlideBody(slide, ctx, report);
  const notes = options.notes ? renderNotes(slide) : slide.source === undefined ? '' : renderSourceLink(slide.source);
  // Sections merged into this slide keep their anchors, as their hash links do in the deck.
  const anchors = (slide.aliases ?? []).filter((a) => !ids.has(a)).map((a) => `<span id="${escapeHtml(a)}"></span>`).join('');
  const cls = `rv-slide${slide.backup ? ' rv-backup' : ''}`;
  return `<section class="${cls}" id="${escapeHtml(slide.id)}">${anchors}\n${heading}${meta}<div class="rv-screen">${body}</div>\n<div class="rv-notes">${notes}</div>\n</section>`;
}

/**
 * The slides in the article's order: the title slide, then every other slide by the article line it
 * starts at (so backup slides return to their place; ties keep the deck's order), the closing last.
 */
export function articleOrder(deck: Deck): Slide[] {
  const all = deck.stacks.flat();
  const rank = (s: Slide): number => (s.kind === 'title' ? 0 : s.kind === 'closing' ? 2 : 1);
  return all
    .map((slide, index) => ({ slide, index }))
    .sort((a, b) => rank(a.slide) - rank(b.slide) || (rank(a.slide) === 1 ? a.slide.line - b.slide.line : 0) || a.index - b.index)
    .map((x) => x.slide);
}

/**
 * The deck's URLs as seen from `read/`, one folder below the deck page: relative files one level
 * up, and the deck's own hash links (`#/section`) as anchors of this page.
 */
function relocate(deck: Deck): Deck {
  return mapDeckUrls(deck, (url, _line, kind) => {
    // A URL the renderer would drop (javascript:, hidden behind control characters) stays as it is,
    // so the renderer still drops it: "../" in front would make it look like a relative path.
    if ((kind === 'image' ? safeImageUrl(url) : safeUrl(url)) === undefined) return url;
    if (kind === 'link' && url.startsWith('#/')) return `#${url.slice(2)}`;
    return isRelativeFile(url) ? `../${url}` : url;
  });
}
