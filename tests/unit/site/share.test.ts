/** Sharing tags, QR codes and image renaming: the pure functions of the site stage. */
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import type { Deck, Slide } from '../../../src/model.js';
import { collectImages, hashedName, isRelativeFile, rewriteImages } from '../../../src/site/assets-copy.js';
import { deckUrl, qrSvg, shareHead, withQrCode } from '../../../src/site/share.js';
import { placeholderThumbnail } from '../../../src/site/thumbnails.js';

function slide(over: Partial<Slide> & Pick<Slide, 'kind' | 'id'>): Slide {
  return { parts: [], notes: [], line: 1, endLine: 1, ...over };
}

function deck(stacks: Slide[][]): Deck {
  return {
    meta: { title: 'T', lang: 'en', slug: 'talk', theme: 'light', width: 1280, height: 720, source: 'talk.md' },
    stacks,
    diagnostics: [],
  };
}

describe('deckUrl', () => {
  it('joins the site URL and the slug with or without a trailing slash', () => {
    expect(deckUrl('https://example.org/talks/', 'eventlet')).toBe('https://example.org/talks/eventlet/');
    expect(deckUrl('https://example.org/talks', 'eventlet')).toBe('https://example.org/talks/eventlet/');
  });
});

describe('shareHead', () => {
  it('writes canonical, og:url, og:image and a large twitter card when the site URL is known', () => {
    const head = shareHead({ title: 'A "quoted" <title>', url: 'https://example.org/t/', image: 'https://example.org/t/thumbnail.png', description: 'D' });
    expect(head).toContain('<link rel="canonical" href="https://example.org/t/">');
    expect(head).toContain('<meta property="og:url" content="https://example.org/t/">');
    expect(head).toContain('<meta property="og:image" content="https://example.org/t/thumbnail.png">');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(head).toContain('content="A &quot;quoted&quot; &lt;title&gt;"');
  });

  it('leaves out canonical and og:url without a site URL', () => {
    const head = shareHead({ title: 'T' });
    expect(head).not.toContain('canonical');
    expect(head).not.toContain('og:url');
    expect(head).toContain('content="summary"');
  });
});

describe('qrSvg', () => {
  it('draws exactly the dark modules of the QR code, with a quiet zone, deterministically', () => {
    const url = 'https://example.org/talks/eventlet/';
    const svg = qrSvg(url);
    expect(svg).toBe(qrSvg(url));
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
    let dark = 0;
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark++;
    const drawn = [...svg.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(drawn).toBe(dark);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org|example\.org)/);
  });
});

describe('withQrCode', () => {
  it('adds the QR image to an existing closing slide without changing the input', () => {
    const input = deck([[slide({ kind: 'title', id: 'title' })], [slide({ kind: 'closing', id: 'next', parts: [{ type: 'nav', links: [] }] })]]);
    const out = withQrCode(input, 'https://x.org/talk/', 'qr-1.svg');
    expect(input.stacks[1]![0]!.parts).toHaveLength(1);
    const parts = out.stacks[1]![0]!.parts;
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatchObject({ type: 'block', block: { type: 'image', src: 'qr-1.svg' } });
  });

  it('appends a closing slide with a unique id when the deck has none', () => {
    const input = deck([[slide({ kind: 'title', id: 'follow-along', endLine: 9 })]]);
    const out = withQrCode(input, 'https://x.org/talk/', 'qr-1.svg');
    expect(out.stacks).toHaveLength(2);
    expect(out.stacks[1]![0]).toMatchObject({ kind: 'closing', id: 'follow-along-2', line: 9 });
  });
});

describe('images', () => {
  it('tells relative files from URLs, root paths and fragments', () => {
    expect(isRelativeFile('img/a.png')).toBe(true);
    expect(isRelativeFile('../a.png')).toBe(true);
    for (const src of ['https://x/a.png', '//x/a.png', '/a.png', '#a', 'data:image/png;base64,AA']) expect(isRelativeFile(src)).toBe(false);
  });

  it('names copies by content hash, never with a leading _', () => {
    const name = hashedName('/x/_Dot Image.PNG', new Uint8Array([1, 2, 3]));
    expect(name).toMatch(/^dot-image-[0-9a-f]{8}\.png$/);
    expect(hashedName('/y/_Dot Image.PNG', new Uint8Array([1, 2, 3]))).toBe(name);
    expect(hashedName('/x/_Dot Image.PNG', new Uint8Array([4]))).not.toBe(name);
  });

  it('finds and rewrites images in slides, nested blocks and notes, without touching the input', () => {
    const input = deck([
      [
        slide({
          kind: 'content',
          id: 'a',
          line: 3,
          parts: [
            { type: 'block', block: { type: 'image', line: 4, src: 'a.png', alt: '' } },
            { type: 'points', items: [[{ type: 'strong', children: [{ type: 'image', src: 'b.png', alt: 'b' }] }]] },
            { type: 'block', block: { type: 'quote', line: 6, blocks: [{ type: 'image', line: 7, src: 'https://x/c.png', alt: '' }] } },
          ],
          notes: [{ type: 'paragraph', line: 8, inlines: [{ type: 'image', src: 'a.png', alt: '' }] }],
        }),
      ],
    ]);
    expect(collectImages(input)).toEqual([
      { src: 'a.png', line: 4 },
      { src: 'b.png', line: 3 },
    ]);
    const out = rewriteImages(input, new Map([['a.png', 'a-1.png'], ['b.png', 'b-2.png']]));
    expect(JSON.stringify(out)).not.toMatch(/"a\.png"|"b\.png"/);
    expect(JSON.stringify(out)).toContain('https://x/c.png');
    expect(JSON.stringify(input)).toContain('"a.png"');
  });
});

describe('placeholderThumbnail', () => {
  it('is a self-contained SVG with the escaped title', () => {
    const svg = placeholderThumbnail('Fish & <Chips>', 12);
    expect(svg).toContain('Fish &amp; &lt;Chips&gt;');
    expect(svg).toContain('12 slides');
    expect(svg).not.toMatch(/href=|url\(/);
  });
});
