/**
 * The text of a rendered deck, read back from its HTML with parse5 (what the audience and the
 * speaker get, not what the planner meant): per slide, the text on screen outside code, the code
 * blocks with their language classes, and everything the deck holds (screen, code, notes, image
 * alt text) for the conservation count. Pure: HTML in, data out.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { attr, classList, isElement } from '../parse/dom.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** A code block on a slide, as rendered. */
export interface RenderedCode {
  /** The `language-*` class highlight.js ran with (`plaintext` when none). */
  readonly language: string;
  /** `data-lang`: the language the article named, when the renderer recorded it. */
  readonly named?: string;
  /** Count of highlight.js token spans (`hljs-*`). */
  readonly tokens: number;
  readonly text: string;
}

/** One slide of a rendered deck. */
export interface SlideText {
  readonly id: string;
  readonly kind: string;
  /** `data-line`: the article line the slide starts at. */
  readonly line?: number;
  readonly title: string;
  /** Text on screen, one line per block element, without speaker notes, code blocks and inline code. */
  readonly screen: string;
  /** Everything the slide holds, notes and code included, plus image alt text. */
  readonly all: string;
  /** The code blocks on screen (not those in the notes). */
  readonly codes: readonly RenderedCode[];
}

/** Elements after which screen text starts a new line (so line-start patterns see block starts). */
const BLOCK_TAGS = new Set([
  'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'figcaption', 'blockquote', 'div', 'dt', 'dd',
  'summary', 'details', 'figure', 'table', 'ul', 'ol', 'dl', 'section', 'aside', 'nav', 'pre', 'hr', 'header', 'footer',
]);
/** Never text: parse5 keeps script and style content as text nodes. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** The start tag of a slide as render/ writes it (`<section id="…" class="lectern-slide …"`). */
const SLIDE_START = /<section\b[^>]*\bclass=["']?lectern-slide\b/gi;

/**
 * Every `section.lectern-slide` of a deck page, in document order. Each slide is parsed on its own:
 * a deck made from a 50 MB article is a 200 MB page, and parse5's tree of it would take gigabytes.
 */
export function readDeckText(html: string): SlideText[] {
  const slides: SlideText[] = [];
  for (const chunk of slideChunks(html)) {
    // A chunk runs from a slide's start tag to the next one's: the slide, then the closing tags
    // and stack wrappers around it (stray end tags are ignored by the parser).
    collect(parseFragment(chunk), isSlide, (slide) => slides.push(readSlide(slide)), true);
  }
  return slides;
}

function isSlide(el: Element): boolean {
  return el.tagName === 'section' && classList(el).includes('lectern-slide');
}

/** The page cut before each slide's start tag (the part before the first slide holds none). */
function slideChunks(html: string): string[] {
  // Slides are in the body: what the head holds (scripts, their JSON) is never a slide.
  const body = Math.max(0, html.search(/<body[\s>]/i));
  const starts = [...html.slice(body).matchAll(SLIDE_START)].map((m) => body + m.index);
  return starts.map((start, i) => html.slice(start, starts[i + 1] ?? html.length));
}

function readSlide(slide: Element): SlideText {
  const line = Number(attr(slide, 'data-line'));
  const titleEl = find(slide, (el) => /^h[1-6]$/.test(el.tagName) && classList(el).includes('lectern-title'));
  const codes: RenderedCode[] = [];
  collect(slide, (el) => el.tagName === 'pre', (pre) => {
    const code = find(pre, (el) => el.tagName === 'code') ?? pre;
    const language = /(?:^|\s)language-(\S+)/.exec(attr(code, 'class') ?? '')?.[1] ?? 'plaintext';
    const named = attr(code, 'data-lang');
    let tokens = 0;
    collect(code, (el) => classList(el).some((c) => c.startsWith('hljs-')), () => tokens++);
    codes.push({ language, tokens, text: textOf(code, { screen: false }), ...(named === undefined ? {} : { named }) });
  });
  return {
    id: attr(slide, 'id') ?? '',
    kind: attr(slide, 'data-kind') ?? '',
    ...(Number.isFinite(line) && line > 0 ? { line } : {}),
    title: titleEl === undefined ? '' : collapse(textOf(titleEl, { screen: true })),
    screen: textOf(slide, { screen: true }),
    all: textOf(slide, { screen: false }),
    codes,
  };
}

/**
 * Text below `root`. On `screen`, notes, code blocks and inline code are left out and block
 * elements end lines; otherwise everything counts, with image alt text. Iterative, like every
 * walk here: raw HTML kept with --unsafe-html may nest deeper than the stack allows.
 */
function textOf(root: Node, opts: { readonly screen: boolean }): string {
  const out: string[] = [];
  // Nodes still to read, and line ends to emit once a block element's children are read.
  const stack: (Node | string)[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    if (node.nodeName === '#text') {
      out.push((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!('childNodes' in node)) continue;
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName)) continue;
      const leaf = leafText(node, opts);
      if (leaf !== undefined) {
        out.push(leaf);
        continue;
      }
      if (BLOCK_TAGS.has(node.tagName)) {
        out.push('\n');
        stack.push('\n');
      }
    }
    pushChildren(stack, node);
  }
  return out.join('');
}

/** What an element stands for when its children are not read (`<br>`, images, what the screen leaves out). */
function leafText(el: Element, opts: { readonly screen: boolean }): string | undefined {
  if (el.tagName === 'br') return '\n';
  if (el.tagName === 'img') return opts.screen ? '' : ` ${attr(el, 'alt') ?? ''} `;
  if (opts.screen && (el.tagName === 'pre' || el.tagName === 'code' || el.tagName === 'kbd' || isNotes(el))) return ' ';
  // KaTeX's MathML copy (for screen readers) carries the TeX source: the audience sees the glyphs.
  if (opts.screen && classList(el).includes('katex-mathml')) return ' ';
  return undefined;
}

function isNotes(el: Element): boolean {
  return el.tagName === 'aside' && classList(el).includes('notes');
}


/** The first element below `root` (in document order) that passes `test`. */
function find(root: Node, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  collect(root, test, (el) => (found ??= el), true, () => found !== undefined);
  return found;
}

/**
 * Call `fn`, in document order, on every element below `root` that passes `test`, not looking
 * inside matches, nor (unless `intoNotes`) inside speaker notes; `done` stops the walk early.
 */
function collect(root: Node, test: (el: Element) => boolean, fn: (el: Element) => void, intoNotes = false, done: () => boolean = () => false): void {
  const stack: Node[] = [];
  pushChildren(stack, root);
  for (let node = stack.pop(); node !== undefined && !done(); node = stack.pop()) {
    if (!isElement(node) || (!intoNotes && isNotes(node))) continue;
    if (test(node)) fn(node);
    else pushChildren(stack, node);
  }
}

/** A node's children onto a stack, last first, so they pop in document order. */
function pushChildren(stack: (Node | string)[], node: Node): void {
  if (!('childNodes' in node)) return;
  for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
}

/** Runs of whitespace as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
