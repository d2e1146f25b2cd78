/**
 * Every deck ends with a closing slide: the deck title, the author, the URL to follow afterwards —
 * the article's own (front matter `url` or `canonical`, or `permalink` on the site URL), else the
 * hosted deck's — as a link with its QR code, and the article's previous/next links when it has
 * them. Only the article's own words: no "Thank you", no "Questions?".
 */
import { deckUrl } from '../config.js';
import type { Article, Block, Inline, NavLink, Slide, SlidePart } from '../model.js';
import type { IdAllocator } from './ids.js';

/** What the closing slide needs besides the article. */
export interface ClosingContext {
  readonly title: readonly Inline[];
  readonly ids: IdAllocator;
  /** The public URL of the site the deck is hosted on (`--site-url`). */
  readonly siteUrl?: string;
  /** The article's trailing previous/next links, and the paragraph they came from. */
  readonly links: readonly NavLink[];
  readonly navBlock?: Block;
  readonly line: number;
}

/** The closing slide of an article's deck. */
export function planClosing(article: Article, ctx: ClosingContext): Slide {
  const parts: SlidePart[] = [];
  if (article.meta.author !== undefined) parts.push({ type: 'byline', author: article.meta.author });
  const url = articleUrl(article, ctx.siteUrl) ?? (ctx.siteUrl === undefined ? undefined : deckUrl(ctx.siteUrl, article.slug));
  if (url !== undefined) parts.push({ type: 'url', url, qr: true });
  if (ctx.links.length > 0) parts.push({ type: 'nav', links: ctx.links });
  const line = ctx.navBlock?.line ?? ctx.line;
  return {
    kind: 'closing',
    id: ctx.ids.next('closing'),
    title: ctx.title,
    parts,
    notes: ctx.navBlock === undefined ? [] : navNotes(ctx.links, ctx.navBlock.line),
    line,
    endLine: line,
  };
}

/**
 * The previous/next links as the notes say them: a line each, marked with the arrows the slide
 * shows (`← Getting Started`, `Understanding the Alternatives →`). The article's paragraph had only
 * icons between them, so as one paragraph its links ran together ("Getting Started Understanding
 * the Alternatives").
 */
function navNotes(links: readonly NavLink[], line: number): Block[] {
  return links.map((link) => {
    const a: Inline = { type: 'link', href: link.href, children: link.children };
    const inlines: Inline[] = link.rel === 'prev' ? [{ type: 'text', text: '← ' }, a] : link.rel === 'next' ? [a, { type: 'text', text: ' →' }] : [a];
    return { type: 'paragraph', line, inlines };
  });
}

/**
 * The article's public URL: front matter `canonical` or `url` when absolute, else `permalink` (or a
 * site-relative `url`, as Jekyll writes it) on the site URL.
 */
export function articleUrl(article: Article, siteUrl?: string): string | undefined {
  const raw = article.meta.raw;
  for (const key of ['canonical', 'canonical_url', 'url']) {
    const value = raw[key];
    if (typeof value === 'string' && /^https?:\/\//i.test(value.trim())) return value.trim();
  }
  if (siteUrl === undefined) return undefined;
  for (const key of ['permalink', 'url']) {
    const path = raw[key];
    if (typeof path !== 'string' || path.trim() === '' || /^[a-z][a-z\d+.-]*:/i.test(path.trim())) continue;
    try {
      const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
      return new URL(path.trim().replace(/^\/+/, ''), base).href;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
