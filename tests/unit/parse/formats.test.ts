/**
 * Issue 5, item 3: the formats real articles use, each through the whole pure pipeline
 * (parseSource → parse → plan → render). Each test checks the structure Lectern made of the syntax
 * and that none of the syntax's markers is left on a slide or in the notes as text.
 */
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Article, Block, Deck, Slide } from '../../../src/model.js';
import { parseSource } from '../../../src/load/source.js';
import { compileForTest } from '../helpers/compile.js';
import { plainText } from '../../../src/text.js';
import { allBlocks, allSections } from './helpers.js';

interface Built {
  readonly article: Article;
  readonly deck: Deck;
  readonly html: string;
  /** Text of the slides and notes outside code blocks, as a browser would show it. */
  readonly text: string;
}

function build(lines: readonly string[], path = 'article.md'): Built {
  const source = parseSource(lines.join('\n'), path, { resolveLink: (t) => (t === 'other.md' ? '../other/' : undefined) });
  const { article, deck, rendered } = compileForTest(source);
  const slides = rendered.html.slice(rendered.html.indexOf('<div class="reveal'));
  return { article, deck, html: rendered.html, text: visibleText(slides) };
}

/** The text content of HTML, code blocks left out (code may legitimately show any syntax). */
function visibleText(html: string): string {
  const out: string[] = [];
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): void => {
    if (node.nodeName === 'pre') return;
    if (node.nodeName === '#text') out.push(node.value ?? '');
    for (const child of (node.childNodes ?? []) as { nodeName: string }[]) walk(child);
    if (/^(p|li|h[1-6]|div|td|th|figcaption)$/.test(node.nodeName)) out.push('\n');
  };
  walk(parseFragment(html) as unknown as { nodeName: string });
  return out.join('');
}

const slides = (deck: Deck): Slide[] => deck.stacks.flat();
const callouts = (article: Article): Extract<Block, { type: 'callout' }>[] =>
  allBlocks(article).filter((b): b is Extract<Block, { type: 'callout' }> => b.type === 'callout');

