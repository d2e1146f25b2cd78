/**
 * The text of a rendered deck, read back from its HTML with parse5 (what the audience and the
 * speaker get, not what the planner meant): per slide, the text on screen outside code, the code
 * blocks with their language classes, and everything the deck holds (screen, code, notes, image
 * alt text) for the conservation count. Pure: HTML in, data out.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
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

/** Every `section.lectern-slide` of a deck page, in document order. */
export function readDeckText(html: string): SlideText[] {
  const slides: SlideText[] = [];
  const visit = (node: Node): void => {
    if (isElement(node) && node.tagName === 'section' && classList(node).includes('lectern-slide')) {
      slides.push(readSlide(node));
      return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return slides;
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
 * Text below `node`. On `screen`, notes, code blocks and inline code are left out and block
 * elements end lines; otherwise everything counts, with image alt text.
 */
function textOf(node: Node, opts: { readonly screen: boolean }): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!isElement(node) && !('childNodes' in node)) return '';
  if (isElement(node)) {
    if (SKIPPED.has(node.tagName)) return '';
    if (node.tagName === 'br') return '\n';
    if (node.tagName === 'img') return opts.screen ? '' : ` ${attr(node, 'alt') ?? ''} `;
    if (opts.screen && (node.tagName === 'pre' || node.tagName === 'code' || node.tagName === 'kbd' || isNotes(node))) return ' ';
    // KaTeX's MathML copy (for screen readers) carries the TeX source: the audience sees the glyphs.
    if (opts.screen && classList(node).includes('katex-mathml')) return ' ';
  }
  const inner = (node as Element).childNodes.map((c) => textOf(c, opts)).join('');
  if (isElement(node) && BLOCK_TAGS.has(node.tagName)) return `\n${inner}\n`;
  return inner;
}

function isNotes(el: Element): boolean {
  return el.tagName === 'aside' && classList(el).includes('notes');
}


function find(node: Node, test: (el: Element) => boolean): Element | undefined {
  if (!('childNodes' in node)) return undefined;
  for (const child of node.childNodes) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** Call `fn` on every element below `node` that passes `test` (not looking inside matches, nor in notes). */
function collect(node: Node, test: (el: Element) => boolean, fn: (el: Element) => void): void {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (!isElement(child) || isNotes(child)) continue;
    if (test(child)) fn(child);
    else collect(child, test, fn);
  }
}

/** Runs of whitespace as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
