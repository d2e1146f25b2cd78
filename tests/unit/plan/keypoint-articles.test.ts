/**
 * Key points on the real articles in ../shared/articles (skipped, saying so, when absent): the
 * points that came out wrong when the lead sentence was always taken, and a guard that the lead
 * stays the choice for most paragraphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { parseSource } from '../../../src/load/index.js';
import type { Article, Block, Deck, Section } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { planDeck } from '../../../src/plan/index.js';
import { chooseKeyPoint } from '../../../src/plan/keypoint.js';
import { splitSentences } from '../../../src/plan/sentences.js';
import { blockText, plainText } from '../../../src/text.js';
import { SHARED_ARTICLES } from '../../shared-articles.js';

const ARTICLES = SHARED_ARTICLES;
const present = existsSync(resolve(ARTICLES, 'corpus')) && existsSync(resolve(ARTICLES, 'eventlet-site'));

function load(path: string): { article: Article; deck: Deck } {
  const file = resolve(ARTICLES, path);
  const article = parseArticle(parseSource(readFileSync(file, 'utf8'), file, { resolveLink: () => undefined }));
  return { article, deck: planDeck(article, DEFAULT_DECK_OPTIONS) };
}

/** Every text shown on a slide (points, texts, captions), and every note, of a deck. */
function shown(deck: Deck): { screen: string[]; notes: string } {
  const screen: string[] = [];
  let notes = '';
  for (const slide of deck.stacks.flat()) {
    for (const part of slide.parts) {
      if (part.type === 'points') screen.push(...part.items.map(plainText));
      if (part.type === 'text') screen.push(plainText(part.inlines));
      if (part.type === 'code' && part.caption) screen.push(plainText(part.caption));
    }
    notes += `${slide.notes.map(blockText).join('\n')}\n`;
  }
  return { screen: screen.map((s) => s.replace(/\s+/g, ' ').trim()), notes: notes.replace(/\s+/g, ' ') };
}

