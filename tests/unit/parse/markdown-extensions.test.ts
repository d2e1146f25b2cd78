import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.js';

describe('kramdown-style HTML blocks in Markdown', () => {
  it('keeps blank and indented lines inside a block-level tag as HTML (no code blocks)', () => {
    const article = parseLines([
      'Before.',
      '',
      '<section class="mt-10">',
      '    <h2 class="text-3xl">Title</h2>',
      '',
      '    <p class="text-xl">First <a href="/x" class="c">link</a>.</p>',
      '',
      '    <div>',
      '        <p>Nested</p>',
      '    </div>',
      '</section>',
      '',
      'After.',
    ]);
    expect(article.intro).toEqual([{ type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Before.' }] }]);
    expect(article.sections).toEqual([
      {
        depth: 2,
        heading: [{ type: 'text', text: 'Title' }],
        title: 'Title',
        id: 'title',
        line: 4,
        blocks: [
          { type: 'paragraph', line: 6, inlines: [{ type: 'text', text: 'First ' }, { type: 'link', href: '/x', children: [{ type: 'text', text: 'link' }] }, { type: 'text', text: '.' }] },
          { type: 'paragraph', line: 9, inlines: [{ type: 'text', text: 'Nested' }] },
          { type: 'paragraph', line: 13, inlines: [{ type: 'text', text: 'After.' }] },
        ],
        children: [],
      },
    ]);
  });

  it('reads an HTML tag written in capitals as HTML, not as a component', () => {
    const article = parseLines(['<DIV>', '', '    <P>Shouting</P>', '</DIV>']);
    expect(article.intro).toEqual([{ type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Shouting' }] }]);
  });

  it('balances nested tags of the same name', () => {
    const article = parseLines(['<div>', '<div>', '', '    inner', '</div>', '', '    still html', '</div>', '', '    real code']);
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 4, inlines: [{ type: 'text', text: 'inner' }] },
      { type: 'paragraph', line: 7, inlines: [{ type: 'text', text: 'still html' }] },
      { type: 'code', line: 10, code: 'real code', inferred: 'plaintext' },
    ]);
  });

  it('reads MDX components as callouts whose content is Markdown', () => {
    const article = parseLines([
      '<Intro>',
      '',
      'The **lede**.',
      '',
      '</Intro>',
      '',
      '<Note title="Heads up">',
      '',
      '- a',
      '',
      '</Note>',
      '',
      '<Note>',
      '',
      '#### Own title {/*own*/}',
      '',
      'Body',
      '',
      '</Note>',
    ]);
    expect(article.intro).toEqual([
      {
        type: 'callout',
        line: 1,
        kind: 'intro',
        blocks: [{ type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'The ' }, { type: 'strong', children: [{ type: 'text', text: 'lede' }] }, { type: 'text', text: '.' }] }],
      },
      {
        type: 'callout',
        line: 7,
        kind: 'note',
        title: [{ type: 'text', text: 'Heads up' }],
        blocks: [{ type: 'list', line: 9, ordered: false, items: [{ inlines: [{ type: 'text', text: 'a' }], blocks: [] }] }],
      },
      {
        type: 'callout',
        line: 13,
        kind: 'note',
        title: [{ type: 'text', text: 'Own title' }],
        blocks: [{ type: 'paragraph', line: 17, inlines: [{ type: 'text', text: 'Body' }] }],
      },
    ]);
    expect(article.sections).toEqual([]);
  });
});

describe('admonitions and tabs', () => {
  it('maps MkDocs admonitions with indented Markdown bodies, nested', () => {
    const article = parseLines([
      '!!! note "Phasellus posuere"',
      '',
      '    Lorem *ipsum*.',
      '',
      '    ``` python',
      '    x = 1',
      '    ```',
      '',
      '    ??? example',
      '        Inner',
      '',
      'After.',
    ]);
    expect(article.intro).toEqual([
      {
        type: 'callout',
        line: 1,
        kind: 'note',
        title: [{ type: 'text', text: 'Phasellus posuere' }],
        blocks: [
          { type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Lorem ' }, { type: 'em', children: [{ type: 'text', text: 'ipsum' }] }, { type: 'text', text: '.' }] },
          { type: 'code', line: 5, lang: 'python', code: 'x = 1' },
          { type: 'callout', line: 9, kind: 'example', blocks: [{ type: 'paragraph', line: 10, inlines: [{ type: 'text', text: 'Inner' }] }] },
        ],
      },
      { type: 'paragraph', line: 12, inlines: [{ type: 'text', text: 'After.' }] },
    ]);
  });

  it('treats an empty title as no title and ignores modifiers like "inline end"', () => {
    const article = parseLines(['???+ info inline end ""', '    Body']);
    expect(article.intro).toEqual([{ type: 'callout', line: 1, kind: 'info', blocks: [{ type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Body' }] }] }]);
  });

  it('maps content tabs to tab callouts titled with their label (icon shortcodes dropped)', () => {
    const article = parseLines(['=== ":octicons-file-code-16: `mkdocs.yml`"', '', '    Text', '', '=== "Other"', '    More']);
    expect(article.intro).toEqual([
      { type: 'callout', line: 1, kind: 'tab', title: [{ type: 'code', text: 'mkdocs.yml' }], blocks: [{ type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Text' }] }] },
      { type: 'callout', line: 5, kind: 'tab', title: [{ type: 'text', text: 'Other' }], blocks: [{ type: 'paragraph', line: 6, inlines: [{ type: 'text', text: 'More' }] }] },
    ]);
  });

  it('maps Docusaurus and pymdownx blocks', () => {
    const article = parseLines([':::warning[Mind the gap]', 'Careful.', ':::', '', ':::tip', 'Hint.', ':::', '', '/// danger | Hot', 'Do not touch.', '///']);
    expect(article.intro).toEqual([
      { type: 'callout', line: 1, kind: 'warning', title: [{ type: 'text', text: 'Mind the gap' }], blocks: [{ type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Careful.' }] }] },
      { type: 'callout', line: 5, kind: 'tip', blocks: [{ type: 'paragraph', line: 6, inlines: [{ type: 'text', text: 'Hint.' }] }] },
      { type: 'callout', line: 9, kind: 'danger', title: [{ type: 'text', text: 'Hot' }], blocks: [{ type: 'paragraph', line: 10, inlines: [{ type: 'text', text: 'Do not touch.' }] }] },
    ]);
  });

  it('reads a definition body (`:   ...`) as Markdown', () => {
    const article = parseLines([':   !!! abstract', '', '        Summary.']);
    expect(article.intro).toEqual([
      { type: 'callout', line: 1, kind: 'abstract', blocks: [{ type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Summary.' }] }] },
    ]);
  });
});
