import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { Deck, Slide } from '../../../src/model.js';
import { planDeck } from '../../../src/plan/index.js';
import { renderDeck } from '../../../src/render/index.js';
import { textDirection } from '../../../src/render/document.js';
import { highlightCode } from '../../../src/render/highlight.js';
import { qrSvg } from '../../../src/render/share.js';
import { article, code, link, para, section } from '../plan/helpers.js';

const assets = { styles: ['../assets/deck.css', '../assets/theme-light.css'], scripts: ['../assets/deck.js'] };

function deckOf(slides: Slide[]): Deck {
  return {
    meta: { title: 'T <&>', lang: 'en', slug: 't', theme: 'light', width: 1280, height: 720, source: 't.md', description: 'A "talk"' },
    stacks: [slides],
    diagnostics: [],
  };
}
const slide = (over: Partial<Slide>): Slide => ({ kind: 'content', id: 's', parts: [], notes: [], line: 1, endLine: 1, ...over });

describe('renderDeck', () => {
  const a = article({
    h1: 'Render me',
    intro: [para(2, 'Lede sentence. More lede.')],
    sections: [section(2, 'Part', 4, [para(5, 'Point ', { type: 'code', text: 'x < y' }, ' here. Rest.'), para(6, 'Intro:'), code(7, 'def f():\n    return 1', 'python'), para(9, link('../a/', 'A'), ' ', link('../b/', 'B'))])],
  });
  const rendered = renderDeck(planDeck(a, DEFAULT_DECK_OPTIONS), { assets });

  it('matches the golden HTML', () => {
    expect(rendered.html).toMatchSnapshot();
  });

  it('is byte-identical for the same input', () => {
    expect(renderDeck(planDeck(a, DEFAULT_DECK_OPTIONS), { assets }).html).toBe(rendered.html);
  });

  it('links the runtime, reveal structure, notes and hash ids', () => {
    expect(rendered.html).toContain('<link rel="stylesheet" href="../assets/theme-light.css">');
    expect(rendered.html).toContain('<script type="module" src="../assets/deck.js"></script>');
    expect(rendered.html).toMatch(/<div class="reveal lectern-deck"[^>]*><div class="slides">/);
    expect(rendered.html).toContain('<section id="part" ');
    expect(rendered.html).toContain('<aside class="notes"><p>Point <code>x &lt; y</code> here. Rest.</p>');
    expect(rendered.slideCount).toBe(3); // title, the lone point joined to its short code, closing
    expect(rendered.codeBlockCount).toBe(1);
  });

  it('highlights code at build time as the named language', () => {
    expect(rendered.html).toContain('<code class="hljs language-python" data-lang="python"><span class="hljs-keyword">def</span>');
    expect(rendered.html).not.toMatch(/highlight\.js|hljs\.min|cdn/);
  });
});

describe('writing direction', () => {
  it('is rtl for languages written in Arabic, Hebrew, Thaana… script, from the tag or its likely script', () => {
    for (const lang of ['ar', 'ar-SA', 'ar_EG', 'fa', 'fa-IR', 'he', 'iw', 'ur', 'ps', 'ckb', 'yi', 'dv', 'az-Arab', 'pa-Arab']) expect(textDirection(lang), lang).toBe('rtl');
    for (const lang of ['en', 'zh', 'ja', 'ku', 'ku-Latn', 'tr', '', 'not a tag!']) expect(textDirection(lang), lang).toBe('ltr');
  });

  it('puts dir="rtl" on <html> for an rtl deck only', () => {
    const rtl = renderDeck({ ...deckOf([slide({ id: 'a' })]), meta: { ...deckOf([]).meta, lang: 'fa' } }, { assets }).html;
    expect(rtl).toContain('<html lang="fa" dir="rtl">');
    expect(renderDeck(deckOf([slide({ id: 'a' })]), { assets }).html).toContain('<html lang="en">\n');
  });
});

describe('escaping and safety', () => {
  it('escapes text and attributes, keeps the title and description', () => {
    const html = renderDeck(deckOf([slide({ title: [{ type: 'text', text: '<b>x</b>' }] })]), { assets }).html;
    expect(html).toContain('<title>T &lt;&amp;&gt;</title>');
    expect(html).toContain('<meta name="description" content="A &quot;talk&quot;">');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('drops javascript: links but keeps their text', () => {
    const html = renderDeck(deckOf([slide({ parts: [{ type: 'points', items: [[{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] }]] }] })]), { assets }).html;
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<li>click</li>');
  });

  it('opens external links in a new tab', () => {
    const html = renderDeck(deckOf([slide({ parts: [{ type: 'points', items: [[{ type: 'link', href: 'https://x.test/', children: [{ type: 'text', text: 'x' }] }]] }] })]), { assets }).html;
    expect(html).toContain('<a href="https://x.test/" target="_blank" rel="noopener noreferrer">x</a>');
  });

  it('reports an unknown code language with file and line and shows the code uncoloured', () => {
    const r = renderDeck(deckOf([slide({ line: 7, kind: 'code', parts: [{ type: 'code', lang: 'klingon', code: 'a<b', firstLine: 1, scale: 1 }] })]), { assets });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'code-unknown-language', file: 't.md', line: 7, severity: 'warning' })]);
    expect(r.html).toContain('a&lt;b');
  });

  it('does not let JSON config close its script tag', () => {
    const d = deckOf([]);
    const html = renderDeck({ ...d, meta: { ...d.meta, title: '</script><script>alert(1)</script>' } }, { assets }).html;
    expect(html).not.toContain('</script><script>alert(1)');
  });
});

