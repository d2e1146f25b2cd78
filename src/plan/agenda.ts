/**
 * Agenda slides for long articles: after the title, the article's top-level headings as links to
 * the first slide of each section, so a talk of a hundred slides stays navigable. Only the article's
 * own words appear (the deck title and the headings); a long agenda continues on more slides.
 */
import type { Article, Block, Inline, Section, Slide } from '../model.js';
import { blockText, countWords, plainText } from '../text.js';
import type { Budget } from './budget.js';
import type { IdAllocator } from './ids.js';

/** An article gets agenda slides from this many top-level sections… */
export const AGENDA_MIN_SECTIONS = 6;
/** …or from this many words of prose (code not counted), when it has at least two sections. */
export const AGENDA_MIN_WORDS = 5000;

/** Height of one agenda line (36px type, 1.35 line height, item margin) and of the slide's title. */
const LINE_PX = 65;
const CHROME_PX = 170;
/** Characters of a heading that fit one line of the slide body at the theme's type size. */
const CHARS_PER_LINE = 55;
/** Most entries on one agenda slide, however short they are. */
const MAX_ENTRIES = 8;

/** What planAgenda needs from planDeck. */
export interface AgendaContext {
  /** The deck title: the agenda slides' title. */
  readonly title: readonly Inline[];
  readonly budget: Budget;
  readonly ids: IdAllocator;
}

/** Whether an article is long enough to need an agenda (the rule the README states). */
export function needsAgenda(article: Article): boolean {
  const sections = article.sections.length;
  if (sections < 2) return false;
  return sections >= AGENDA_MIN_SECTIONS || proseWords(article) >= AGENDA_MIN_WORDS;
}

/**
 * Agenda slides for an article, given the slides already planned for each top-level section (in
 * the same order as `article.sections`); none when the article does not need them.
 */
export function planAgenda(article: Article, sectionSlides: readonly (readonly Slide[])[], ctx: AgendaContext): Slide[] {
  if (!needsAgenda(article)) return [];
  const entries: Entry[] = [];
  article.sections.forEach((section, index) => {
    const first = sectionSlides[index]?.[0];
    if (first !== undefined) entries.push({ section, slideId: first.id });
  });
  if (entries.length < 2) return [];
  const pages = paginate(entries, ctx.budget);
  return pages.map((page, index): Slide => {
    const items = page.map((e): Inline[] => [{ type: 'link', href: `#/${e.slideId}`, children: e.section.heading }]);
    const lines = page.map((e) => e.section.line);
    return {
      kind: 'agenda',
      id: ctx.ids.next('agenda'),
      title: ctx.title,
      parts: [{ type: 'points', items }],
      notes: [],
      line: Math.min(...lines),
      endLine: Math.max(...lines),
      ...(pages.length > 1 ? { continued: { index: index + 1, total: pages.length } } : {}),
    };
  });
}

interface Entry {
  readonly section: Section;
  readonly slideId: string;
}

/** Entries split into pages that fit the slide, balanced so the last page is not a lone link. */
function paginate(entries: readonly Entry[], budget: Budget): Entry[][] {
  const maxLines = Math.max(1, Math.min(MAX_ENTRIES, Math.floor((budget.height - CHROME_PX) / LINE_PX)));
  const greedy = fill(entries, maxLines, maxLines);
  // Same number of pages, entries spread evenly over them.
  const perPage = Math.ceil(entries.length / greedy.length);
  const balanced = fill(entries, maxLines, perPage);
  return balanced.length === greedy.length ? balanced : greedy;
}

function fill(entries: readonly Entry[], maxLines: number, maxEntries: number): Entry[][] {
  const pages: Entry[][] = [];
  let page: Entry[] = [];
  let used = 0;
  for (const entry of entries) {
    const lines = Math.max(1, Math.ceil(entry.section.title.length / CHARS_PER_LINE));
    if (page.length > 0 && (used + lines > maxLines || page.length >= maxEntries)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(entry);
    used += lines;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Words of the article's prose: headings and every block but code. */
function proseWords(article: Article): number {
  let words = countBlocks(article.intro);
  const visit = (section: Section): void => {
    words += countWords(plainText(section.heading)) + countBlocks(section.blocks);
    section.children.forEach(visit);
  };
  article.sections.forEach(visit);
  return words;
}

function countBlocks(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + (b.type === 'code' ? 0 : countWords(blockText(b))), 0);
}
