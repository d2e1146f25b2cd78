/**
 * render: Deck → HTML. Produces strings only; it never decides what goes on a slide (that is plan's
 * job) and never touches disk or browser.
 */
import type { Deck, RenderedDeck } from '../model.js';
import { renderDocument, type DocumentOptions } from './document.js';
import { renderSlide, type SlideContext, type SlideReport } from './slide.js';

export { highlightCode, knownLanguages } from './highlight.js';
export { safeUrl } from './escape.js';
export { sanitizeEmbed } from './sanitize.js';
export { renderInlines } from './inline.js';
export { renderBlock, type HtmlMode } from './blocks.js';
export { renderNotes, renderSlideBody, renderSourceLink, type SlideContext, type SlideReport } from './slide.js';
export { textDirection } from './document.js';

/** Render a planned deck as a reveal.js page. Pure: the same deck and options give the same bytes. */
export function renderDeck(deck: Deck, options: DocumentOptions): RenderedDeck {
  const report: SlideReport = { codeBlocks: 0, diagnostics: [] };
  const ctx: SlideContext = { file: deck.meta.source, html: deck.meta.unsafeHtml === true ? 'unsafe' : 'sanitize', ...(options.notes === false ? { noNotes: true } : {}) };
  const stacks = deck.stacks.map((stack) => {
    const inner = stack.map((slide) => renderSlide(slide, ctx, report)).join('\n');
    return `<section class="lectern-stack">\n${inner}\n</section>`;
  });
  const slides = stacks.join('\n');
  return {
    slug: deck.meta.slug,
    html: renderDocument(deck, slides, options),
    slides,
    slideCount: deck.stacks.reduce((n, s) => n + s.length, 0),
    codeBlockCount: report.codeBlocks,
    diagnostics: [...deck.diagnostics, ...report.diagnostics],
  };
}