describe('highlightCode', () => {
  it('knows common aliases and leaves unknown languages uncoloured', () => {
    expect(highlightCode('x = 1', 'py').known).toBe(true);
    expect(highlightCode('echo hi', 'sh').html).toContain('hljs-built_in');
    expect(highlightCode('x', 'nope')).toEqual({ html: 'x', language: 'plaintext', known: false });
    expect(highlightCode('tree\n├── a', 'text').known).toBe(true);
  });
});

describe('unnamed code', () => {
  it('highlights a shell session by its prompts and leaves program output plain', () => {
    expect(highlightCode('$ go test -race mypkg\n$ go run -race mysrc.go', undefined).language).toBe('bash');
    expect(highlightCode('GORACE="log_path=/tmp/race/report"', undefined).language).toBe('bash');
    expect(highlightCode('WARNING: DATA RACE\nRead by goroutine 185:\n  net.(*pollServer).AddFD()', undefined).language).toBe('plaintext');
  });
});

describe('the composer’s slide parts and marks', () => {
  const render = (s: Slide): string => renderDeck(deckOf([s]), { assets }).html;
  const codePart = (code: string, lang: string) => ({ type: 'code' as const, code, lang, firstLine: 1, scale: 0.9 });

  it('a row sets its parts side by side in equal columns, each rendered as alone', () => {
    const r = renderDeck(deckOf([slide({ kind: 'code', parts: [{ type: 'row', parts: [codePart('old()', 'js'), codePart('new()', 'js')] }] })]), { assets });
    expect(r.html).toMatch(/<div class="lectern-row"><div class="lectern-col"><figure class="lectern-code" style="--lectern-code-scale:0.9">[^]*old[^]*<\/figure><\/div><div class="lectern-col"><figure class="lectern-code"[^]*new[^]*<\/figure><\/div><\/div>/);
    // Both code blocks are counted, and highlighted.
    expect(r.codeBlockCount).toBe(2);
    expect(r.html.match(/class="hljs language-js"/g)).toHaveLength(2);
  });

  it('a url is a link with its QR code drawn inline as SVG (no file to copy)', () => {
    const url = 'https://talks.example/t/?a=1&b=2';
    const html = render(slide({ kind: 'closing', parts: [{ type: 'url', url, qr: true }] }));
    expect(html).toContain(`<figure class="lectern-qr">${qrSvg(url)}</figure>`);
    expect(html).toContain('<p class="lectern-url"><a href="https://talks.example/t/?a=1&amp;b=2">https://talks.example/t/?a=1&amp;b=2</a></p>');
    expect(html).not.toMatch(/<img[^>]+qr/);
    expect(render(slide({ kind: 'closing', parts: [{ type: 'url', url, qr: false }] }))).not.toContain('lectern-qr');
  });

  it('a url that is not safe to follow is shown as text, never as a link', () => {
    const html = render(slide({ kind: 'closing', parts: [{ type: 'url', url: 'javascript:alert(1)', qr: false }] }));
    expect(html).toContain('<p class="lectern-url">javascript:alert(1)</p>');
    expect(html).not.toContain('href="javascript:');
  });

  it('a kicker stands small above the title, its headings in data-kickers for the PDF outline', () => {
    const kicker = { inlines: [{ type: 'text' as const, text: 'Part <1>' }, { type: 'text' as const, text: ' › ' }, { type: 'text' as const, text: 'Setup' }], headings: [{ level: 2, text: 'Part <1>' }, { level: 3, text: 'Setup' }] };
    const html = render(slide({ id: 'install', title: [{ type: 'text', text: 'Install' }], kicker }));
    expect(html).toContain('<p class="lectern-kicker">Part &lt;1&gt; › Setup</p>\n<h2 class="lectern-title">Install</h2>');
    const attr = /data-kickers="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(JSON.parse(attr.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))).toEqual(kicker.headings);
    expect(render(slide({ id: 'plain' }))).not.toContain('lectern-kicker');
  });

  it('aliases: the ids of merged sections, so their hash links land on this slide', () => {
    const html = render(slide({ id: 'usages', aliases: ['first-usage', 'second-usage'] }));
    expect(html).toContain('<section id="usages" class="lectern-slide lectern-content" data-kind="content" data-line="1" data-lectern-aliases="first-usage second-usage">');
    expect(render(slide({ id: 'none', aliases: [] }))).not.toContain('data-lectern-aliases');
  });
});
