/**
 * plan: Article → Deck. Decides what goes on each slide; never builds HTML (that is render's job).
 * Title slide, one stack per top-level section (its subsections beneath it), key points on screen,
 * whole paragraphs in the notes, code on slides of its own, a closing slide with the article's links.
 */
import type { ResolvedDeckOptions } from '../config.js';
import type { Article, Block, Deck, FitHints, Inline, Section, Slide, SlidePart } from '../model.js';
import { plainText } from '../text.js';
import { planAgenda } from './agenda.js';
import { budgetFor, type Budget } from './budget.js';
import { createIdAllocator, type IdAllocator } from './ids.js';
import { splitNav } from './nav.js';
import { packUnits } from './pack.js';
import { keyPoint } from './keypoint.js';
import { planUnits } from './units.js';

/**
 * Plan the slides of an article. Pure: the same article, options and hints give the same deck.
 * `hints` come from measuring a previous plan in a browser (check/fit-loop.ts): slides that
 * overflowed there are packed with tighter budgets.
 */
export function planDeck(input: Article, options: ResolvedDeckOptions, hints?: FitHints): Deck {
  const budget = budgetFor(options, hints);
  const ids = createIdAllocator();
  const { article, links, block: navBlock } = splitNav(input);
  const title = deckTitle(article);
  const titleInlines: Inline[] = [{ type: 'text', text: title }];
  const stacks: Slide[][] = [planTitleStack(article, titleInlines, budget, ids)];
  const sectionSlides = article.sections.map((section) => planSection(section, budget, ids));
  // A long article gets its agenda right after the title: the sections' first slides, linked.
  const agenda = planAgenda(article, sectionSlides, { title: titleInlines, budget, ids });
  for (const slides of agenda.length > 0 ? [agenda, ...sectionSlides] : sectionSlides) {
    if (options.layout === 'flat') stacks.push(...slides.map((s) => [s]));
    else stacks.push(slides);
  }
  if (links.length > 0 && navBlock) {
    stacks.push([
      {
        kind: 'closing',
        id: ids.next('next'),
        title: titleInlines,
        parts: [{ type: 'nav', links }],
        notes: [navBlock],
        line: navBlock.line,
        endLine: navBlock.line,
      },
    ]);
  }
  return {
    meta: {
      title,
      lang: article.meta.lang ?? 'en',
      slug: article.slug,
      theme: options.theme,
      width: options.width,
      height: options.height,
      source: article.path,
      ...(article.meta.description !== undefined ? { description: article.meta.description } : {}),
      ...(article.meta.author !== undefined ? { author: article.meta.author } : {}),
      ...(article.meta.date !== undefined ? { date: article.meta.date } : {}),
      ...(options.unsafeHtml ? { unsafeHtml: true } : {}),
    },
    stacks,
    diagnostics: article.diagnostics,
  };
}

/** The deck title: the article's h1 (what its readers saw), else the front matter title, else the slug. */
export function deckTitle(article: Article): string {
  return article.h1?.trim() || article.meta.title?.trim() || article.slug;
}

function planTitleStack(article: Article, title: readonly Inline[], budget: Budget, ids: IdAllocator): Slide[] {
  const { meta } = article;
  const intro = article.intro;
  const first = intro[0];
  const parts: SlidePart[] = [];
  const notes: Block[] = [];
  let rest = intro;
  if (first?.type === 'paragraph') {
    // The lede is what the speaker says first: its notes are the title slide's, and its key
    // sentence is the subtitle unless the front matter has a description.
    if (!meta.description) parts.push({ type: 'text', inlines: keyPoint(first.inlines, plainText(title)) });
    notes.push(first);
    rest = intro.slice(1);
  }
  if (meta.description || meta.author || meta.date) parts.push({ type: 'byline', ...(meta.description ? { description: meta.description } : {}), ...byline(article) });
  const heading = { level: 1, text: plainText(title) };
  const titleSlide: Slide = { kind: 'title', id: ids.next('title'), title, parts, notes, line: article.line, endLine: first?.line ?? article.line, heading };
  if (rest.length === 0) return [titleSlide];
  const introSlides = packUnits(planUnits(rest, budget, plainText(title)), { title, id: 'introduction', line: rest[0]!.line, budget, ids });
  return [titleSlide, ...introSlides];
}

function byline(article: Article): { author?: string; date?: string } {
  return {
    ...(article.meta.author !== undefined ? { author: article.meta.author } : {}),
    ...(article.meta.date !== undefined ? { date: article.meta.date } : {}),
  };
}

/** Slides of a section and all its subsections, in reading order. */
function planSection(section: Section, budget: Budget, ids: IdAllocator): Slide[] {
  const own = section.blocks.filter((b) => b.type !== 'rule' || section.blocks.length > 1);
  const slides: Slide[] = [];
  if (own.length > 0) {
    slides.push(...packUnits(planUnits(own, budget, section.title), { title: section.heading, id: section.id, line: section.line, depth: section.depth, budget, ids }));
  } else {
    slides.push(sectionSlide(section, ids));
  }
  for (const child of section.children) slides.push(...planSection(child, budget, ids));
  return slides;
}

/** A section with no text of its own: its title, and its subsections as links to their slides. */
function sectionSlide(section: Section, ids: IdAllocator): Slide {
  const id = ids.next(section.id);
  const items = section.children.map((c): Inline[] => [{ type: 'link', href: `#/${childId(c)}`, children: c.heading }]);
  return {
    kind: 'section',
    id,
    title: section.heading,
    parts: items.length > 0 ? [{ type: 'points', items }] : [],
    notes: [],
    line: section.line,
    endLine: section.line,
    heading: { level: section.depth, text: section.title },
  };
}

// The id a child section's first slide will get (sections are planned in order, so it is free).
function childId(section: Section): string {
  return section.id;
}

/** Plain-text titles of a deck's slides, for reports and tests. */
export function slideTitles(deck: Deck): string[] {
  return deck.stacks.flat().map((s) => (s.title ? plainText(s.title) : ''));
}