/** Syntax that must never be left as text. */
const MARKERS = [/!!!/, /\?\?\?/, /:::/, /^\s*\/\/\//m, /^\s*===/m, /\[![A-Z]+\]/, /\{\{[<%]/, /[<%]\}\}/, /\{%/, /\{#/, /\{:/, /<\/?[A-Za-z][\w-]*[\s>]/, /\]\[/, /^\s*:\s/m];

function expectNoMarkers(text: string): void {
  for (const marker of MARKERS) expect(text, `marker ${marker} left in:\n${text}`).not.toMatch(marker);
}

describe('formats real articles use, through the whole pipeline', () => {
  it('MkDocs admonitions (!!!, ???, ???+, nested, in a list) become callouts', () => {
    const b = build([
      '# Doc', '', '## Part', '', '!!! note "Mk title"', '    Mk body.', '', '    !!! warning', '        Inner body.', '',
      '??? tip', '    Folded body.', '', '???+ example "Open"', '    Open body.', '', '1. Step', '', '    !!! info', '        In a list.',
    ]);
    expect(callouts(b.article).map((c) => [c.kind, plainText(c.title ?? [])])).toEqual([
      ['note', 'Mk title'],
      ['tip', ''],
      ['example', 'Open'],
    ]);
    const note = callouts(b.article)[0];
    expect(note?.blocks.map((x) => x.type)).toEqual(['paragraph', 'callout']);
    const list = allBlocks(b.article).find((x) => x.type === 'list');
    expect(list?.type === 'list' && list.items[0]?.blocks[0]?.type).toBe('callout');
    for (const word of ['Mk body.', 'Inner body.', 'Folded body.', 'Open body.', 'In a list.']) expect(b.text).toContain(word);
    expect(b.html).toContain('<div class="lectern-callout" data-kind="warning">');
    expectNoMarkers(b.text);
  });

  it('pymdownx blocks (/// kind | title … ///) become callouts; their options are not text', () => {
    const b = build(['# Doc', '', '/// warning | Py title', 'Py body.', '///', '', '/// details | Summary', '    type: danger', '', 'Details body.', '///']);
    expect(callouts(b.article).map((c) => [c.kind, plainText(c.title ?? [])])).toEqual([
      ['warning', 'Py title'],
      ['danger', 'Summary'],
    ]);
    expect(b.text).toContain('Details body.');
    expect(b.text).not.toContain('type:');
    expectNoMarkers(b.text);
  });

  it('Docusaurus admonitions (:::kind[title], :::kind title, nested, code inside) become callouts', () => {
    const b = build(['# Doc', '', '::::tip[Outer]', 'Outer body.', '', ':::danger Inner title', 'Inner body.', ':::', '', '```md', ':::', '```', '::::']);
    const [outer] = callouts(b.article);
    expect(outer?.kind).toBe('tip');
    expect(plainText(outer?.title ?? [])).toBe('Outer');
    expect(outer?.blocks.map((x) => x.type)).toEqual(['paragraph', 'callout', 'code']);
    expect(b.text).toContain('Inner body.');
    expectNoMarkers(b.text);
  });

  it('GitHub alerts (> [!NOTE]) become callouts of their kind', () => {
    const b = build(['# Doc', '', '> [!NOTE]', '> Note body.', '', '> [!WARNING]', '> Warning body.']);
    expect(callouts(b.article).map((c) => c.kind)).toEqual(['note', 'warning']);
    expect(b.html).toContain('<p class="lectern-callout-title">Note</p>');
    expectNoMarkers(b.text);
  });

  it('MDX components become containers whose text is kept (<Callout type> names its kind)', () => {
    const b = build([
      '# Doc', '', '<Intro>', 'Intro text.', '</Intro>', '', '<Note>', '#### Note title', 'Note body with **bold**.', '</Note>', '',
      '<Callout type="warning" title="Careful">', 'Callout body.', '</Callout>', '', '<YouWillLearn isChapter={true}>', '', '* Learn one', '', '</YouWillLearn>',
    ]);
    expect(callouts(b.article).map((c) => [c.kind, plainText(c.title ?? [])])).toEqual([
      ['intro', ''],
      ['note', 'Note title'],
      ['warning', 'Careful'],
      ['youwilllearn', ''],
    ]);
    for (const word of ['Intro text.', 'Note title', 'bold', 'Callout body.', 'Learn one']) expect(b.text).toContain(word);
    // A component is a container: no title made up from its name.
    expect(b.html).not.toMatch(/lectern-callout-title">(Intro|Youwilllearn)</);
    expect(b.html).toContain('<div class="lectern-callout" data-kind="youwilllearn"><ul class="lectern-list">');
    expectNoMarkers(b.text);
  });

  it('Hugo shortcodes are removed and their inner text kept', () => {
    const b = build(['# Doc', '', '{{< hint info >}}', 'Hint text.', '{{< /hint >}}', '', '{{% notice tip %}}', 'Notice text.', '{{% /notice %}}', '', 'See {{< ref "x.md" >}} here.']);
    for (const word of ['Hint text.', 'Notice text.', 'See here.']) expect(b.text).toContain(word);
    expect(b.deck.diagnostics.some((d) => d.code === 'hugo-shortcode')).toBe(true);
    expectNoMarkers(b.text);
  });

  it('content tabs (=== "Label") become callouts titled with their label', () => {
    const b = build(['# Doc', '', '=== "Python"', '', '    ```python', '    print(1)', '    ```', '', '=== "Rust"', '', '    Rust text.']);
    expect(callouts(b.article).map((c) => [c.kind, plainText(c.title ?? [])])).toEqual([
      ['tab', 'Python'],
      ['tab', 'Rust'],
    ]);
    expect(b.html).toContain('hljs-built_in');
    expectNoMarkers(b.text);
  });

  it('reference-style links and images resolve, with entities in destinations decoded', () => {
    const b = build(['# Doc', '', 'See [the docs][docs], [Other] and ![logo][img].', '', '![standalone][img]', '', '[docs]: https://example.com/a?x=1&amp;y=2 "Docs"', '[other]: https://example.com/other', '[img]: logo.png']);
    expect(b.html).toContain('<a href="https://example.com/a?x=1&amp;y=2" title="Docs"');
    expect(b.html).toContain('<a href="https://example.com/other"');
    expect(b.html).toContain('<img src="logo.png" alt="logo"');
    expect(allBlocks(b.article).some((x) => x.type === 'image' && x.alt === 'standalone')).toBe(true);
    expectNoMarkers(b.text);
  });

  it('heading ids {#id}, { #id } and {: #id .class } become the sections’ ids and slide ids', () => {
    const b = build(['# Doc', '', '## One {#custom-one}', '', 'A.', '', '## Two { #spaced-two }', '', 'B.', '', '### Three {: #klass .wide }', '', 'C.']);
    expect(allSections(b.article).map((s) => [s.title, s.id])).toEqual([
      ['One', 'custom-one'],
      ['Two', 'spaced-two'],
      ['Three', 'klass'],
    ]);
    // "Two" holds one word before its subsection: no slide of its own, its id an alias of the next.
    expect(slides(b.deck).flatMap((s) => [s.id, ...(s.aliases ?? [])])).toEqual(expect.arrayContaining(['custom-one', 'spaced-two', 'klass']));
    expectNoMarkers(b.text);
  });

  it('a whole HTML document: the <article> is read, chrome, scripts and styles dropped, omitted end tags closed', () => {
    const b = build(
      [
        '<!DOCTYPE html>', '<html lang="en"><head><title>Page</title><script>var x = 1;</script><style>p{}</style></head>', '<body>',
        '<header class="site"><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>', '<aside class="sidebar"><ul><li>Sidebar link</ul></aside>',
        '<main><article>', '<h1>The article</h1>', '<p>First paragraph.', '<p>Second <b>bold</b> paragraph.', '<h2 id="part">Part</h2>', '<ul><li>One<li>Two</ul>',
        '<pre><code class="language-go">func main() {}</code></pre>', '</article></main>', '<footer><nav>Footer nav</nav></footer>', '<script>track()</script>', '</body></html>',
      ],
      'page.html',
    );
    expect(b.deck.meta.title).toBe('The article');
    expect(allSections(b.article).map((s) => s.id)).toEqual(['part']);
    expect(b.text).toContain('Second bold paragraph.');
    for (const chrome of ['Home', 'Blog', 'Sidebar link', 'Footer nav', 'var x', 'track()']) expect(b.text).not.toContain(chrome);
    const list = allBlocks(b.article).find((x) => x.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => plainText(i.inlines))).toEqual(['One', 'Two']);
    expect(b.html).toContain('language-go');
    expectNoMarkers(b.text);
  });

  it('a whole HTML page without an <h1> (and no front matter title) is titled by its <title>', () => {
    const b = build(['<!DOCTYPE html>', '<html><head><title>Page  title', ' here</title></head>', '<body><nav>Menu</nav><main><p>Hello.</p><h2>Part</h2><p>Text.</p></main></body></html>'], 'page.html');
    expect(b.deck.meta.title).toBe('Page title here');
    expect(b.article.line).toBe(2);
    const titled = build(['<!--{ "Title": "From the header" }-->', '<!DOCTYPE html>', '<html><head><title>Page title</title></head><body><p>Hello.</p></body></html>'], 'go.html');
    expect(titled.deck.meta.title).toBe('From the header');
  });

  it('definition lists, in Markdown and in HTML, become term: definition lists', () => {
    const md = build(['# Doc', '', 'Term one', ':   Definition one.', '', 'Term two', ':   Definition two.', ':   Another.']);
    const list = allBlocks(md.article).find((x) => x.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => plainText(i.inlines))).toEqual(['Term one: Definition one.', 'Term two: Definition two. Another.']);
    expectNoMarkers(md.text);
    const html = build(['<h1>Doc</h1>', '<dl><dt>Alpha</dt><dd>First letter.</dd><dt>Beta</dt><dd>Second.</dd></dl>'], 'doc.html');
    const dl = allBlocks(html.article).find((x) => x.type === 'list');
    expect(dl?.type === 'list' && dl.items.map((i) => plainText(i.inlines))).toEqual(['Alpha: First letter.', 'Beta: Second.']);
  });

  it('Markdown inside HTML blocks marked `markdown` (md_in_html, kramdown) is read as Markdown', () => {
    const b = build(['# Doc', '', '<div class="result" markdown>', '', '!!! note', '', '    Inside a div.', '', '</div>']);
    expect(callouts(b.article).map((c) => c.kind)).toEqual(['note']);
    expectNoMarkers(b.text);
  });

  it('kramdown attribute lists are markup: {: .note} makes a callout, {:toc} lists are dropped, span lists removed', () => {
    const b = build(['# Doc', '', '* TOC', '{:toc}', '', 'Intro **word**{: .x} here.', '', '{: .note .info}', 'A note paragraph.', '', '{: .image-description}', 'A caption paragraph.']);
    expect(callouts(b.article).map((c) => [c.kind, plainText(c.blocks.flatMap((x) => (x.type === 'paragraph' ? x.inlines : [])))])).toEqual([['note', 'A note paragraph.']]);
    expect(b.text).not.toContain('TOC');
    expect(b.text).toContain('Intro word here.');
    expect(b.text).toContain('A caption paragraph.');
    expectNoMarkers(b.text);
  });

  it('embeds in Markdown (<video>, <iframe>) stay embeds: sanitized on a slide, their text in the notes', () => {
    const b = build(['# Doc', '', '<video src="https://example.com/v.mp4" autoplay onplay="x()">Video fallback</video>', '', '<iframe src="https://example.com/e" title="Embed title" srcdoc="<b>x</b>"></iframe>']);
    expect(b.html).toContain('<div class="lectern-html"><video src="https://example.com/v.mp4" controls>Video fallback</video></div>');
    expect(b.html).toMatch(/<iframe src="https:\/\/example\.com\/e" title="Embed title" sandbox="allow-scripts allow-popups allow-presentation"/);
    expect(b.html).not.toMatch(/onplay|autoplay|srcdoc/);
    // Both embeds share one slide; what each says in text is in that slide's notes.
    const slide = /<section id="introduction"[^]*?<\/section>/.exec(b.html)?.[0] ?? '';
    expect(slide).toContain('<video src=');
    expect(slide).toContain('<iframe src=');
    expect(slide).toContain('<aside class="notes"><p>Video fallback</p>\n<p>Embed title</p></aside>');
  });
});

