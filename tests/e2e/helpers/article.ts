/**
 * What the seed article says, read straight from the file with parse5 (not through Lectern's own
 * parser, so the test does not share its bugs): each paragraph with the heading it sits under,
 * and each `<pre><code>` block's text. The seed is a Jekyll page: front matter, then HTML blocks.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A paragraph of the article, whitespace collapsed, with the nearest heading above it. */
export interface ArticleParagraph {
  readonly text: string;
  readonly heading: string;
}

/** A code block of the article: its language class and exact text. */
export interface ArticleCode {
  readonly language: string | undefined;
  readonly text: string;
  readonly heading: string;
}

/** The seed's paragraphs and code blocks, in order. */
export interface ArticleContent {
  readonly paragraphs: readonly ArticleParagraph[];
  readonly codes: readonly ArticleCode[];
}

/** Collapse runs of whitespace to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Read an HTML-bodied article (front matter stripped) into its paragraphs and code blocks. */
export function readHtmlArticle(fileText: string): ArticleContent {
  const body = fileText.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const paragraphs: ArticleParagraph[] = [];
  const codes: ArticleCode[] = [];
  let heading = '';
  const walk = (node: Node): void => {
    if (!isElement(node)) return;
    if (/^h[1-6]$/.test(node.tagName)) {
      heading = collapse(text(node, ' '));
      return;
    }
    if (node.tagName === 'p') {
      const t = collapse(text(node, ' '));
      if (t !== '') paragraphs.push({ text: t, heading });
      return;
    }
    if (node.tagName === 'pre') {
      const code = node.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'code') ?? node;
      const language = /(?:^|\s)(?:language|lang)-(\S+)/.exec(attr(code, 'class') ?? '')?.[1];
      codes.push({ language, text: text(code, '\n'), heading });
      return;
    }
    for (const child of node.childNodes) walk(child);
  };
  for (const child of parseFragment(body).childNodes) walk(child);
  return { paragraphs, codes };
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Text content (entities already decoded by parse5), `<br>` as `br`. */
function text(node: Node, br: string): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && node.tagName === 'br') return br;
  if (!isElement(node) && node.nodeName !== '#document-fragment') return '';
  return (node as Element).childNodes.map((c) => text(c, br)).join('');
}
