/**
 * Pacing through the whole compile path: each slide's `data-timing` is its notes spoken at the
 * deck's pace (or the time to read its code and look at its pictures, when longer); the deck page
 * gives reveal.js the talk's total; a time slot sends slides to backup after the closing slide
 * with nothing lost (the React 19 upgrade guide at 10 minutes); the author's `backup`/`keep`
 * directives and front matter `duration:` are followed; slides link back to the article's sections.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { checkCompiled } from '../../../src/check/static.js';
import { compileWith, realEdges } from '../../../src/commands/edges.js';
import { resolveConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { loadSources } from '../../../src/load/index.js';
import { parseSource } from '../../../src/load/source.js';
import type { Slide } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { planDeck } from '../../../src/plan/index.js';
import { deckPacing, slideSeconds } from '../../../src/plan/pacing.js';
import { countWords } from '../../../src/text.js';
import { compileForTest, TEST_RUNTIME } from '../helpers/compile.js';
import { compileFixtures, SHARED_ARTICLES } from './fixture-decks.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = join(ROOT, 'decks/eventlet.md');
const REACT = join(SHARED_ARTICLES, 'corpus/react-dev-blog_react-19-upgrade-guide.md');

/** Text of an HTML fragment as a reader sees it: inline elements run on, block elements apart. */
function textOf(html: string): string {
  const out: string[] = [];
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): void => {
    if (node.nodeName === '#text') out.push(node.value ?? '');
    for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
    if (/^(p|li|pre|blockquote|td|th|div|h\d|tr|ul|ol)$/.test(node.nodeName)) out.push(' ');
  };
  walk(parseFragment(html) as unknown as { nodeName: string; childNodes: unknown[] });
  return out.join('');
}

/** Each slide of a deck page as written: id, data-timing, whether it is a backup slide, the words of its notes, whether it shows code or pictures. */
function pageSlides(html: string): { id: string; timing: number; backup: boolean; words: number; shows: boolean }[] {
  const slides = [...html.matchAll(/<section id="([^"]+)" class="lectern-slide[^"]*"([^>]*)>([\s\S]*?)<\/section>/g)];
  return slides.map(([, id, attrs, inner]) => {
    const notes = /<aside class="notes">([\s\S]*?)<\/aside>/.exec(inner!)?.[1] ?? '';
    return {
      id: id!,
      timing: Number(/data-timing="(\d+)"/.exec(attrs!)?.[1] ?? NaN),
      backup: attrs!.includes('data-visibility="uncounted"'),
      words: countWords(textOf(notes)),
      shows: /<pre|<img|<figure/.test(inner!.replace(/<aside class="notes">[\s\S]*?<\/aside>/, '')),
    };
  });
}

/** The client config the page gives reveal.js. */
const clientConfig = (html: string): { totalTime?: number; reading?: string } => JSON.parse(/<script type="application\/json" id="lectern-config">(.*?)<\/script>/.exec(html)![1]!);

describe('data-timing from the notes', () => {
  it('is each slide of the seed: its notes at 130 words a minute (8 s with none), or longer for code and pictures; the total is the talk', async () => {
    const [seed] = await compileFixtures([SEED]);
    const slides = pageSlides(seed!.rendered.html);
    expect(slides.length).toBe(seed!.rendered.slideCount);
    let spokenOnly = 0;
    for (const s of slides) {
      const spoken = s.words === 0 ? 8 : Math.max(1, Math.round((s.words / 130) * 60));
      if (s.shows) expect(s.timing, s.id).toBeGreaterThanOrEqual(spoken);
      else {
        expect(s.timing, s.id).toBe(spoken);
        spokenOnly += 1;
      }
    }
    expect(spokenOnly).toBeGreaterThan(3);
    // The sums: the timings add up to the talk reveal.js is told, and to at least the notes' words spoken.
    const words = slides.reduce((n, s) => n + s.words, 0);
    const total = slides.reduce((n, s) => n + s.timing, 0);
    expect(clientConfig(seed!.rendered.html).totalTime).toBe(total);
    expect(total).toBeGreaterThanOrEqual(Math.round((words / 130) * 60) - slides.length);
    expect(deckPacing(seed!.deck).minutes).toBe(Math.round((total / 60) * 10) / 10);
  });

  it('follows the pace asked for: at 65 words a minute a slide of notes alone takes twice as long', async () => {
    const [source] = await loadSources([SEED]);
    const at130 = pageSlides(compileForTest(source!).rendered.html);
    const at65 = pageSlides(compileForTest(source!, resolveConfig({ wordsPerMinute: 65 })).rendered.html);
    for (const [i, s] of at130.entries()) {
      if (s.shows || s.words === 0) continue;
      expect(Math.abs(at65[i]!.timing - 2 * s.timing), s.id).toBeLessThanOrEqual(1);
    }
  });
});

