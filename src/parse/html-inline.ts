/**
 * HTML phrasing content (parse5 nodes) → Inline[]. Icons and presentation wrappers go; emphasis,
 * code, links and images stay. A link without an href (an unresolved Liquid link) is plain text.
 */
import type { Inline } from '../model.js';
import { attr, childrenOf, classList, isComment, isElement, isText, textContent, INVISIBLE_TAGS } from './dom.js';
import type { ChildNode, Element, Node } from './dom.js';
import { normalizeInlines } from './inline.js';
import { splitTexDelimiters } from './math.js';

/**
 * Elements that the block walker maps or walks through. Every other element (span, a, em, code,
 * but also custom elements) is phrasing content unless it holds one of these.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'aside', 'nav', 'address', 'hgroup',
  'search', 'menu', 'center', 'details', 'summary', 'fieldset', 'legend', 'form', 'p', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'figure',
  'figcaption', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'iframe', 'video', 'audio', 'canvas', 'object', 'embed',
  'math', 'picture',
]);

/** Class names of icon fonts (Font Awesome, Bootstrap Icons, Material, Octicons...). */
const ICON_CLASS = /^(?:fa[srlbdk]?|fa-.+|icon|icon-.+|bi|bi-.+|glyphicon.*|material-icons.*|material-symbols.*|octicon.*)$/;

/** Whether an element is an icon: `<i class="fa…">`, `<span class="icon…">`, or an empty `<i>`. */
export function isIcon(el: Element): boolean {
  if (el.tagName !== 'i' && el.tagName !== 'span') return false;
  if (classList(el).some((c) => ICON_CLASS.test(c))) return true;
  return el.tagName === 'i' && textContent(el).trim() === '';
}

/** Whether an element holds block content somewhere below it (then it is not phrasing). */
function hasBlockDescendant(el: Element): boolean {
  return childrenOf(el).some(
    (child) => isElement(child) && !INVISIBLE_TAGS.has(child.tagName) && (BLOCK_TAGS.has(child.tagName) || hasBlockDescendant(child)),
  );
}

/** Whether a node belongs in an inline run: text, or an element that is not and holds no block. */
export function isInlineNode(node: Node): boolean {
  if (isText(node)) return true;
  if (isElement(node) && mathOf(node) !== undefined) return true;
  if (!isElement(node) || INVISIBLE_TAGS.has(node.tagName)) return false;
  return !BLOCK_TAGS.has(node.tagName) && !hasBlockDescendant(node);
}

/** Inlines of HTML nodes, white space normalised. */
export function htmlInlines(nodes: readonly ChildNode[]): Inline[] {
  return normalizeInlines(convertNodes(nodes));
}

/** Inlines of HTML nodes before white space is normalised (for callers that join several runs). */
export function rawHtmlInlines(nodes: readonly Node[]): Inline[] {
  return nodes.flatMap(convertNode);
}

const convertNodes = rawHtmlInlines;

function convertNode(node: Node): Inline[] {
  if (isText(node)) return textInlines(node.value);
  if (isComment(node) || !isElement(node)) return [];
  return convertElement(node);
}

/** Text, with the formulas MathJax would find in it (`\(…\)`, `\[…\]`, `$$…$$`). */
function textInlines(text: string): Inline[] {
  return splitTexDelimiters(text).map((p): Inline => ('tex' in p ? { type: 'math', tex: p.tex, display: p.display } : { type: 'text', text: p.text }));
}

/**
 * Math a page already marked up: KaTeX's output (its TeX is in the MathML annotation), MathJax 2's
 * `<script type="math/tex">`, pandoc's `<span class="math inline">` (with or without delimiters).
 */
function mathOf(el: Element): Extract<Inline, { type: 'math' }> | undefined {
  const cls = classList(el);
  if (el.tagName === 'script') {
    const type = (attr(el, 'type') ?? '').toLowerCase();
    if (!type.startsWith('math/tex')) return undefined;
    // A script's text is not article text to textContent: read its one text node directly.
    const tex = el.childNodes.map((n) => (isText(n) ? n.value : '')).join('').trim();
    return tex === '' ? undefined : { type: 'math', tex, display: type.includes('mode=display') };
  }
  if (cls.includes('katex') || cls.includes('katex-display')) {
    const annotation = findAnnotation(el);
    const tex = annotation === undefined ? '' : textContent(annotation).trim();
    return tex === '' ? undefined : { type: 'math', tex, display: cls.includes('katex-display') || attr(el, 'display') === 'block' };
  }
  if (cls.includes('math') && (cls.includes('inline') || cls.includes('display'))) {
    const raw = textContent(el).trim();
    const tex = raw.replace(/^(?:\\\(|\\\[|\$\$?)([\s\S]*?)(?:\\\)|\\\]|\$\$?)$/, '$1').trim();
    return tex === '' ? undefined : { type: 'math', tex, display: cls.includes('display') };
  }
  return undefined;
}

function findAnnotation(el: Element): Element | undefined {
  for (const child of el.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'annotation' && (attr(child, 'encoding') ?? '').includes('tex')) return child;
    const found = findAnnotation(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function convertElement(el: Element): Inline[] {
  const math = mathOf(el);
  if (math !== undefined) return [math];
  if (INVISIBLE_TAGS.has(el.tagName) || isIcon(el)) return [];
  const children = (): Inline[] => convertNodes(childrenOf(el));
  switch (el.tagName) {
    case 'br':
      return [{ type: 'break' }];
    case 'img':
      return imageInline(el);
    case 'a':
      return linkInline(el, children());
    case 'strong':
    case 'b':
      return [{ type: 'strong', children: children() }];
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
    case 'var':
      return [{ type: 'em', children: children() }];
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return [{ type: 'code', text: textContent(el) }];
    case 'del':
    case 's':
    case 'strike':
      return [{ type: 'del', children: children() }];
    case 'q':
      return [{ type: 'text', text: '“' }, ...children(), { type: 'text', text: '”' }];
    case 'input':
      return [];
    default:
      // span, small, sup, sub, mark, u, abbr, custom elements: their text, without the wrapper.
      return children();
  }
}

function imageInline(el: Element): Inline[] {
  const src = attr(el, 'src') ?? '';
  const alt = attr(el, 'alt') ?? '';
  if (src === '') return alt === '' ? [] : [{ type: 'text', text: alt }];
  const title = attr(el, 'title');
  return [title === undefined ? { type: 'image', src, alt } : { type: 'image', src, alt, title }];
}

function linkInline(el: Element, children: Inline[]): Inline[] {
  const href = (attr(el, 'href') ?? '').trim();
  if (href === '') return children;
  const title = attr(el, 'title');
  return [title === undefined ? { type: 'link', href, children } : { type: 'link', href, title, children }];
}
