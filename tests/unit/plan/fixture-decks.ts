/**
 * The article fixtures (tests/fixtures, decks/, and ../shared/articles when present) compiled as
 * `lectern build` compiles them — images read from disk, so pictures are planned at their size —
 * for the planner's properties: nothing lost, every slide fits.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileWith, realEdges } from '../../../src/commands/edges.js';
import type { CompiledDeck } from '../../../src/compile.js';
import { resolveConfig } from '../../../src/config.js';
import { isArticlePath, loadSources } from '../../../src/load/index.js';
import type { Block, Deck, Inline, Slide, SlidePart } from '../../../src/model.js';
import { blockText, plainText } from '../../../src/text.js';
import { SHARED_ARTICLES } from '../../shared-articles.js';
import { TEST_RUNTIME } from '../helpers/compile.js';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The shared real articles (absent on some machines: tests that need them skip, saying so). */
export { SHARED_ARTICLES };
export const SHARED_PRESENT = existsSync(join(SHARED_ARTICLES, 'corpus')) && existsSync(join(SHARED_ARTICLES, 'eventlet-site'));

/** Article files of the fixture folders (not the ones made to fail), the demo decks, and the shared articles. */
export function fixtureFiles(shared = SHARED_PRESENT): string[] {
  const folders = ['tests/fixtures/articles', 'tests/fixtures/formats', 'tests/fixtures/check', 'tests/fixtures/layout', 'tests/fixtures/one-html', 'tests/fixtures/xss', 'decks'].map((f) => resolve(ROOT, f));
  if (shared) folders.push(join(SHARED_ARTICLES, 'corpus'), join(SHARED_ARTICLES, 'eventlet-site'));
  return folders.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => isArticlePath(name) && !/^(README|LICENSE|CHANGELOG|SOURCES)/i.test(name) && !/^[_.]/.test(name))
      .map((name) => join(dir, name)),
  );
}

/** Every fixture compiled with the default config, its pictures read from disk. */
export async function compileFixtures(files: readonly string[] = fixtureFiles()): Promise<CompiledDeck[]> {
  const out: CompiledDeck[] = [];
  for (const file of files) {
    const [source] = await loadSources([file]);
    out.push(await compileWith(realEdges, source!, { config: resolveConfig(), runtime: TEST_RUNTIME, thumbnail: 'svg' }));
  }
  return out;
}

/** The text a part shows. */
export function partText(part: SlidePart): string {
  switch (part.type) {
    case 'points':
      return part.items.map(plainText).join('\n');
    case 'text':
      return plainText(part.inlines);
    case 'block':
      return blockText(part.block);
    case 'code':
      return `${part.caption ? plainText(part.caption) : ''}\n${part.code}`;
    case 'byline':
      return [part.description, part.author, part.date].filter(Boolean).join('\n');
    case 'nav':
      return part.links.map((l) => plainText(l.children)).join('\n');
    case 'row':
      return part.parts.map(partText).join('\n');
    case 'url':
      return part.url;
  }
}

/** What a slide shows and what its notes say, as text. */
export function slideText(slide: Slide): { screen: string; notes: string } {
  return { screen: [slide.title ? plainText(slide.title) : '', ...slide.parts.map(partText)].join('\n'), notes: slide.notes.map(blockText).join('\n') };
}

/** Every paragraph of an article's blocks (nested ones too: in lists, quotes, callouts). */
export function paragraphsOf(blocks: readonly Block[]): Extract<Block, { type: 'paragraph' }>[] {
  return blocks.flatMap((b): Extract<Block, { type: 'paragraph' }>[] => {
    switch (b.type) {
      case 'paragraph':
        return [b];
      case 'list':
        return b.items.flatMap((i) => [{ type: 'paragraph' as const, line: b.line, inlines: i.inlines as Inline[] }, ...paragraphsOf(i.blocks)]);
      case 'quote':
      case 'callout':
        return paragraphsOf(b.blocks);
      default:
        return [];
    }
  });
}

/** All the slides of a deck. */
export const slidesOf = (deck: Deck): Slide[] => deck.stacks.flat();
