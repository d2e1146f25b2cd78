/** Test helpers for the parse stage: Sources built by hand, no dependency on src/load. */
import type { Article, Block, Section, Source, SourceFormat } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { plainText } from '../../../src/text.js';

/** A Source whose body starts at file line `bodyLine` (1 when there is no front matter). */
export function source(body: string, options: { format?: SourceFormat; bodyLine?: number; path?: string } = {}): Source {
  return {
    path: options.path ?? 'article.md',
    slug: 'article',
    meta: { raw: {} },
    body,
    bodyLine: options.bodyLine ?? 1,
    format: options.format ?? 'markdown',
    diagnostics: [],
  };
}

/** Parses Markdown (or HTML) lines joined with newlines. */
export function parseLines(lines: readonly string[], format: SourceFormat = 'markdown'): Article {
  return parseArticle(source(lines.join('\n'), { format }));
}

/** Every block of an article: intro, then sections depth-first. */
export function allBlocks(article: Article): Block[] {
  const out: Block[] = [...article.intro];
  const visit = (s: Section): void => {
    out.push(...s.blocks);
    s.children.forEach(visit);
  };
  article.sections.forEach(visit);
  return out;
}

/** Every section, depth-first. */
export function allSections(article: Article): Section[] {
  const out: Section[] = [];
  const visit = (s: Section): void => {
    out.push(s);
    s.children.forEach(visit);
  };
  article.sections.forEach(visit);
  return out;
}

/** The visible prose of a block and the blocks inside it; code is left out when `withCode` is false. */
export function blockTexts(block: Block, withCode = true): string[] {
  switch (block.type) {
    case 'paragraph':
      return [plainText(withCode ? block.inlines : block.inlines.filter((i) => i.type !== 'code'))];
    case 'list':
      return block.items.flatMap((i) => [plainText(i.inlines), ...i.blocks.flatMap((b) => blockTexts(b, withCode))]);
    case 'quote':
      return block.blocks.flatMap((b) => blockTexts(b, withCode));
    case 'callout':
      return [plainText(block.title ?? []), ...block.blocks.flatMap((b) => blockTexts(b, withCode))];
    case 'table':
      return [block.header, ...block.rows].flatMap((row) => row.map((cell) => plainText(cell)));
    case 'code':
      return withCode ? [block.code] : [];
    case 'image':
      return [block.alt, plainText(block.caption ?? [])];
    case 'html':
      return [block.text];
    case 'directive':
      return block.text === undefined ? [] : [block.text];
    case 'math':
      return [block.tex];
    case 'rule':
      return [];
  }
}
