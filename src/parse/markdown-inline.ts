/**
 * marked inline tokens → Inline[]. Inline HTML that real articles use (`<a>`, `<b>`, `<code>`,
 * `<kbd>`, `<br>`, `<img>`) is understood; other tags are dropped and their text kept.
 */
import type { Token, Tokens } from 'marked';
import type { Inline } from '../model.js';
import { decodeEntities, INVISIBLE_TAGS } from './dom.js';
import { plainText } from '../text.js';
import { normalizeInlines } from './inline.js';
import { stripSpanIals } from './kramdown.js';
import { replaceEmoji } from './emoji.js';
import type { FootnoteRefToken } from './footnotes.js';
import type { MathInlineToken } from './math.js';
import { MAX_NESTING } from './limits.js';

/** Inlines of marked inline tokens, white space normalised. */
export function markdownInlines(tokens: readonly Token[] | undefined): Inline[] {
  // Shortcodes after merging: marked cuts `:white_check_mark:` into several text tokens.
  const inlines = normalizeInlines(convertTokens(tokens ?? []));
  const emoji = replaceEmoji(inlines);
  return emoji === inlines ? inlines : normalizeInlines(emoji);
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

/**
 * open index → index of the closing tag that balances it (same name, nesting counted), for every
 * tag of the run at once: one pass, so a paragraph of thousands of tags stays linear.
 */
function pairTags(tags: readonly (Tag | undefined)[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open = new Map<string, number[]>();
  tags.forEach((tag, index) => {
    if (tag === undefined || tag.selfClosing) return;
    const stack = open.get(tag.name) ?? [];
    open.set(tag.name, stack);
    if (!tag.closing) stack.push(index);
    else {
      const from = stack.pop();
      if (from !== undefined) pairs.set(from, index);
    }
  });
  return pairs;
}

/** One element being read: its tag, what is inside so far, and where it closes. */
interface Frame {
  readonly tag: Tag;
  readonly out: Inline[];
  readonly close: number;
}

// Iterative, so deeply nested inline HTML cannot overflow the stack. An element whose closing tag
// lies beyond its parent's is not an element (its tags show nothing, its text stays).
function convertTokens(tokens: readonly Token[]): Inline[] {
  const tags = tokens.map((t) => (t.type === 'html' ? parseTag(t.raw) : undefined));
  const pairs = pairTags(tags);
  const root: Inline[] = [];
  const frames: Frame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let top = frames.at(-1); top !== undefined && top.close <= i; top = frames.at(-1)) {
      frames.pop();
      (frames.at(-1)?.out ?? root).push(...wrap(top.tag, top.out));
    }
    const out = frames.at(-1)?.out ?? root;
    const token = tokens[i] as Token;
    const tag = tags[i];
    if (token.type !== 'html') out.push(...convertToken(token));
    else if (tag === undefined || tag.closing) continue; // comments and stray closing tags show nothing
    else if (tag.selfClosing) out.push(...voidElement(tag));
    else {
      const close = pairs.get(i);
      // Past MAX_NESTING the tags show nothing: the walks after this one recurse per level, and
      // checkNesting refuses such an article with its line anyway.
      if (close !== undefined && close < (frames.at(-1)?.close ?? Infinity) && frames.length <= MAX_NESTING) frames.push({ tag, out: [], close });
    }
  }
  for (let top = frames.pop(); top !== undefined; top = frames.pop()) (frames.at(-1)?.out ?? root).push(...wrap(top.tag, top.out));
  return root;
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
  // A script or style written inline holds code, not words (the HTML reader drops them too).
  if (INVISIBLE_TAGS.has(tag.name)) return [];
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
      return [{ type: 'code', text: plainText(children).replace(/\n/g, ' ') }];
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
      return text.tokens !== undefined && text.tokens.length > 0 ? convertTokens(text.tokens) : [{ type: 'text', text: stripSpanIals(decodeEntities(text.text)) }];
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
    case 'lectern-footnote-ref': {
      const ref = token as FootnoteRefToken;
      return [{ type: 'footnote', label: ref.label, number: ref.number }];
    }
    case 'lectern-math-inline': {
      const math = token as MathInlineToken;
      return [{ type: 'math', tex: math.tex, display: math.display }];
    }
    default:
      return [{ type: 'text', text: token.raw }];
  }
}

// marked leaves character references in destinations and titles as written; CommonMark decodes them.
function linkInline(link: Tokens.Link): Inline[] {
  const children = convertTokens(link.tokens);
  const href = decodeEntities(link.href).trim();
  if (href === '') return children; // an unresolved link: its words stay, the link goes
  const title = link.title ? decodeEntities(link.title) : '';
  return [title !== '' ? { type: 'link', href, title, children } : { type: 'link', href, children }];
}

function imageInline(image: Tokens.Image): Inline[] {
  const alt = decodeEntities(image.text);
  const src = decodeEntities(image.href);
  const title = image.title ? decodeEntities(image.title) : '';
  return [title !== '' ? { type: 'image', src, alt, title } : { type: 'image', src, alt }];
}
