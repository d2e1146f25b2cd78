/** Inline model → HTML. */
import { assertNever, type Inline } from '../model.js';
import { escapeHtml } from '../text.js';
import { isExternal, safeImageUrl, safeUrl } from './escape.js';

/** Inline content as HTML. Unsafe URLs lose their link, never their text. */
export function renderInlines(inlines: readonly Inline[]): string {
  return inlines.map(renderInline).join('');
}

function renderInline(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.text);
    case 'code':
      return `<code>${escapeHtml(node.text)}</code>`;
    case 'strong':
      return `<strong>${renderInlines(node.children)}</strong>`;
    case 'em':
      return `<em>${renderInlines(node.children)}</em>`;
    case 'del':
      return `<del>${renderInlines(node.children)}</del>`;
    case 'break':
      return '<br>';
    case 'link': {
      const href = safeUrl(node.href);
      if (href === undefined) return renderInlines(node.children);
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      const target = isExternal(href) ? ' target="_blank" rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(href)}"${title}${target}>${renderInlines(node.children)}</a>`;
    }
    case 'image': {
      const src = safeImageUrl(node.src);
      if (src === undefined) return escapeHtml(node.alt);
      const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.alt)}"${title} loading="eager">`;
    }
    default:
      return assertNever(node);
  }
}
