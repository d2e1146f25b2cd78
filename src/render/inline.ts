/** Inline model → HTML. */
import { assertNever, type Inline } from '../model.js';
import { escapeHtml } from '../text.js';
import { isExternal, safeImageUrl, safeUrl } from './escape.js';
import { texSource, typesetMath } from './math.js';

/** Where inline content is shown: on a slide (math typeset) or in the speaker notes (math as its TeX). */
export type InlineWhere = 'slide' | 'notes';

/** Inline content as HTML. Unsafe URLs lose their link, never their text. */
export function renderInlines(inlines: readonly Inline[], where: InlineWhere = 'slide'): string {
  let out = '';
  for (const node of inlines) out += renderInline(node, where);
  return out;
}

function renderInline(node: Inline, where: InlineWhere): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.text);
    case 'code':
      return `<code>${escapeHtml(node.text)}</code>`;
    case 'strong':
      return `<strong>${renderInlines(node.children, where)}</strong>`;
    case 'em':
      return `<em>${renderInlines(node.children, where)}</em>`;
    case 'del':
      return `<del>${renderInlines(node.children, where)}</del>`;
    case 'break':
      return '<br>';
    case 'link': {
      const href = safeUrl(node.href);
      if (href === undefined) return renderInlines(node.children, where);
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      const target = isExternal(href) ? ' target="_blank" rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(href)}"${title}${target}>${renderInlines(node.children, where)}</a>`;
    }
    case 'image': {
      const src = safeImageUrl(node.src);
      if (src === undefined) return escapeHtml(node.alt);
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.alt)}"${title} loading="eager">`;
    }
    case 'math':
      // The speaker view has no KaTeX stylesheet, and TeX reads aloud better than a layout of spans.
      if (where === 'notes') return `<code class="lectern-tex">${escapeHtml(texSource(node.tex, node.display))}</code>`;
      return typesetMath(node.tex, node.display).html;
    case 'footnote':
      return `<sup class="lectern-fnref" data-footnote="${escapeHtml(node.label)}">${node.number}</sup>`;
    default:
      return assertNever(node);
  }
}

/** Whether inline content holds a formula (the deck then links KaTeX's stylesheet). */
export function hasMathInline(inlines: readonly Inline[]): boolean {
  return inlines.some((n) => n.type === 'math' || ('children' in n && hasMathInline(n.children)));
}
