/**
 * The article's words, read from its source text (after front matter and Liquid, as load/ left it)
 * with the markup stripped — on purpose NOT through Lectern's parser, so that a parser that drops
 * text shows up as lost words. What is stripped is syntax only: tags, attributes, comments, link
 * and image targets, fence lines, admonition/tab/shortcode markers, list and heading markers,
 * reference definitions, front-matter-like ESM lines of MDX. What is kept: every word a reader of
 * the rendered article sees, code included, image alt text included.
 *
 * For an HTML page, the text of `<article>` (else `<main>`, else `<body>`) without scripts, styles
 * and page chrome (nav, sidebars, headers/footers that are only navigation), as the parser does.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { attr, isElement } from '../parse/dom.js';
import { replaceDelimited } from '../text.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The source format, as load/ decided it. */
export type TextFormat = 'markdown' | 'html';

/** The reader-visible text of an article body. */
export function articleText(body: string, format: TextFormat): string {
  if (format === 'html') return htmlText(body);
  return markdownText(body);
}

const FENCE = /^(\s*(?:>\s*)*)(`{3,}|~{3,})(.*)$/;

/** Markdown: code blocks kept verbatim, the rest stripped of syntax and read as HTML by parse5. */
function markdownText(body: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | undefined;
  const flush = (): void => {
    if (prose.length > 0) out.push(proseText(prose.join('\n')));
    prose = [];
  };
  for (const line of body.split(/\r?\n/)) {
    const match = FENCE.exec(line);
    if (fence === undefined && match !== null && !(match[2]!.startsWith('`') && match[3]!.includes('`'))) {
      flush();
      fence = match[2]!;
      continue;
    }
    if (fence !== undefined) {
      if (match !== null && match[2]!.startsWith(fence[0]!) && match[2]!.length >= fence.length && match[3]!.trim() === '') fence = undefined;
      else out.push(line);
      continue;
    }
    prose.push(stripLine(line));
  }
  flush();
  return out.join('\n');
}

/** Line-level syntax: block markers whose words are not the article's (kinds, ids, targets). */
function stripLine(line: string): string {
  return (
    line
      // MDX module lines.
      .replace(/^\s*(?:import|export)\s.*\bfrom\s+['"][^'"]+['"];?\s*$/, '')
      // Reference definitions `[id]: url "title"` (the label is only a key), footnote labels kept.
      .replace(/^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+.*$/, '')
      // Admonitions: `!!! note "Title"`, `???+ tip`, `/// note | Title`, `:::note[Title]`, `> [!NOTE]`.
      .replace(/^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*/, '$1')
      .replace(/^(\s*)\/{3,}\s*[\w-]*\s*\|?/, '$1')
      .replace(/^(\s*):{3,}\s*[\w-]*/, '$1')
      .replace(/\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][+-]?/gi, '')
      // Content tabs `=== "Tab"` keep their label; list markers, task boxes and ordered numbers go.
      .replace(/^(\s*)===\+?\s*/, '$1')
      .replace(/^(\s*(?:>\s*)*)(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '$1')
  );
}

/** Inline syntax, then parse5 for tags, comments and entities. */
function proseText(text: string): string {
  const codeSpans: string[] = [];
  const stripped = text
    // Inline code is literal text: protected from the HTML reading below (private-use marks:
    // parse5 would turn NUL into U+FFFD).
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
      codeSpans.push(code);
      return `\uE000${codeSpans.length - 1}\uE001`;
    })
    // Images keep their alt text, links their text: the targets are not words anyone reads.
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, ' $1 ')
    .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, ']')
    .replace(/\]\[[^\]]*\]/g, ']')
    .replace(/\[\^[^\]]+\]/g, ' ')
    .replace(/\{:?\s*[#.][^{}\n]*\}/g, '');
  // MDX comments (`{/*heading-id*/}`) go (attribute lists above: `{#id}`, `{ #id .class }`, `{: .note }`);
  // Hugo shortcodes and Liquid left unresolved: the tags go, the text between a pair stays.
  // Linear scans: the lazy regexes were quadratic over openers never closed.
  const untagged = replaceDelimited(
    replaceDelimited(replaceDelimited(stripped, [['{/*', ['*/}']]], () => ''), [['{{<', ['>}}', '%}}']], ['{{%', ['>}}', '%}}']]], () => ' '),
    [['{%', ['%}']], ['{{', ['}}']]],
    () => ' ',
  )
    // Icon and emoji shortcodes (`:octicons-mark-github-16:`, `:tada:`) are pictures, not words.
    .replace(/(^|[\s"'(>]):(?:[a-z][a-z0-9_+-]*|[+-]1):(?=[\s"'),.!?<]|$)/gm, '$1')
    // Autolinks show their URL.
    .replace(/<((?:https?|mailto|ftp):[^>\s]+)>/gi, ' $1 ')
    // A `<` that cannot start a tag is text.
    .replace(/<(?![A-Za-z/!?])/g, '&lt;');
  const html = fragmentText(untagged);
  return html.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => ` ${codeSpans[Number(i)] ?? ''} `);
}

/** HTML of a whole page or a fragment: the article's part of it. */
function htmlText(body: string): string {
  if (!/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype|<html[\s>])/i.test(body)) return fragmentText(body);
  const document = parse(body);
  const root = findFirst(document, 'article') ?? findFirst(document, 'main') ?? findFirst(document, 'body');
  return root === undefined ? '' : textOf(root, true);
}

function fragmentText(html: string): string {
  return textOf(parseFragment(html), false);
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'title', 'link', 'meta', 'base']);

/**
 * The text below `root`. Iterative: an article may nest elements thousands deep (4,000 nested
 * `<div>`s overflowed the stack here), and this reader must not depend on the parser's limits.
 */
function textOf(root: Node, dropChrome: boolean): string {
  const out: string[] = [];
  // Nodes still to read, and separators to emit once an element's children are read.
  const stack: (Node | string)[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeName === '#text') {
      out.push((item as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!('childNodes' in item)) continue;
    if (isElement(item)) {
      if (SKIPPED.has(item.tagName) || (dropChrome && isChrome(item))) continue;
      if (item.tagName === 'img') {
        out.push(` ${attr(item, 'alt') ?? ''} `);
        continue;
      }
      // Every element boundary separates words: `<td>a</td><td>b</td>` is two words on a slide too.
      if (!INLINE.has(item.tagName)) {
        out.push(' ');
        stack.push(' ');
      }
    }
    for (let i = item.childNodes.length - 1; i >= 0; i--) stack.push(item.childNodes[i] as Node);
  }
  return out.join('');
}

/** Phrasing elements: words may run across their edges (`<b>un</b>usual` is one word). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'del', 'ins']);

/** Navigation around the article, not in it (the parser drops the same). */
function isChrome(el: Element): boolean {
  if (el.tagName === 'nav') return true;
  if (el.tagName === 'aside' && (attr(el, 'class') ?? '').includes('sidebar')) return true;
  if (el.tagName !== 'header' && el.tagName !== 'footer') return false;
  const hasHeading = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].some((h) => findFirst(el, h) !== undefined);
  return findFirst(el, 'nav') !== undefined && !hasHeading;
}

/** The first element named `tagName` below `root`, in document order (iterative, like textOf). */
function findFirst(root: Node, tagName: string): Element | undefined {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node !== root && isElement(node) && node.tagName === tagName) return node;
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
  }
  return undefined;
}
