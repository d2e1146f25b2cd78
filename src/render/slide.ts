/** One planned slide → a reveal.js `<section>` with its speaker notes. */
import { assertNever, type Diagnostic, type Slide, type SlidePart } from '../model.js';
import { escapeHtml, plainText } from '../text.js';
import { renderBlock, type HtmlMode } from './blocks.js';
import { renderDiagram } from './diagram.js';
import { safeUrl } from './escape.js';
import { renderCodePre } from './code.js';
import { renderInlines } from './inline.js';
import { qrSvg } from './share.js';

/** What a slide's rendering reports back. */
export interface SlideReport {
  codeBlocks: number;
  diagnostics: Diagnostic[];
}

/** Where a slide sits, for its heading attributes and diagnostics. */
export interface SlideContext {
  readonly file: string;
  /** What to do with the article's raw HTML (default: sanitize). */
  readonly html?: HtmlMode;
  /** Leave the speaker notes out of the page (`--no-notes`). */
  readonly noNotes?: boolean;
}

/** A slide as HTML. */
export function renderSlide(slide: Slide, ctx: SlideContext, report: SlideReport): string {
  const kindClass = slide.kind === 'title' ? 'lectern-title-slide' : `lectern-${slide.kind}`;
  const heading = slide.heading ? ` data-heading-level="${slide.heading.level}" data-heading="${escapeHtml(slide.heading.text)}"` : '';
  const kicker = slide.kicker ? ` data-kickers="${escapeHtml(JSON.stringify(slide.kicker.headings))}"` : '';
  const aliases = slide.aliases && slide.aliases.length > 0 ? ` data-lectern-aliases="${escapeHtml(slide.aliases.join(' '))}"` : '';
  // reveal.js's pacing timer reads data-timing; a backup slide is left out of the slide count and progress.
  const timing = slide.timing === undefined ? '' : ` data-timing="${slide.timing}"`;
  const backup = slide.backup ? ' data-visibility="uncounted" data-lectern-backup="true"' : '';
  const attrs = `id="${escapeHtml(slide.id)}" class="lectern-slide ${kindClass}${slide.backup ? ' lectern-backup' : ''}" data-kind="${slide.kind}" data-line="${slide.line}"${timing}${backup}${heading}${kicker}${aliases}`;
  const title = `${slide.kicker ? `<p class="lectern-kicker">${renderInlines(slide.kicker.inlines)}</p>\n` : ''}${renderTitle(slide)}`;
  const body = renderSlideBody(slide, ctx, report);
  const notes = ctx.noNotes ? '' : renderNotes(slide);
  const aside = notes ? `\n<aside class="notes">${notes}</aside>` : '';
  return `<section ${attrs}>\n${title}<div class="lectern-body">\n${body}\n</div>${aside}\n</section>`;
}

/** What a slide shows below its title, as HTML. */
export function renderSlideBody(slide: Slide, ctx: SlideContext, report: SlideReport): string {
  return slide.parts.map((p) => renderPart(p, slide, ctx, report)).join('\n');
}

/**
 * A slide's speaker notes as HTML, then the link back to its section of the article when known (a
 * slide without notes gets the link alone); '' when neither.
 */
export function renderNotes(slide: Slide): string {
  const notes = slide.notes.map((b) => renderBlock(b, 'notes')).filter((html) => html !== '');
  if (slide.source !== undefined) notes.push(renderSourceLink(slide.source));
  return notes.filter((html) => html !== '').join('\n');
}

/** The link to the section of the article a slide comes from, its address as its text (handouts are printed: the address must show). */
export function renderSourceLink(source: string): string {
  const href = safeUrl(source);
  if (href === undefined) return '';
  return `<p class="lectern-source">In the article: <a href="${escapeHtml(href)}">${escapeHtml(source)}</a></p>`;
}

