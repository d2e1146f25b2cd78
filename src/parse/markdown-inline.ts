/**
 * marked inline tokens → Inline[]. Inline HTML that real articles use (`<a>`, `<b>`, `<code>`,
 * `<kbd>`, `<br>`, `<img>`) is understood; other tags are dropped and their text kept.
 */
import type { Token, Tokens } from 'marked';
import type { Inline } from '../model.js';
import { decodeEntities } from './dom.js';
import { normalizeInlines, plainText } from './inline.js';

/** Inlines of marked inline tokens, white space normalised. */
export function markdownInlines(tokens: readonly Token[] | undefined): Inline[] {
  return normalizeInlines(convertTokens(tokens ?? []));
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attrs: Readonly<Record<string, string>>;
}

const VOID = new Set(['br', 'img', 'hr', 'input', 'wbr', 'source']);

function parseTag(raw: string): Tag | undefined {
  const match = /^<(\/?)([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>$/.exec(raw.trim());
  if (match?.[2] === undefined) return undefined;
  const attrs: Record<string, string> = {};
  for (const a of (match[3] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    if (a[1] !== undefined) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
  }
  const name = match[2].toLowerCase();
  return { name, closing: match[1] === '/', selfClosing: match[4] === '/' || VOID.has(name), attrs };
}

/** Index of the closing tag that balances the open tag at `from`, or -1. */
function matchingClose(tokens: readonly Token[], from: number, name: string): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'html') continue;
    const tag = parseTag(token.raw);
    if (tag?.name !== name || tag.selfClosing) continue;
    depth += tag.closing ? -1 : 1;
    if (depth === 0) return i;
  }
  return -1;
}

function convertTokens(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type !== 'html') {
      out.push(...convertToken(token));
      continue;
    }
    const tag = parseTag(token.raw);
    if (tag === undefined || tag.closing) continue; // comments and stray closing tags show nothing
    if (tag.selfClosing) {
      out.push(...voidElement(tag));
      continue;
    }
    const close = matchingClose(tokens, i, tag.name);
    if (close === -1) continue;
    out.push(...wrap(tag, convertTokens(tokens.slice(i + 1, close))));
    i = close;
  }
  return out;
}

function voidElement(tag: Tag): Inline[] {
  if (tag.name === 'br') return [{ type: 'break' }];
  if (tag.name !== 'img') return [];
  const { src = '', alt = '', title } = tag.attrs;
  if (src === '') return alt === '' ? [] : [{ type: 'text', text: alt }];
  return [title === undefined ? { type: 'image', src, alt } : { type: 'image', src, alt, title }];
}

/** An inline HTML element around already converted children. */
function wrap(tag: Tag, children: Inline[]): Inline[] {
  const icon = /(?:^|\s)(?:fa[srlbdk]?|fa-\S+|icon\S*|bi|bi-\S+)(?=\s|$)/.test(tag.attrs.class ?? '');
  if ((tag.name === 'i' || tag.name === 'span') && icon) return [];
  switch (tag.name) {
    case 'a': {
      const href = (tag.attrs.href ?? '').trim();
      return href === '' ? children : [{ type: 'link', href, children }];
    }
    case 'strong':
    case 'b':
      return [{ type: 'strong', children }];
    case 'em':
    case 'i':
    case 'cite':
      return [{ type: 'em', children }];
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return [{ type: 'code', text: plainText(children) }];
    case 'del':
    case 's':
    case 'strike':
      return [{ type: 'del', children }];
    default:
      return children;
  }
}

function convertToken(token: Token): Inline[] {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens !== undefined && text.tokens.length > 0 ? convertTokens(text.tokens) : [{ type: 'text', text: decodeEntities(text.text) }];
    }
    case 'escape':
      return [{ type: 'text', text: (token as Tokens.Escape).text }];
    case 'strong':
    case 'em':
    case 'del':
      return [{ type: token.type, children: convertTokens((token as Tokens.Strong).tokens) }];
    case 'codespan':
      return [{ type: 'code', text: (token as Tokens.Codespan).text }];
    case 'br':
      return [{ type: 'break' }];
    case 'link':
      return linkInline(token as Tokens.Link);
    case 'image':
      return imageInline(token as Tokens.Image);
    case 'checkbox':
      return [];
    default:
      return [{ type: 'text', text: token.raw }];
  }
}

function linkInline(link: Tokens.Link): Inline[] {
  const children = convertTokens(link.tokens);
  const href = link.href.trim();
  if (href === '') return children; // an unresolved link: its words stay, the link goes
  return [link.title ? { type: 'link', href, title: link.title, children } : { type: 'link', href, children }];
}

function imageInline(image: Tokens.Image): Inline[] {
  const alt = decodeEntities(image.text);
  return [image.title ? { type: 'image', src: image.href, alt, title: image.title } : { type: 'image', src: image.href, alt }];
}
