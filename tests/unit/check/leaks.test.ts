/** Leak detection over slide text: each kind of article syntax is found, ordinary prose is not. */
import { describe, expect, it } from 'vitest';
import { readDeckText } from '../../../src/check/deck-text.js';
import { findLeaks, type LeakKind } from '../../../src/check/leaks.js';

const kinds = (screen: string): LeakKind[] => findLeaks([{ id: 's', line: 3, screen }]).map((l) => l.kind);

describe('findLeaks', () => {
  it.each<[string, LeakKind]>([
    ['<div class="note">Text</div>', 'html-tag'],
    ['Some text</p>', 'html-tag'],
    ['a line<br/>break', 'html-tag'],
    ['See <Note>this</Note>', 'html-tag'],
    ['Tom &amp; Jerry', 'html-entity'],
    ['Hello {{ page.title }}', 'liquid'],
    ['{% include note.html %}', 'liquid'],
    ['{{< youtube id >}}', 'hugo-shortcode'],
    [':::note Remember', 'docusaurus-admonition'],
    ['!!! warning "Careful"', 'mkdocs-admonition'],
    ['???+ tip', 'mkdocs-admonition'],
    ['=== "Python"', 'mkdocs-tabs'],
    ['/// details | Summary', 'pymdownx-block'],
    ['[!NOTE] Read this', 'github-alert'],
    ['Install it {#install}', 'heading-attributes'],
    ['This is **bold** text', 'markdown-emphasis'],
    ['Call `run()` now', 'markdown-code'],
    ['```python', 'markdown-code'],
    ['see [the docs](https://example.com)', 'markdown-link'],
    ['![a cat](cat.png)', 'markdown-image'],
    ['## Installation', 'markdown-heading'],
    ['> quoted text', 'markdown-quote'],
    ['- an item that was not parsed', 'markdown-list'],
  ])('finds %j as %s', (screen, kind) => {
    expect(kinds(screen)).toContain(kind);
  });

  it.each([
    'The value of a < b holds when b > a.',
    'C++ and C# are languages; 2 * 3 = 6.',
    'A Vec<T> or Option<T> in prose.',
    '1. Introduction',
    'snake_case names and -5 degrees',
    'What? Really!!! Yes.',
    'Emoji 🎉 and “quotes” — dashes.',
    'Use the {braces} in JSON.',
  ])('finds nothing in %j', (screen) => {
    expect(kinds(screen)).toEqual([]);
  });

  it('reports the slide, its line and an excerpt, once per kind and line', () => {
    const leaks = findLeaks([{ id: 'intro', line: 7, screen: 'first **a** and **b**\nsecond line <span>x</span>' }]);
    expect(leaks).toEqual([
      { slide: 'intro', line: 7, kind: 'markdown-emphasis', excerpt: 'first **a** and **b**' },
      { slide: 'intro', line: 7, kind: 'html-tag', excerpt: 'second line <span>x</span>' },
    ]);
  });
});

describe('readDeckText + findLeaks on rendered slides', () => {
  const page = (body: string): string =>
    `<!doctype html><html><body><div class="reveal"><div class="slides"><section>${body}</section></div></div></body></html>`;

  it('leaves out code blocks, inline code and speaker notes, where syntax is the content', () => {
    const html = page(
      `<section id="a" class="lectern-slide" data-kind="code" data-line="4"><h2 class="lectern-title">Code</h2><div class="lectern-body">` +
        `<p class="lectern-text">Write <code>&lt;div&gt;</code> and <code>**kwargs</code></p>` +
        `<figure class="lectern-code"><pre><code class="hljs language-html">&lt;div class="x"&gt;**bold**&lt;/div&gt;</code></pre></figure></div>` +
        `<aside class="notes"><p>The notes say &lt;p&gt; and **this**.</p></aside></section>`,
    );
    const slides = readDeckText(html);
    expect(slides).toHaveLength(1);
    expect(slides[0]?.screen).not.toContain('<div');
    expect(findLeaks(slides)).toEqual([]);
    expect(slides[0]?.all).toContain('<div class="x">');
    expect(slides[0]?.all).toContain('The notes say <p>');
  });

  it('finds markup that reached the screen as text, block by block', () => {
    const html = page(
      `<section id="b" class="lectern-slide" data-line="9"><h2 class="lectern-title">Leaky</h2><div class="lectern-body">` +
        `<ul class="lectern-points"><li>!!! note "Title"</li><li>&lt;/section&gt; left over</li></ul></div></section>`,
    );
    expect(findLeaks(readDeckText(html)).map((l) => [l.slide, l.line, l.kind])).toEqual([
      ['b', 9, 'mkdocs-admonition'],
      ['b', 9, 'html-tag'],
    ]);
  });
});
