import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, SourceFormat } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { plainText } from '../../../src/text.js';
import { SHARED_ARTICLES } from '../../shared-articles.js';
import { allBlocks, allSections, blockTexts, source } from './helpers.js';

// Real articles live outside the repo (../shared/articles, relative to the repo root).
const ARTICLES = SHARED_ARTICLES;
const EVENTLET = join(ARTICLES, 'eventlet-site', 'eventlet.md');
const CORPUS = join(ARTICLES, 'corpus');

/** A naive front matter split (YAML `---` or TOML `+++`): the parse tests do not depend on src/load. */
function naiveSource(path: string): ReturnType<typeof source> {
  const text = readFileSync(path, 'utf8');
  const match = /^(---|\+\+\+)\n[\s\S]*?\n\1\n/.exec(text);
  const body = match === null ? text : text.slice(match[0].length);
  const bodyLine = match === null ? 1 : match[0].split('\n').length;
  const format: SourceFormat = path.endsWith('.html') ? 'html' : 'markdown';
  return source(body, { bodyLine, format, path });
}

/** Letters-and-digits words, so punctuation next to a tag does not matter. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

describe.skipIf(!existsSync(EVENTLET))('the eventlet seed article (skipped: ../shared/articles absent)', () => {
  const text = existsSync(EVENTLET) ? readFileSync(EVENTLET, 'utf8') : '';
  const article = existsSync(EVENTLET) ? parseArticle(naiveSource(EVENTLET)) : undefined;
  const blocks = article === undefined ? [] : allBlocks(article);

  it('has the h1 and the h2/h3 outline', () => {
    expect(article?.h1).toBe('Understanding Eventlet');
    expect(article?.sections.map((s) => [s.depth, s.title, s.children.map((c) => [c.depth, c.title])])).toEqual([
      [2, 'The promises of Eventlet', [[3, 'Magic Asynchronicity'], [3, 'Cooperative Multitasking']]],
    ]);
    expect(article?.diagnostics).toEqual([]);
  });

  it('has two python code blocks of 16 and 10 lines at the file lines of their <pre>', () => {
    const preLines = text.split('\n').flatMap((line, i) => (line.includes('<pre') ? [i + 1] : []));
    const code = blocks.filter((b): b is Extract<Block, { type: 'code' }> => b.type === 'code');
    expect(code.map((c) => [c.lang, c.code.split('\n').length, c.line])).toEqual([
      ['python', 16, preLines[0]],
      ['python', 10, preLines[1]],
    ]);
    expect(preLines[0]).toBe(30);
    expect(code[0]?.code.startsWith('import eventlet\n\ndef task1():\n    print("Task 1 starts")')).toBe(true);
  });

  it('keeps the words of every <p>', () => {
    const got = new Set(words(blocks.flatMap((b) => blockTexts(b)).join(' ')));
    const paragraphs = [...text.matchAll(/<p[\s>][\s\S]*?<\/p>/g)].map((m) => m[0].replace(/<[^>]*>/g, ' '));
    expect(paragraphs.length).toBe(11);
    const missing = paragraphs.flatMap(words).filter((w) => !got.has(w));
    expect(missing).toEqual([]);
  });

  it('has no tags or class names in any text', () => {
    const sections = article === undefined ? [] : allSections(article);
    const texts = [...blocks.flatMap((b) => blockTexts(b)), ...sections.map((s) => s.title)];
    for (const t of texts) {
      expect(t).not.toMatch(/<\/?[a-z]|class=|text-xl|font-bold|mt-10|fa-arrow/);
    }
  });

  it('turns the closing nav div into a paragraph of two links, icons dropped', () => {
    const last = blocks.at(-1);
    expect(last?.type).toBe('paragraph');
    const inlines = last?.type === 'paragraph' ? last.inlines : [];
    const links = inlines.filter((i) => i.type === 'link');
    expect(links.map((l) => (l.type === 'link' ? plainText(l.children) : ''))).toEqual(['Getting Started', 'Understanding the Alternatives']);
    expect(plainText(inlines)).toBe('Getting Started Understanding the Alternatives');
    expect(last?.line).toBe(62);
  });
});

describe.skipIf(!existsSync(CORPUS))('the article corpus (skipped: ../shared/articles absent)', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).sort() : [];

  it.each(files)('%s parses without markup or Liquid left in its prose', (name) => {
    const src = naiveSource(join(CORPUS, name));
    // What load would do with Liquid, naively: raw tags go, links resolve to nothing.
    const body = src.body.replace(/\{%-?\s*(?:raw|endraw)\s*-?%\}/g, '').replace(/\{%-?\s*link\s+[^%]*%\}/g, '');
    const article = parseArticle({ ...src, body });
    const prose = [...allBlocks(article).flatMap((b) => blockTexts(b, false)), ...allSections(article).map((s) => s.title)];
    expect(prose.length).toBeGreaterThan(10);
    for (const text of prose) {
      expect(text).not.toContain('<section');
      expect(text).not.toContain('class=');
      expect(text).not.toContain('{%');
    }
    expect(article.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
