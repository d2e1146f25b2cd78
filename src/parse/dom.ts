/**
 * Small helpers over parse5's default tree: node tests, attributes, text, lines, and a serializer
 * that leaves presentation attributes (class, style) behind.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { escapeHtml } from '../text.js';

/** A node that has children. */
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** parse5's default tree types, under short names. */
export type Node = DefaultTreeAdapterTypes.Node;
export type ChildNode = DefaultTreeAdapterTypes.ChildNode;
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;
export type CommentNode = DefaultTreeAdapterTypes.CommentNode;

/** Elements whose content is never article text. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'link', 'meta', 'noscript', 'template', 'svg', 'head', 'title', 'base',
]);

/** Whether a node is an element (has a tag name). */
export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Whether a node is a text node. */
export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

/** Whether a node is a comment. */
export function isComment(node: Node): node is CommentNode {
  return node.nodeName === '#comment';
}

/** The children of a node that can have them (templates' content is not article text). */
export function childrenOf(node: Node): readonly ChildNode[] {
  return 'childNodes' in node && !INVISIBLE_TAGS.has(node.nodeName) ? node.childNodes : [];
}

/** An attribute's value, or undefined when the element does not have it. */
export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The element's class names (read to recognise icons and languages, never kept). */
export function classList(el: Element): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter((c) => c !== '');
}

/** All text below a node, as written (entities decoded by parse5); `<br>` counts as a newline. */
export function textContent(node: Node): string {
  if (isText(node)) return node.value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  return childrenOf(node).map(textContent).join('');
}

/** The 1-based line (of the parsed text) at which a node starts. */
export function nodeLine(node: Node): number {
  const loc = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
  return loc?.startLine ?? 1;
}

/** The line of the first visible character of a node: text nodes often start with a newline. */
export function visibleLine(node: Node): number {
  if (!isText(node)) return nodeLine(node);
  const lead = /^[ \t\n\r\f]*/.exec(node.value)?.[0] ?? '';
  return nodeLine(node) + (lead.match(/\n/g)?.length ?? 0);
}

/** Decodes HTML character references (`&amp;`, `&#x27;`) in Markdown text, as CommonMark does. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // `<` is escaped first so the HTML parser sees text only.
  const fragment = parseFragment(text.replace(/</g, '&lt;'));
  return fragment.childNodes.map(textContent).join('');
}

const VOID_TAGS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
/** Attributes that only style the page; a deck has its own theme. */
const PRESENTATION_ATTRS = new Set(['class', 'style']);


/** The HTML of a node without class/style attributes, scripts or styles. */
export function cleanHtml(node: Node): string {
  if (isText(node)) return escapeHtml(node.value);
  if (!isElement(node) || INVISIBLE_TAGS.has(node.tagName)) return '';
  const attrs = node.attrs
    .filter((a) => !PRESENTATION_ATTRS.has(a.name))
    .map((a) => ` ${a.name}="${escapeHtml(a.value)}"`)
    .join('');
  if (VOID_TAGS.has(node.tagName)) return `<${node.tagName}${attrs}>`;
  return `<${node.tagName}${attrs}>${childrenOf(node).map(cleanHtml).join('')}</${node.tagName}>`;
}

/**
 * Elements nested more than this deep are read as their text: the tree walkers recurse once per
 * level, and no article needs more (real pages stay well under 60).
 */
export const MAX_HTML_DEPTH = 100;

/**
 * Replaces the content of every element nested deeper than `maxDepth` with one text node holding
 * its text, so no walker recurses past that depth and no word is lost. Iterative; the tree is the
 * caller's own fresh parse. Returns the line of the first element flattened, if any.
 */
export function flattenDeep(root: ParentNode, maxDepth: number = MAX_HTML_DEPTH): number | undefined {
  let first: number | undefined;
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (!('childNodes' in node) || INVISIBLE_TAGS.has(node.nodeName)) continue;
    if (depth >= maxDepth && isElement(node)) {
      first ??= nodeLine(node);
      const value = iterativeText(node);
      const text: TextNode = { nodeName: '#text', value, parentNode: node, sourceCodeLocation: node.sourceCodeLocation ?? null };
      node.childNodes = value === '' ? [] : [text];
      continue;
    }
    for (const child of node.childNodes) stack.push({ node: child, depth: depth + 1 });
  }
  return first;
}

/** textContent without recursion (for trees too deep to recurse into). */
function iterativeText(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isText(node)) parts.push(node.value);
    else if (isElement(node) && node.tagName === 'br') parts.push('\n');
    else for (let i = childrenOf(node).length - 1; i >= 0; i--) stack.push(childrenOf(node)[i] as Node);
  }
  return parts.join('');
}
