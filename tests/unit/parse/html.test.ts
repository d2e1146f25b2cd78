import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/parse/index.js';
import { parseLines, source } from './helpers.js';

const html = (lines: readonly string[]) => parseLines(lines, 'html');

describe('HTML blocks', () => {
  it('makes paragraphs of p and of loose inline runs in containers; collapses white space', () => {
    const article = html(['<div class="card">', '  Loose   <strong>bold</strong>', '  <p class="x">  A <em>para</em>', '  graph. </p>', '  tail', '</div>']);
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Loose ' }, { type: 'strong', children: [{ type: 'text', text: 'bold' }] }] },
      { type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'A ' }, { type: 'em', children: [{ type: 'text', text: 'para' }] }, { type: 'text', text: ' graph.' }] },
      { type: 'paragraph', line: 5, inlines: [{ type: 'text', text: 'tail' }] },
    ]);
  });

  it('maps headings with their id attribute into sections', () => {
    const article = html(['<h1>Title</h1>', '<h2 id="Intro_1">Intro</h2>', '<p>x</p>', '<h3>Sub</h3>']);
    expect(article.h1).toBe('Title');
    expect(article.sections.map((s) => [s.title, s.id, s.line, s.children.map((c) => c.id)])).toEqual([['Intro', 'Intro_1', 2, ['sub']]]);
  });

  it('maps pre with and without code: language from classes, text exactly as written', () => {
    const article = html([
      '<pre class="line-numbers"><code class="hljs language-Python">if a &lt; b:',
      '    pass',
      '</code></pre>',
      '<pre>',
      'func main() {',
      '\tgo f()',
      '}',
      '</pre>',
      '<pre class="lang-sh"><code>',
      '$ go run x.go</code></pre>',
    ]);
    expect(article.intro).toEqual([
      { type: 'code', line: 1, lang: 'python', code: 'if a < b:\n    pass' },
      { type: 'code', line: 4, code: 'func main() {\n\tgo f()\n}', inferred: 'plaintext' },
      { type: 'code', line: 9, lang: 'sh', code: '$ go run x.go' },
    ]);
  });

  it('maps nested lists with start and task checkboxes', () => {
    const article = html(['<ol start="4">', '  <li>Four', '    <ul><li><input type="checkbox" checked> sub</li></ul>', '  </li>', '  <li><p>Five</p><p>more</p></li>', '</ol>']);
    expect(article.intro).toEqual([
      {
        type: 'list',
        line: 1,
        ordered: true,
        start: 4,
        items: [
          {
            inlines: [{ type: 'text', text: 'Four' }],
            blocks: [{ type: 'list', line: 3, ordered: false, items: [{ inlines: [{ type: 'text', text: 'sub' }], blocks: [], checked: true }] }],
          },
          { inlines: [{ type: 'text', text: 'Five' }], blocks: [{ type: 'paragraph', line: 5, inlines: [{ type: 'text', text: 'more' }] }] },
        ],
      },
    ]);
  });

  it('maps tables (thead/tbody, align) and keeps the caption as a paragraph', () => {
    const article = html([
      '<table class="w-full">',
      '<caption>Sizes</caption>',
      '<thead><tr><th align="left">Name</th><th style="text-align: right">Size</th></tr></thead>',
      '<tbody><tr><td><code>a</code></td><td>1</td></tr><tr><td>b</td><td><p>2</p><p>3</p></td></tr></tbody>',
      '</table>',
    ]);
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Sizes' }] },
      {
        type: 'table',
        line: 1,
        align: ['left', 'right'],
        header: [[{ type: 'text', text: 'Name' }], [{ type: 'text', text: 'Size' }]],
        rows: [
          [[{ type: 'code', text: 'a' }], [{ type: 'text', text: '1' }]],
          [[{ type: 'text', text: 'b' }], [{ type: 'text', text: '2' }, { type: 'break' }, { type: 'text', text: '3' }]],
        ],
      },
    ]);
  });

  it('maps blockquote, hr, and dl (term: definition)', () => {
    const article = html(['<blockquote><p>Said.</p></blockquote>', '<hr>', '<dl>', '<dt>CPU</dt><dd>Processor</dd><dd>Chip</dd>', '<dt>RAM</dt><dd>Memory</dd>', '</dl>']);
    expect(article.intro).toEqual([
      { type: 'quote', line: 1, blocks: [{ type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Said.' }] }] },
      { type: 'rule', line: 2 },
      {
        type: 'list',
        line: 3,
        ordered: false,
        items: [
          { inlines: [{ type: 'text', text: 'CPU: Processor; Chip' }], blocks: [] },
          { inlines: [{ type: 'text', text: 'RAM: Memory' }], blocks: [] },
        ],
      },
    ]);
  });

  it('maps figures and image-only paragraphs to image blocks', () => {
    const article = html([
      '<figure><img src="a.png" alt="A" title="T"><figcaption>The <em>chart</em></figcaption></figure>',
      '<p> <img src="b.png" alt="B"> </p>',
      '<figure><figcaption>Listing 1</figcaption><pre><code class="language-go">x := 1</code></pre></figure>',
    ]);
    expect(article.intro).toEqual([
      { type: 'image', line: 1, src: 'a.png', alt: 'A', title: 'T', caption: [{ type: 'text', text: 'The ' }, { type: 'em', children: [{ type: 'text', text: 'chart' }] }] },
      { type: 'image', line: 2, src: 'b.png', alt: 'B' },
      { type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Listing 1' }] },
      { type: 'code', line: 3, lang: 'go', code: 'x := 1' },
    ]);
  });

  it('drops presentation noise: icons, scripts, styles, class attributes; keeps <i> with text as emphasis', () => {
    const article = html([
      '<link rel="stylesheet" href="x.css"><script>alert(1)</script><style>p{}</style>',
      '<p><i class="fas fa-arrow-left mr-2"></i>Back <span class="icon-star"></span><i>really</i> <i></i><a class="btn" href="">Nowhere</a> <code class="language-python">x()</code></p>',
    ]);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 2,
        inlines: [
          { type: 'text', text: 'Back ' },
          { type: 'em', children: [{ type: 'text', text: 'really' }] },
          { type: 'text', text: ' Nowhere ' },
          { type: 'code', text: 'x()' },
        ],
      },
    ]);
  });

  it('moves spaces at the edges of links outside them', () => {
    const article = html(['<div>', '  <a href="/a">', '    <i class="fa fa-x"></i> Getting Started', '  </a>', '  <a href="/b">Next <i class="fa fa-y"></i></a>', '</div>']);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 2,
        inlines: [
          { type: 'link', href: '/a', children: [{ type: 'text', text: 'Getting Started' }] },
          { type: 'text', text: ' ' },
          { type: 'link', href: '/b', children: [{ type: 'text', text: 'Next' }] },
        ],
      },
    ]);
  });

  it('reads custom elements as phrasing, or walks through them when they hold blocks', () => {
    const article = html(['<p>Use <my-term>green threads</my-term> here.</p>', '<x-card><h2>Card</h2><p>Body</p></x-card>']);
    expect(article.intro).toEqual([{ type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Use green threads here.' }] }]);
    expect(article.sections).toEqual([
      { depth: 2, heading: [{ type: 'text', text: 'Card' }], title: 'Card', id: 'card', line: 2, blocks: [{ type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Body' }] }], children: [] },
    ]);
  });

  it('keeps unknown embeds as html blocks with their text, without class/style', () => {
    const article = html(['<iframe class="w-full" style="border:0" title="Demo video" src="https://example.com/v"></iframe>', '<form><button>Send it</button></form>']);
    expect(article.intro).toEqual([
      { type: 'html', line: 1, html: '<iframe title="Demo video" src="https://example.com/v"></iframe>', text: 'Demo video' },
      { type: 'html', line: 2, html: '<form><button>Send it</button></form>', text: 'Send it' },
    ]);
  });

  it('maps lectern comments to directives and warns about unknown ones', () => {
    const article = parseArticle(source('<p>a</p>\n<!-- lectern: keep -->\n<!-- lectern: shout -->\n<!-- other -->', { format: 'html', path: 'p.html' }));
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'a' }] },
      { type: 'directive', line: 2, name: 'keep' },
    ]);
    expect(article.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'directive-unknown', file: 'p.html', line: 3 })]);
  });

  it('reduces a whole page to its article, dropping nav, sidebars and scripts', () => {
    const page = [
      '<!DOCTYPE html>',
      '<html><head><title>Site</title><meta charset="utf-8"></head>',
      '<body>',
      '<header><nav><a href="/">Home</a></nav></header>',
      '<aside class="sidebar">Links</aside>',
      '<article>',
      '<h1>Post</h1>',
      '<p>Body text.</p>',
      '</article>',
      '<footer>© Site</footer>',
      '</body></html>',
    ];
    const article = parseArticle(source(page.join('\n'), { format: 'html', bodyLine: 3 }));
    expect(article.h1).toBe('Post');
    expect(article.line).toBe(9);
    expect(article.intro).toEqual([{ type: 'paragraph', line: 10, inlines: [{ type: 'text', text: 'Body text.' }] }]);
  });

  it('keeps an article header that holds a heading even when it has a nav (breadcrumbs)', () => {
    const page = ['<html><body><main><header><nav><a href="/">Docs</a></nav><h1>Guide</h1></header>', '<p>Text.</p></main></body></html>'];
    const article = parseArticle(source(page.join('\n'), { format: 'html' }));
    expect(article.h1).toBe('Guide');
    expect(article.intro).toEqual([{ type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Text.' }] }]);
  });
});
