/** Article blocks → HTML, for slides (as the article has them) and for speaker notes. */
import { assertNever, type Block, type ListItem } from '../model.js';
import { escapeHtml } from '../text.js';
import { safeImageUrl } from './escape.js';
import { renderCodePre } from './code.js';
import { renderInlines } from './inline.js';
import { texSource, typesetMath } from './math.js';
import { sanitizeEmbed } from './sanitize.js';

/** How an article's raw HTML is rendered: sanitized (the default) or as written (`--unsafe-html`). */
export type HtmlMode = 'sanitize' | 'unsafe';

/**
 * A block as HTML. `where` picks the class names (slides get lectern-* classes, notes stay plain);
 * `html` says what to do with the article's raw HTML.
 */
export function renderBlock(block: Block, where: 'slide' | 'notes', html: HtmlMode = 'sanitize'): string {
  const cls = (name: string): string => (where === 'slide' ? ` class="${name}"` : '');
  const inner = (b: Block): string => renderBlock(b, where, html);
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInlines(block.inlines, where)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${cls('lectern-list')}${start}>${block.items.map((i) => renderItem(i, inner, where)).join('')}</${tag}>`;
    }
    case 'code':
      return renderCodePre(block, false, where === 'slide').html;
    case 'math':
      if (where === 'notes') return `<p><code class="lectern-tex">${escapeHtml(texSource(block.tex, true))}</code></p>`;
      return `<div class="lectern-math">${typesetMath(block.tex, true).html}</div>`;
    case 'quote':
      return `<blockquote${cls('lectern-quote')}>${block.blocks.map(inner).join('')}</blockquote>`;
    case 'table':
      return renderTable(block, where);
    case 'image': {
      const src = safeImageUrl(block.src);
      const img = src === undefined ? escapeHtml(block.alt) : `<img src="${escapeHtml(src)}" alt="${escapeHtml(block.alt)}">`;
      const caption = block.caption ? `<figcaption>${renderInlines(block.caption, where)}</figcaption>` : '';
      return `<figure${cls('lectern-image')}>${img}${caption}</figure>`;
    }
    case 'callout': {
      const title = calloutTitle(block, where);
      const body = block.blocks.map(inner).join('');
      if (where === 'notes') return `<blockquote>${title === '' ? '' : `<p><strong>${title}</strong></p>`}${body}</blockquote>`;
      const head = title === '' ? '' : `<p class="lectern-callout-title">${title}</p>`;
      return `<div class="lectern-callout" data-kind="${escapeHtml(block.kind)}">${head}${body}</div>`;
    }
    case 'html':
      return renderHtmlBlock(block, where, html);
    case 'directive':
      return block.name === 'notes' && block.text ? `<p>${escapeHtml(block.text)}</p>` : '';
    case 'rule':
      return '<hr>';
    default:
      return assertNever(block);
  }
}

function renderItem(item: ListItem, inner: (b: Block) => string, where: 'slide' | 'notes'): string {
  const check = item.checked === undefined ? '' : `<input type="checkbox" disabled${item.checked ? ' checked' : ''}> `;
  return `<li>${check}${renderInlines(item.inlines, where)}${item.blocks.map(inner).join('')}</li>`;
}

/**
 * An embed: on a slide, its HTML sanitized (or as written when the author opted in); in the notes,
 * its text only, so that nothing hidden loads or plays behind the slides.
 */
function renderHtmlBlock(block: Extract<Block, { type: 'html' }>, where: 'slide' | 'notes', html: HtmlMode): string {
  if (where === 'notes') return block.text.trim() === '' ? '' : `<p>${escapeHtml(block.text)}</p>`;
  const body = html === 'unsafe' ? block.html : sanitizeEmbed(block.html);
  return `<div class="lectern-html">${body}</div>`;
}

function renderTable(block: Extract<Block, { type: 'table' }>, where: 'slide' | 'notes'): string {
  const align = (i: number): string => {
    const a = block.align[i];
    return a ? ` style="text-align:${a}"` : '';
  };
  const head = block.header.length > 0 ? `<thead><tr>${block.header.map((c, i) => `<th${align(i)}>${renderInlines(c, where)}</th>`).join('')}</tr></thead>` : '';
  const body = block.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${renderInlines(c, where)}</td>`).join('')}</tr>`).join('');
  return `<table${where === 'slide' ? ' class="lectern-table"' : ''}>${head}<tbody>${body}</tbody></table>`;
}

/**
 * Kinds whose name is the title their site shows when the article gives none (MkDocs titles an
 * untitled `!!! note` "Note", GitHub an alert "Note"). Other kinds (MDX components such as
 * `<ConsoleBlockMulti>`) are containers: a made-up title would be text the article never shows.
 */
const TITLED_KINDS: ReadonlySet<string> = new Set([
  'note', 'tip', 'hint', 'info', 'todo', 'important', 'warning', 'caution', 'attention', 'danger', 'error', 'success', 'check',
  'done', 'failure', 'fail', 'missing', 'bug', 'example', 'quote', 'cite', 'abstract', 'summary', 'tldr', 'question', 'help',
  'faq', 'seealso', 'pitfall', 'deprecated',
]);

/** The callout's own title, else its kind's name when that is what the site shows, else ''. */
function calloutTitle(block: Extract<Block, { type: 'callout' }>, where: 'slide' | 'notes'): string {
  if (block.title !== undefined && block.title.length > 0) return renderInlines(block.title, where);
  return TITLED_KINDS.has(block.kind) ? escapeHtml(capitalize(block.kind)) : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
