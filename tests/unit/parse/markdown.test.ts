import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/parse/index.js';
import { parseLines, source } from './helpers.js';

describe('markdown blocks', () => {
  it('maps paragraphs with inline formatting, soft breaks collapsed', () => {
    const article = parseLines(['Some *em*, **strong**, ~~del~~ and `co  de`', 'over two lines.']);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 1,
        inlines: [
          { type: 'text', text: 'Some ' },
          { type: 'em', children: [{ type: 'text', text: 'em' }] },
          { type: 'text', text: ', ' },
          { type: 'strong', children: [{ type: 'text', text: 'strong' }] },
          { type: 'text', text: ', ' },
          { type: 'del', children: [{ type: 'text', text: 'del' }] },
          { type: 'text', text: ' and ' },
          { type: 'code', text: 'co  de' },
          { type: 'text', text: ' over two lines.' },
        ],
      },
    ]);
  });

  it('decodes entities in text but not in code spans, and keeps hard breaks', () => {
    const article = parseLines(['AT&amp;T `&amp;`  ', 'next']);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 1,
        inlines: [{ type: 'text', text: 'AT&T ' }, { type: 'code', text: '&amp;' }, { type: 'break' }, { type: 'text', text: 'next' }],
      },
    ]);
  });

  it('resolves reference-style links and images; an image alone is an image block', () => {
    const article = parseLines(['See [the docs][d].', '', '![A chart][img]', '', '[d]: https://example.com/docs "Docs"', '[img]: chart.png']);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 1,
        inlines: [
          { type: 'text', text: 'See ' },
          { type: 'link', href: 'https://example.com/docs', title: 'Docs', children: [{ type: 'text', text: 'the docs' }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'image', line: 3, src: 'chart.png', alt: 'A chart' },
    ]);
  });

  it('turns a link with an empty href (unresolved Liquid link) into plain text', () => {
    const article = parseLines(['Read [the guide]() first.']);
    expect(article.intro).toEqual([{ type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Read the guide first.' }] }]);
  });

  it('understands inline HTML: links, bold, kbd, br; drops icons', () => {
    const article = parseLines(['Press <kbd>Ctrl</kbd> <i class="fa fa-key"></i>or <a href="/x">go <b>there</b></a>.<br>Done']);
    expect(article.intro).toEqual([
      {
        type: 'paragraph',
        line: 1,
        inlines: [
          { type: 'text', text: 'Press ' },
          { type: 'code', text: 'Ctrl' },
          { type: 'text', text: ' or ' },
          { type: 'link', href: '/x', children: [{ type: 'text', text: 'go ' }, { type: 'strong', children: [{ type: 'text', text: 'there' }] }] },
          { type: 'text', text: '.' },
          { type: 'break' },
          { type: 'text', text: 'Done' },
        ],
      },
    ]);
  });

  it('maps fenced code: first word of the info string is the language, title= the title', () => {
    const article = parseLines(['Intro', '', '``` PY title="app.py" linenums="1"', 'print(1)', '', 'x = 2', '```', '', '~~~', 'plain', '~~~']);
    expect(article.intro.slice(1)).toEqual([
      { type: 'code', line: 3, lang: 'py', title: 'app.py', code: 'print(1)\n\nx = 2' },
      { type: 'code', line: 9, code: 'plain', inferred: 'plaintext' },
    ]);
    expect(article.diagnostics).toEqual([]);
  });

  it('reads the language of an attribute-list fence', () => {
    const article = parseLines(['``` { .yaml .annotate }', 'a: 1', '```']);
    expect(article.intro).toEqual([{ type: 'code', line: 1, lang: 'yaml', code: 'a: 1' }]);
  });

  it('reports an unclosed fence at its opening line, and keeps the text as code', () => {
    const article = parseArticle(source(['Text', '', '```js', 'let a = 1;', '', 'More text'].join('\n'), { bodyLine: 5, path: 'post.md' }));
    expect(article.intro[1]).toEqual({ type: 'code', line: 7, lang: 'js', code: 'let a = 1;\n\nMore text' });
    expect(article.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'markdown-unclosed-fence',
        message: expect.any(String) as string,
        file: 'post.md',
        line: 7,
        hint: 'add a closing ``` line',
      },
    ]);
  });

  it('does not report a fence left open inside a list item: the item ends it', () => {
    const article = parseLines(['- item', '', '  ```sh', '  ls', '', 'Paragraph after.']);
    expect(article.diagnostics).toEqual([]);
    expect(article.intro.map((b) => [b.type, b.line])).toEqual([['list', 1], ['paragraph', 6]]);
  });

  it('maps nested and ordered lists with their lines and task states', () => {
    const article = parseLines(['- one', '- two', '  - two.a', '', '    more of two.a', '', '3. three', '4. four', '', '- [x] done', '- [ ] todo']);
    expect(article.intro).toEqual([
      {
        type: 'list',
        line: 1,
        ordered: false,
        items: [
          { inlines: [{ type: 'text', text: 'one' }], blocks: [] },
          {
            inlines: [{ type: 'text', text: 'two' }],
            blocks: [
              {
                type: 'list',
                line: 3,
                ordered: false,
                items: [{ inlines: [{ type: 'text', text: 'two.a' }], blocks: [{ type: 'paragraph', line: 5, inlines: [{ type: 'text', text: 'more of two.a' }] }] }],
              },
            ],
          },
        ],
      },
      {
        type: 'list',
        line: 7,
        ordered: true,
        start: 3,
        items: [
          { inlines: [{ type: 'text', text: 'three' }], blocks: [] },
          { inlines: [{ type: 'text', text: 'four' }], blocks: [] },
        ],
      },
      {
        type: 'list',
        line: 10,
        ordered: false,
        items: [
          { inlines: [{ type: 'text', text: 'done' }], blocks: [], checked: true },
          { inlines: [{ type: 'text', text: 'todo' }], blocks: [], checked: false },
        ],
      },
    ]);
  });

  it('maps tables with alignment', () => {
    const article = parseLines(['| Name | Size |', '|:-----|-----:|', '| `a` | 1 |', '| b | 2 |']);
    expect(article.intro).toEqual([
      {
        type: 'table',
        line: 1,
        align: ['left', 'right'],
        header: [[{ type: 'text', text: 'Name' }], [{ type: 'text', text: 'Size' }]],
        rows: [
          [[{ type: 'code', text: 'a' }], [{ type: 'text', text: '1' }]],
          [[{ type: 'text', text: 'b' }], [{ type: 'text', text: '2' }]],
        ],
      },
    ]);
  });

  it('maps quotes, rules, and GitHub alerts as callouts', () => {
    const article = parseLines(['> Quoted', '> text', '', '---', '', '> [!TIP]', '> Use **this**.']);
    expect(article.intro).toEqual([
      { type: 'quote', line: 1, blocks: [{ type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Quoted text' }] }] },
      { type: 'rule', line: 4 },
      {
        type: 'callout',
        line: 6,
        kind: 'tip',
        blocks: [{ type: 'paragraph', line: 6, inlines: [{ type: 'text', text: 'Use ' }, { type: 'strong', children: [{ type: 'text', text: 'this' }] }, { type: 'text', text: '.' }] }],
      },
    ]);
  });

  it('maps lectern directives written as comments, and drops other comments', () => {
    const article = parseLines(['<!-- a plain comment -->', '', '<!-- lectern: break -->', '', '<!-- lectern: notes Pause here. -->']);
    expect(article.intro).toEqual([
      { type: 'directive', line: 3, name: 'break' },
      { type: 'directive', line: 5, name: 'notes', text: 'Pause here.' },
    ]);
  });

  it('splits explicit ids off headings in every common syntax', () => {
    const article = parseLines(['## One {#first}', '', '## Two {: #second }', '', '## Three { #third .wide }', '', '## Four {/*fourth*/}', '', '## Five']);
    expect(article.sections.map((s) => [s.title, s.id, s.line])).toEqual([
      ['One', 'first', 1],
      ['Two', 'second', 3],
      ['Three', 'third', 5],
      ['Four', 'fourth', 7],
      ['Five', 'five', 9],
    ]);
  });

  it('maps lines to the file with bodyLine and CRLF line ends', () => {
    const article = parseArticle(source('\r\nFirst\r\n\r\n## Head\r\n\r\nSecond\r\n', { bodyLine: 10 }));
    expect(article.intro).toEqual([{ type: 'paragraph', line: 11, inlines: [{ type: 'text', text: 'First' }] }]);
    expect(article.sections[0]?.line).toBe(13);
    expect(article.sections[0]?.blocks[0]?.line).toBe(15);
  });
});
