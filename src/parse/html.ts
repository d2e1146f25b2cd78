/**
 * HTML (parse5) → Flow. Containers (section, div, article...) are transparent; a run of phrasing
 * content inside one becomes a paragraph (custom elements included, so their words join the
 * sentence they sit in); known elements map to blocks; page chrome, scripts and styles go; embeds
 * (iframe, video, form...) become `html` blocks that keep their visible text.
 */
import { parse, parseFragment } from 'parse5';
import type { Block } from '../model.js';
import { attr, childrenOf, classList, cleanHtml, flattenDeep, isComment, isElement, textContent, visibleLine, INVISIBLE_TAGS, MAX_HTML_DEPTH } from './dom.js';
import type { ChildNode, CommentNode, Element, Node, ParentNode } from './dom.js';
import type { Flow, FlowItem, ParseContext } from './flow.js';
import { toBlocks } from './flow.js';
import { codeBlock, definitionList, figureBlocks, languageOf, listBlock, tableBlock, type Walker } from './html-blocks.js';
import { languageName } from '../render/highlight.js';
import { htmlInlines, isInlineNode } from './html-inline.js';
import { soleImage, soleMath } from './inline.js';
import { directiveFromComment, isDirectiveComment } from './directives.js';

/** Embedded things the parser cannot turn into text: kept as HTML, with what text they have. */
const OPAQUE = new Set(['iframe', 'video', 'audio', 'canvas', 'object', 'embed', 'form', 'math']);
/** Opaque elements worth keeping even without text (the renderer may show them). */
const MEDIA = new Set(['iframe', 'video', 'audio', 'canvas', 'object', 'embed']);

/** HTML inside a Markdown article (or an HTML fragment): `firstLine` is the file line of its first line. */
export function htmlToFlow(html: string, firstLine: number, ctx: ParseContext): Flow {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  limitDepth(fragment, firstLine, ctx);
  return createWalker(firstLine, ctx, false).children(fragment.childNodes);
}

/** Flattens elements nested too deep to walk, with a warning at the first one. */
function limitDepth(root: ParentNode, firstLine: number, ctx: ParseContext): void {
  const line = flattenDeep(root);
  if (line === undefined) return;
  ctx.diagnostics.push({
    severity: 'warning',
    code: 'html-too-deep',
    message: `HTML elements are nested more than ${MAX_HTML_DEPTH} levels deep here: the deepest ones are read as plain text`,
    file: ctx.file,
    line: firstLine + line - 1,
    hint: 'close the elements you open (an unclosed <b> or <div> nests everything after it)',
  });
}

/**
 * An HTML article body: a whole page (doctype/`<html>`) is reduced to its article, else a fragment.
 * A page whose article has no `<h1>` is titled by its `<title>` when `titleFromPage` (no front matter title).
 */
export function htmlBodyToFlow(html: string, firstLine: number, ctx: ParseContext, titleFromPage = false): Flow {
  if (!/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype|<html[\s>])/i.test(html)) return htmlToFlow(html, firstLine, ctx);
  const document = parse(html, { sourceCodeLocationInfo: true });
  limitDepth(document, firstLine, ctx);
  const root = findFirst(document, 'article') ?? findFirst(document, 'main') ?? findFirst(document, 'body');
  if (root === undefined) return [];
  // A language class on the page (`<body class="lang-go">`) is the language of its unnamed code.
  const declared = [root, findFirst(document, 'body'), findFirst(document, 'html')].map((el) => (el === undefined ? undefined : languageOf(el))).find((l) => l !== undefined && languageName(l) !== undefined);
  const flow = createWalker(firstLine, ctx, true, declared).children(root.childNodes);
  const title = titleFromPage ? pageTitle(document, flow, firstLine) : undefined;
  return title === undefined ? flow : [title, ...flow];
}

/** The page's `<title>` as the article's h1, when the article has none of its own. */
function pageTitle(document: Node, flow: Flow, firstLine: number): FlowItem | undefined {
  if (flow.some((item) => item.type === 'heading' && item.depth === 1)) return undefined;
  const element = findTitle(document);
  const text = element === undefined ? '' : textOf(element).replace(/[ \t\n\r\f]+/g, ' ').trim();
  if (element === undefined || text === '') return undefined;
  return { type: 'heading', depth: 1, inlines: [{ type: 'text', text }], line: firstLine + visibleLine(element) - 1 };
}

/** The `<title>` in the page's `<head>` (childrenOf does not look inside head, which holds no article text). */
function findTitle(document: Node): Element | undefined {
  const html = 'childNodes' in document ? document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html') : undefined;
  const head = html?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'head');
  return head?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'title');
}

/** Text of a `<title>` (its content is a single text node; childrenOf skips the title element). */
function textOf(el: Element): string {
  return el.childNodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : '')).join('');
}

function findFirst(node: Node, tagName: string): Element | undefined {
  for (const child of childrenOf(node)) {
    if (isElement(child) && child.tagName === tagName) return child;
    const found = findFirst(child, tagName);
    if (found !== undefined) return found;
  }
  return undefined;
}