const present = existsSync(REACT);
describe.skipIf(!present)(`a 10-minute slot for the React 19 upgrade guide${present ? '' : ' (skipped: ../shared/articles is absent beside this checkout)'}`, () => {
  it('moves slides to backup after the closing slide, keeps every slide and its notes, and conservation stays ≥ 99%', async () => {
    const [whole] = await compileFixtures([REACT]);
    const [source] = await loadSources([REACT]);
    const slotted = await compileWith(realEdges, source!, { config: resolveConfig({ duration: '10m' }), runtime: TEST_RUNTIME, thumbnail: 'svg' });
    const before = deckPacing(whole!.deck);
    const after = deckPacing(slotted.deck);
    expect(before.minutes).toBeGreaterThan(10);
    expect(before.backupSlides).toBe(0);
    expect(after.backupSlides).toBeGreaterThan(0);
    expect(after.minutes).toBeLessThanOrEqual(10);
    expect(after.slotMinutes).toBe(10);
    // Nothing lost: the same slides with the same notes, only their place changed.
    const key = (s: Slide): string => JSON.stringify([s.id, s.parts, s.notes]);
    expect(slotted.deck.stacks.flat().map(key).sort()).toEqual(whole!.deck.stacks.flat().map(key).sort());
    // Backup slides come after the closing slide, uncounted by reveal.js.
    const page = pageSlides(slotted.rendered.html);
    const closing = page.findIndex((s) => s.id === 'closing');
    expect(page.slice(closing + 1).length).toBe(after.backupSlides);
    expect(page.slice(closing + 1).every((s) => s.backup)).toBe(true);
    expect(page.slice(0, closing + 1).some((s) => s.backup)).toBe(false);
    // The pacing timer is told the slot.
    expect(clientConfig(slotted.rendered.html).totalTime).toBe(600);
    const conservation = checkCompiled(slotted!).conservation;
    expect(conservation.ratio).toBeGreaterThanOrEqual(0.99);
    // Said per section.
    const said = slotted.rendered.diagnostics.filter((d) => d.code === 'pacing-section');
    expect(said.length).toBeGreaterThan(3);
    expect(said.some((d) => /to backup: "/.test(d.message))).toBe(true);
  });
});

/** An article with three parts, each with subsections and enough notes to take a while. */
function article(front: string, marks: { b?: string; c2?: string } = {}): string {
  const para = (topic: string, n: number): string => Array.from({ length: n }, (_, i) => `The ${topic} matters for reason number ${i + 1} and that takes a little while to say.`).join(' ');
  return `---
title: Paced
${front}---

# Paced

${para('opening', 2)}

## Part A

${para('first part', 4)}

### Detail A

${para('first detail', 8)}

## Part B
${marks.b ?? ''}

${para('second part', 4)}

### Detail B

${para('second detail', 8)}

## Part C

${para('third part', 4)}

### Detail C1

${para('third detail', 8)}

### Detail C2
${marks.c2 ?? ''}

${para('fourth detail', 12)}
`;
}

const plan = (text: string, siteUrl?: string) => {
  const source = parseSource(text, 'talks/paced.md', { resolveLink: () => undefined });
  const config = resolveConfig();
  return planDeck(parseArticle(source), { ...config, duration: config.duration }, undefined, siteUrl === undefined ? {} : { siteUrl });
};
const backupIds = (deck: ReturnType<typeof plan>): string[] => deck.stacks.flat().filter((s) => s.backup).map((s) => s.section?.id ?? '');

describe('the author decides', () => {
  it('front matter duration: sets the slot (top level or under lectern:)', () => {
    const source = parseSource(article('duration: 2m\n'), 'talks/paced.md', { resolveLink: () => undefined });
    const deck = compileForTest(source).deck;
    expect(deck.meta.pacing?.slot).toBe(120);
    expect(backupIds(deck).length).toBeGreaterThan(0);
    const under = compileForTest(parseSource(article('lectern:\n  duration: "1:30"\n'), 'talks/paced.md', { resolveLink: () => undefined })).deck;
    expect(under.meta.pacing?.slot).toBe(90);
  });

  it('a bad duration: is a LecternError at the file’s front matter (line 1)', () => {
    const source = parseSource(article('duration: soon\n'), 'talks/paced.md', { resolveLink: () => undefined });
    const error = (() => {
      try {
        compileForTest(source);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LecternError);
    expect(error).toMatchObject({ code: 'config-invalid', file: 'talks/paced.md', line: 1, message: 'duration must be a time such as 20m, 1h30m or 45:00, not "soon"' });
  });

  it('<!-- lectern: backup --> sends a section and its subsections to backup even without a slot; <!-- lectern: keep --> holds one in the talk', () => {
    const marked = plan(article('', { b: '<!-- lectern: backup -->' }));
    expect(backupIds(marked)).toEqual(['part-b', 'detail-b']);
    const slotted = compileForTest(parseSource(article('duration: 2m\n', { c2: '<!-- lectern: keep -->' }), 'talks/paced.md', { resolveLink: () => undefined })).deck;
    const gone = backupIds(slotted);
    expect(gone).not.toContain('detail-c2');
    expect(gone).toContain('detail-c1');
    const free = compileForTest(parseSource(article('duration: 2m\n'), 'talks/paced.md', { resolveLink: () => undefined })).deck;
    // Without keep, the section with the most to say (C2) is among the first to go.
    expect(backupIds(free)).toContain('detail-c2');
  });
});

describe('footnotes and backup slides', () => {
  it('a footnote nothing cites stays on the closing slide, not on the last backup slide; a cited one goes with its slide, and counts in its time', () => {
    const text = article('duration: 1m\n').replace('### Detail C2\n', '### Detail C2\n\nAs the manual says.[^cited]\n') + '\n[^cited]: The manual, chapter two, which nobody reads to the end.\n\n[^lonely]: A note nobody cites anywhere in the article.\n';
    const deck = compileForTest(parseSource(text, 'talks/paced.md', { resolveLink: () => undefined })).deck;
    const slides = deck.stacks.flat();
    const notesOf = (s: Slide): string => JSON.stringify(s.notes);
    const closing = slides.find((s) => s.kind === 'closing')!;
    expect(slides.at(-1)!.backup).toBe(true);
    expect(notesOf(closing)).toContain('A note nobody cites');
    expect(notesOf(slides.at(-1)!)).not.toContain('A note nobody cites');
    const citing = slides.find((s) => notesOf(s).includes('which nobody reads to the end'))!;
    expect(citing.section?.id).toBe('detail-c2');
    expect(citing.timing).toBe(slideSeconds(citing));
  });
});

describe('back to the source', () => {
  it('links each slide of a section to the article at its heading, from the notes, when the article has a canonical URL', () => {
    const source = parseSource(article('canonical: https://blog.example/posts/paced/\n'), 'talks/paced.md', { resolveLink: () => undefined });
    const compiled = compileForTest(source);
    const slides = compiled.deck.stacks.flat();
    expect(compiled.deck.meta.url).toBe('https://blog.example/posts/paced/');
    expect(slides.find((s) => s.section?.id === 'detail-c1')?.source).toBe('https://blog.example/posts/paced/#detail-c1');
    expect(compiled.rendered.html).toContain('<p class="lectern-source">In the article: <a href="https://blog.example/posts/paced/#detail-c1"');
    // The title and closing slides come from no section: no link.
    expect(slides.filter((s) => s.kind === 'title' || s.kind === 'closing').every((s) => s.source === undefined)).toBe(true);
  });

  it('with a permalink, only on the site URL', () => {
    expect(plan(article('permalink: /blog/paced/\n')).meta.url).toBeUndefined();
    const deck = plan(article('permalink: /blog/paced/\n'), 'https://site.example/');
    expect(deck.stacks.flat().find((s) => s.section?.id === 'part-a')?.source).toBe('https://site.example/blog/paced/#part-a');
  });
});