function renderTitle(slide: Slide): string {
  if (!slide.title || slide.title.length === 0 || slide.kind === 'statement') return '';
  const tag = slide.kind === 'title' ? 'h1' : 'h2';
  const continued = slide.continued ? ` <span class="lectern-continued">(${slide.continued.index}/${slide.continued.total})</span>` : '';
  return `<${tag} class="lectern-title">${renderInlines(slide.title)}${continued}</${tag}>\n`;
}

function renderPart(part: SlidePart, slide: Slide, ctx: SlideContext, report: SlideReport): string {
  switch (part.type) {
    case 'points':
      return `<ul class="lectern-points">${part.items.map((i) => `<li>${renderInlines(i)}</li>`).join('')}</ul>`;
    case 'text': {
      const cls = slide.kind === 'statement' ? 'lectern-statement' : slide.kind === 'title' ? 'lectern-subtitle' : 'lectern-text';
      return `<p class="${cls}">${renderInlines(part.inlines)}</p>`;
    }
    case 'block':
      if (part.block.type === 'code') report.codeBlocks++;
      return renderBlock(part.block, 'slide', ctx.html);
    case 'code':
      return renderCode(part, slide, ctx, report);
    case 'diagram':
      return renderDiagram(part);
    case 'byline': {
      const description = part.description ? `<p class="lectern-description">${escapeHtml(part.description)}</p>` : '';
      const author = part.author ? `<span class="lectern-author">${escapeHtml(part.author)}</span>` : '';
      const date = part.date ? `<time datetime="${escapeHtml(part.date)}">${escapeHtml(part.date)}</time>` : '';
      const by = author || date ? `<p class="lectern-byline">${[author, date].filter(Boolean).join(' · ')}</p>` : '';
      return description + by;
    }
    case 'row':
      return `<div class="lectern-row">${part.parts.map((p) => `<div class="lectern-col">${renderPart(p, slide, ctx, report)}</div>`).join('')}</div>`;
    case 'url': {
      const href = safeUrl(part.url);
      const link = href === undefined ? escapeHtml(part.url) : `<a href="${escapeHtml(href)}">${escapeHtml(part.url)}</a>`;
      // The QR code is drawn inline (no file to copy); it reads the same on every theme.
      const qr = part.qr ? `<figure class="lectern-qr">${qrSvg(part.url)}</figure>` : '';
      return `${qr}<p class="lectern-url">${link}</p>`;
    }
    case 'nav': {
      const links = part.links.map((l) => {
        const href = safeUrl(l.href);
        const text = renderInlines(l.children);
        return href === undefined ? `<span class="lectern-nav-${l.rel}">${text}</span>` : `<a class="lectern-nav-${l.rel}" href="${escapeHtml(href)}">${text}</a>`;
      });
      return `<nav class="lectern-nav">${links.join('')}</nav>`;
    }
    default:
      return assertNever(part);
  }
}

function renderCode(part: Extract<SlidePart, { type: 'code' }>, slide: Slide, ctx: SlideContext, report: SlideReport): string {
  report.codeBlocks++;
  const { html, known } = renderCodePre(part, true);
  if (!known && part.lang !== undefined) {
    report.diagnostics.push({
      severity: 'warning',
      code: 'code-unknown-language',
      message: `code language "${part.lang}" is not one Lectern highlights; the code is shown uncoloured`,
      file: ctx.file,
      line: slide.line,
      hint: 'name a language highlight.js knows (python, js, ts, bash, go, rust, …) after the opening fence',
    });
  }
  const caption = part.caption ? `<figcaption class="lectern-caption">${renderInlines(part.caption)}</figcaption>` : '';
  const title = part.title ? `<div class="lectern-code-title">${escapeHtml(part.title)}</div>` : '';
  const scale = part.scale === 1 ? '' : ` style="--lectern-code-scale:${part.scale}"`;
  return `<figure class="lectern-code"${scale}>${caption}${title}${html}</figure>`;
}

/** Plain text of a slide title, for outlines. */
export function slideTitleText(slide: Slide): string {
  return slide.title ? plainText(slide.title) : '';
}
