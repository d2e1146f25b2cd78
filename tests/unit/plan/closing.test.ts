/**
 * The closing slide (plan/closing.ts): every deck ends with one — the deck title, the author, the
 * URL to follow afterwards (the article's own: front matter `canonical`/`url`, or `permalink` on the
 * site URL; else the hosted deck's) with its QR code, and the article's previous/next links. Only
 * the article's own words: nothing invented ("Thank you", "Questions?").
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { Article, NavLink, Slide, SlidePart } from '../../../src/model.js';
import { articleUrl, planClosing } from '../../../src/plan/closing.js';
import { createIdAllocator } from '../../../src/plan/ids.js';
import { planDeck } from '../../../src/plan/index.js';
import { plainText } from '../../../src/text.js';
import { article, link, para, section, t } from './helpers.js';

const TITLE = [t('The talk')];
const withMeta = (raw: Record<string, unknown>, more: Partial<Article['meta']> = {}): Article =>
  article({ h1: 'The talk', meta: { raw, ...more }, sections: [section(2, 'Only', 3, [para(4, 'A sentence of the only section.')])] });
const closingOf = (slides: readonly Slide[]): Slide => slides[slides.length - 1]!;
const partOf = <K extends SlidePart['type']>(slide: Slide, type: K): Extract<SlidePart, { type: K }> | undefined =>
  slide.parts.find((p): p is Extract<SlidePart, { type: K }> => p.type === type);

describe('articleUrl', () => {
  it('takes an absolute canonical or url from the front matter, canonical first', () => {
    expect(articleUrl(withMeta({ url: 'https://blog.example/post/' }))).toBe('https://blog.example/post/');
    expect(articleUrl(withMeta({ canonical: ' https://a.example/x ', url: 'https://b.example/y' }))).toBe('https://a.example/x');
    expect(articleUrl(withMeta({ canonical_url: 'http://c.example/z' }))).toBe('http://c.example/z');
  });

  it('ignores a relative url, and a permalink without a site URL', () => {
    expect(articleUrl(withMeta({ url: '/post/' }))).toBeUndefined();
    expect(articleUrl(withMeta({ permalink: '/blog/post/' }))).toBeUndefined();
    expect(articleUrl(withMeta({}))).toBeUndefined();
  });

  it('puts a permalink on the site URL, with or without a trailing slash', () => {
    expect(articleUrl(withMeta({ permalink: '/blog/post/' }), 'https://site.example/base')).toBe('https://site.example/base/blog/post/');
    expect(articleUrl(withMeta({ permalink: 'blog/post.html' }), 'https://site.example/base/')).toBe('https://site.example/base/blog/post.html');
  });

  it('puts a site-relative url on the site URL too (Jekyll writes page.url so), the permalink first', () => {
    expect(articleUrl(withMeta({ url: '/2024/05/post.html' }), 'https://site.example')).toBe('https://site.example/2024/05/post.html');
    expect(articleUrl(withMeta({ url: '/a/', permalink: '/b/' }), 'https://site.example/')).toBe('https://site.example/b/');
    // Another scheme is not a path on the site.
    expect(articleUrl(withMeta({ url: 'javascript:alert(1)' }), 'https://site.example/')).toBeUndefined();
  });
});

describe('planClosing', () => {
  const ctx = { title: TITLE, ids: createIdAllocator(), links: [] as NavLink[], line: 40 };

  it('holds the deck title and the author, and nothing else when no URL is known', () => {
    const slide = planClosing(withMeta({}, { author: 'Ada' }), { ...ctx, ids: createIdAllocator() });
    expect(slide).toMatchObject({ kind: 'closing', id: 'closing', title: TITLE, line: 40, endLine: 40, notes: [] });
    expect(slide.parts).toEqual([{ type: 'byline', author: 'Ada' }]);
  });

  it('shows the article’s own URL with its QR code, over the hosted deck’s', () => {
    const slide = planClosing(withMeta({ canonical: 'https://blog.example/post/' }), { ...ctx, ids: createIdAllocator(), siteUrl: 'https://talks.example/' });
    expect(partOf(slide, 'url')).toEqual({ type: 'url', url: 'https://blog.example/post/', qr: true });
  });

  it('falls back to the hosted deck’s URL with a site URL', () => {
    const slide = planClosing(withMeta({}), { ...ctx, ids: createIdAllocator(), siteUrl: 'https://talks.example/t' });
    expect(partOf(slide, 'url')).toEqual({ type: 'url', url: 'https://talks.example/t/talk/', qr: true });
  });

  it('ends with the article’s previous/next links, their paragraph in the notes at its line', () => {
    const links: NavLink[] = [
      { rel: 'prev', href: '../a/', children: [t('Back')] },
      { rel: 'next', href: '../b/', children: [t('On')] },
    ];
    const navBlock = para(57, link('../a/', 'Back'), ' | ', link('../b/', 'On'));
    const slide = planClosing(withMeta({}, { author: 'Ada' }), { ...ctx, ids: createIdAllocator(), links, navBlock });
    expect(slide.parts.map((p) => p.type)).toEqual(['byline', 'nav']);
    expect(partOf(slide, 'nav')?.links).toEqual(links);
    // A line each, with the slide's arrows: as one paragraph the links ran together.
    expect(slide.notes).toEqual([
      { type: 'paragraph', line: 57, inlines: [t('← '), { type: 'link', href: '../a/', children: [t('Back')] }] },
      { type: 'paragraph', line: 57, inlines: [{ type: 'link', href: '../b/', children: [t('On')] }, t(' →')] },
    ]);
    expect(slide.line).toBe(57);
  });

  it('takes a unique id when a section already has `closing`', () => {
    const ids = createIdAllocator();
    expect(ids.next('closing')).toBe('closing');
    expect(planClosing(withMeta({}), { ...ctx, ids }).id).toBe('closing-2');
  });
});

describe('planDeck: every deck ends with a closing slide', () => {
  it('even a deck with no sections, no author and no URL', () => {
    const deck = planDeck(article({ h1: 'Bare', sections: [] }), DEFAULT_DECK_OPTIONS);
    expect(deck.stacks.map((s) => s.map((x) => x.kind))).toEqual([['title'], ['closing']]);
    const closing = closingOf(deck.stacks.flat());
    expect(plainText(closing.title ?? [])).toBe('Bare');
  });

  it('in its own stack after the last section, at the article’s last line, with every word of it the article’s', () => {
    const a = article({
      h1: 'The talk',
      meta: { raw: { url: 'https://blog.example/post/' }, author: 'Ada Lovelace', date: '2024-01-02' },
      sections: [section(2, 'First', 3, [para(4, 'One sentence here.')]), section(2, 'Last', 10, [para(11, 'Another sentence.'), para(13, link('../prev/', 'Previous'), ' · ', link('../next/', 'Next'))])],
    });
    const deck = planDeck(a, DEFAULT_DECK_OPTIONS, undefined, { siteUrl: 'https://talks.example/' });
    const last = deck.stacks[deck.stacks.length - 1]!;
    expect(last).toHaveLength(1);
    const closing = last[0]!;
    expect(closing.kind).toBe('closing');
    expect(closing.parts).toEqual([
      { type: 'byline', author: 'Ada Lovelace' },
      { type: 'url', url: 'https://blog.example/post/', qr: true },
      {
        type: 'nav',
        links: [
          { rel: 'prev', href: '../prev/', children: [t('Previous')] },
          { rel: 'next', href: '../next/', children: [t('Next')] },
        ],
      },
    ]);
    // The navigation paragraph is not a bullet of the last section.
    const lastSection = deck.stacks[deck.stacks.length - 2]!;
    expect(JSON.stringify(lastSection.map((s) => s.parts))).not.toContain('../next/');
    // No invented words: only the title, the author, the URL and the article's link texts.
    const words = JSON.stringify(closing.parts).match(/"(?:text|author)":"([^"]*)"/g) ?? [];
    expect(words.join(' ')).not.toMatch(/thank|question/i);
  });

  it('with a permalink and the site URL: the article’s URL on the site', () => {
    const deck = planDeck(withMeta({ permalink: '/guides/the-talk/' }), DEFAULT_DECK_OPTIONS, undefined, { siteUrl: 'https://docs.example/' });
    expect(partOf(closingOf(deck.stacks.flat()), 'url')).toEqual({ type: 'url', url: 'https://docs.example/guides/the-talk/', qr: true });
  });
});