describe('very long articles', () => {
  /** An article of `sections` h2 sections of `paragraphs` paragraphs of ~50 words each. */
  function longArticle(sections: number, paragraphs: number): string[] {
    const lines = ['---', 'title: Long read', '---', '', '# Long read', '', 'A lede sentence opens the article.', ''];
    for (let s = 1; s <= sections; s++) {
      lines.push(`## Section number ${s}`, '');
      for (let p = 1; p <= paragraphs; p++) {
        lines.push(`Paragraph ${p} of section ${s} makes its point first. ${'Then it goes on with many more words that explain the point at length. '.repeat(4)}`, '');
      }
    }
    return lines;
  }

  it('a 16,000-word article becomes section stacks after agenda slides that link every section', () => {
    const b = build(longArticle(20, 16));
    const words = b.article.sections.flatMap((s) => s.blocks).reduce((n, blk) => n + (blk.type === 'paragraph' ? plainText(blk.inlines).split(/\s+/).length : 0), 0);
    expect(words).toBeGreaterThan(15000);
    expect(b.deck.stacks.length).toBe(1 + 1 + 20 + 1); // title, agenda, one stack per section, closing
    expect(b.deck.stacks.at(-1)?.map((s) => s.kind)).toEqual(['closing']);
    const agenda = b.deck.stacks[1] ?? [];
    expect(agenda.every((s) => s.kind === 'agenda')).toBe(true);
    expect(agenda.length).toBe(2); // 20 entries, at most 10 a slide
    const links = agenda.flatMap((s) => s.parts.flatMap((p) => (p.type === 'points' ? p.items.flat() : [])));
    const hrefs = links.flatMap((l) => (l.type === 'link' ? [l.href] : []));
    expect(hrefs).toEqual(b.deck.stacks.slice(2, -1).map((stack) => `#/${stack[0]?.id}`));
    expect(b.html).toContain('<a href="#/section-number-1">Section number 1</a>');
    expect(b.html).toMatch(/data-kind="agenda"[^>]*>\n<h2 class="lectern-title">Long read <span class="lectern-continued">\(1\/2\)<\/span>/);
  });
});