function createWalker(firstLine: number, ctx: ParseContext, dropChrome: boolean, language?: string): Walker {
  const walker: Walker = {
    line: (node) => firstLine + visibleLine(node) - 1,
    children: (nodes) => walkChildren(nodes, walker),
    inlineBlocks: (nodes, line) => inlineRunBlocks(nodes, line, walker),
    ctx,
    dropChrome,
    ...(language === undefined ? {} : { language }),
  };
  return walker;
}

/** The walker for an element's content: with the language its class declares, when highlight.js knows it. */
function withLanguage(w: Walker, el: Element): Walker {
  const declared = languageOf(el);
  if (declared === undefined || languageName(declared) === undefined || declared === w.language) return w;
  const walker: Walker = {
    ...w,
    language: declared,
    children: (nodes) => walkChildren(nodes, walker),
    inlineBlocks: (nodes, line) => inlineRunBlocks(nodes, line, walker),
  };
  return walker;
}

function walkChildren(nodes: readonly ChildNode[], w: Walker): FlowItem[] {
  const out: FlowItem[] = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(...inlineRunBlocks(run, undefined, w));
    run = [];
  };
  for (const node of nodes) {
    if (isInlineNode(node) || (isComment(node) && !isDirectiveComment(node.data))) {
      run.push(node);
      continue;
    }
    flush();
    out.push(...walkNode(node, w));
  }
  flush();
  return out;
}

/** A run of phrasing nodes: a paragraph, or an image block when it is nothing but an image. */
function inlineRunBlocks(nodes: readonly ChildNode[], line: number | undefined, w: Walker): Block[] {
  const inlines = htmlInlines(nodes);
  if (inlines.length === 0) return [];
  const first = nodes.find((n) => isElement(n) || textContent(n).trim() !== '');
  const at = line ?? (first === undefined ? w.line(nodes[0] as ChildNode) : w.line(first));
  const math = soleMath(inlines, at);
  if (math !== undefined) return [math];
  const image = soleImage(inlines);
  if (image !== undefined) return [{ type: 'image', line: at, src: image.src, alt: image.alt, ...(image.title === undefined ? {} : { title: image.title }) }];
  return [{ type: 'paragraph', line: at, inlines }];
}

function walkNode(node: ChildNode, w: Walker): Flow {
  if (isComment(node)) return commentBlocks(node, w);
  if (!isElement(node)) return [];
  return walkElement(node, w);
}

function commentBlocks(node: CommentNode, w: Walker): Block[] {
  const directive = directiveFromComment(node.data, w.line(node), w.ctx);
  return directive === undefined ? [] : [directive];
}

function walkElement(el: Element, w: Walker): Flow {
  const tag = el.tagName;
  const line = w.line(el);
  if (INVISIBLE_TAGS.has(tag) || (w.dropChrome && isChrome(el))) return [];
  if (OPAQUE.has(tag)) return opaqueBlock(el, line);
  const heading = /^h([1-6])$/.exec(tag);
  if (heading !== null) return [headingNode(el, Number(heading[1]), line)];
  switch (tag) {
    case 'p':
      return inlineRunBlocks(el.childNodes, line, w);
    case 'pre':
      return [codeBlock(el, line, w.language)];
    case 'ul':
    case 'ol':
      return listBlock(el, line, w);
    case 'dl':
      return [definitionList(el, line, w)];
    case 'table':
      return tableBlock(el, line, w);
    case 'blockquote':
      return [{ type: 'quote', line, blocks: toBlocks(w.children(el.childNodes)) }];
    case 'figure':
      return figureBlocks(el, line, w);
    case 'hr':
      return [{ type: 'rule', line }];
    default:
      // section, div, article, details, summary..., and phrasing elements that wrap blocks: transparent.
      return withLanguage(w, el).children(el.childNodes);
  }
}

function headingNode(el: Element, depth: number, line: number): FlowItem {
  const id = attr(el, 'id');
  const inlines = htmlInlines(el.childNodes);
  return id === undefined ? { type: 'heading', depth, inlines, line } : { type: 'heading', depth, inlines, id, line };
}

function opaqueBlock(el: Element, line: number): Block[] {
  const content = textContent(el).replace(/[ \t\n\r\f]+/g, ' ').trim();
  // An iframe or video has no text of its own; its title says what it shows.
  const text = content !== '' ? content : (attr(el, 'title') ?? attr(el, 'aria-label') ?? '');
  if (text === '' && !MEDIA.has(el.tagName)) return [];
  return [{ type: 'html', line, html: cleanHtml(el), text }];
}

/**
 * Page chrome of a whole HTML page: navigation, sidebars, and headers/footers that hold a nav
 * (unless they also hold a heading: an article header with breadcrumbs keeps its title).
 */
function isChrome(el: Element): boolean {
  if (el.tagName === 'nav') return true;
  if (el.tagName === 'aside' && classList(el).some((c) => c.includes('sidebar'))) return true;
  if (el.tagName !== 'header' && el.tagName !== 'footer') return false;
  const hasHeading = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].some((h) => findFirst(el, h) !== undefined);
  return findFirst(el, 'nav') !== undefined && !hasHeading;
}