/** The paragraph holding `sentence`, with its section's title and whether a shown block comes right before it. */
function findParagraph(article: Article, sentence: string): { block: Extract<Block, { type: 'paragraph' }>; topic: string; afterShown: boolean } | undefined {
  const inBlocks = (blocks: readonly Block[], topic: string): ReturnType<typeof findParagraph> => {
    for (const [i, block] of blocks.entries()) {
      if (block.type !== 'paragraph' || !plainText(block.inlines).replace(/\s+/g, ' ').includes(sentence)) continue;
      const afterShown = i > 0 && ['code', 'image', 'list', 'table', 'quote', 'callout'].includes(blocks[i - 1]!.type);
      return { block, topic, afterShown };
    }
    return undefined;
  };
  const inSections = (list: readonly Section[]): ReturnType<typeof findParagraph> => {
    for (const s of list) {
      const hit = inBlocks(s.blocks, s.title) ?? inSections(s.children);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  return inBlocks(article.intro, article.h1 ?? '') ?? inSections(article.sections);
}

describe.skipIf(!present)(`key points of the shared articles${present ? '' : ' (skipped: ../shared/articles absent)'}`, () => {
  it.each([
    // [article, the old point (the lead), the new point]
    ['eventlet-site/eventlet.md', 'Eventlet was created with good intentions.', 'The main promise of Eventlet was to allow people to transform existing synchronous code in an asynchronous code without even rewriting one line of that existing code.'],
    ['eventlet-site/eventlet.md', 'Python advocate for explicit.', 'Implicit async transformations became explicit bug fixes here and there.'],
    ['corpus/go-doc_race-detector.html', 'Here are some typical data races.', 'All of them can be detected with the race detector.'],
    ['corpus/jekyll-docs_convert-html-site-to-jekyll.md', "By the way, let's pause here to look at the for loop logic a little more closely.", 'For loops in Liquid are one of the most commonly used Liquid tags.'],
    ['corpus/jekyll-docs_convert-html-site-to-jekyll.md', "Let's suppose your default.html file is massive and hard to work with.", 'You can break up your layout by putting some of the HTML code in include files.'],
    ['corpus/jekyll-docs_convert-html-site-to-jekyll.md', "In this tutorial, we'll assume you've got a simple list of pages you want to generate.", 'If you only have a handful of pages, you could list them by using a for loop to iterate through the site.pages object and then order them by a front matter property.'],
    ['corpus/rust-blog_introducing-MIR.md', "But we'd like to do better than that.", 'What we would like to do is to use boolean flags on the stack that tell us what needs to be freed.'],
    ['corpus/rust-blog_introducing-MIR.md', 'The way we do this is two-fold.', 'First, we make drops explicit in the MIR.'],
    ['corpus/rust-blog_introducing-MIR.md', 'However, implementing this optimization properly on the current compiler architecture is quite difficult.', 'The MIR control-flow-graph tells us explicitly where values will be dropped and when.'],
    ['eventlet-site/risks.md', 'However, by adopting modern and well-maintained technologies, training staff in cybersecurity, and conducting data protection impact assessments, companies can significantly reduce these risks.', 'It is therefore strongly recommended that companies avoid using obsolete technologies like Eventlet and adopt modern, well-maintained solutions to ensure the security of personal data.'],
  ])('%s: "%s" gives way to a sentence that stands alone', (path, before, after) => {
    const { article, deck } = load(path);
    const { screen, notes } = shown(deck);
    const clean = (s: string): string => s.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
    expect(screen.map(clean)).not.toContain(before);
    // The paragraph's point is the sentence that stands alone…
    const found = findParagraph(article, before);
    expect(found, `a paragraph with "${before}"`).toBeDefined();
    const sentences = splitSentences(found!.block.inlines).map((x) => clean(plainText(x)));
    expect(sentences[chooseKeyPoint(splitSentences(found!.block.inlines), { topic: found!.topic, afterShown: found!.afterShown })]).toBe(after);
    // …which is what the slide shows, unless the section shows code, a table or a picture and the
    // paragraph is said from the notes (`budget.pointsBesideCode`): then none of its sentences is shown.
    // (Its last sentence may still caption the code it introduces.)
    const caption = sentences[sentences.length - 1];
    if (!screen.map(clean).includes(after)) expect(screen.map(clean).filter((x) => sentences.includes(x) && x !== caption)).toEqual([]);
    expect(notes).toContain(before); // nothing lost: the whole paragraph is in the notes
  });

  it('keeps italic asides off the screen of the React guide, in the notes', () => {
    const { screen, notes } = shown(load('corpus/react-dev-blog_react-19-upgrade-guide.md').deck);
    // The three in italics are asides; the one not in italics (scoped-jsx) stands beside code, where
    // only the section's best point is shown.
    expect(screen.filter((s) => s.startsWith('This change is included in the') && !s.includes('scoped-jsx'))).toEqual([]);
    expect(notes).toContain('This change is included in the react-19 codemod preset as refobject-defaults.');
    expect(notes).toContain('This change is included in the react-element-default-any-props codemod.');
    expect(notes).toContain('This change is included in the react-19 codemod preset as scoped-jsx');
    expect(screen).toContain('Due to the introduction of ref cleanup functions, returning anything else from a ref callback will now be rejected by TypeScript.');
  });

  it('keeps the lead sentence of most paragraphs (the lead is usually the author\'s topic sentence)', () => {
    let paragraphs = 0;
    let kept = 0;
    const visit = (blocks: readonly Block[], topic: string): void => {
      blocks.forEach((block, i) => {
        if (block.type !== 'paragraph') return;
        const sentences = splitSentences(block.inlines);
        if (sentences.length < 2) return;
        paragraphs++;
        const afterShown = i > 0 && blocks[i - 1]!.type !== 'paragraph' && blocks[i - 1]!.type !== 'directive';
        if (chooseKeyPoint(sentences, { topic, afterShown }) === 0) kept++;
      });
    };
    const sections = (list: readonly Section[]): void => list.forEach((s) => (visit(s.blocks, s.title), sections(s.children)));
    for (const folder of ['corpus', 'eventlet-site']) {
      for (const name of readdirSync(resolve(ARTICLES, folder))) {
        if (!/\.(md|markdown|html)$/.test(name) || name === 'README.md') continue;
        const { article } = load(`${folder}/${name}`);
        visit(article.intro, article.h1 ?? '');
        sections(article.sections);
      }
    }
    expect(paragraphs).toBeGreaterThan(200);
    expect(kept / paragraphs).toBeGreaterThan(0.85);
  });
});
