/**
 * Agenda slides for long articles: after the title, the article's top-level headings as links to
 * the first slide of each section, so a talk of a hundred slides stays navigable. Only the article's
 * own words appear (the deck title and the headings); an agenda that does not fit one slide (measured
 * with the deck's fonts, like every slide) continues on more.
 */
import { roomBelowTitle, measureSlide, type SlideGeometry } from '../layout/index.js';
import type { Article, Block, Inline, Section, Slide } from '../model.js';
import { blockText, countWords, plainText } from '../text.js';
import type { Budget } from './budget.js';
import type { IdAllocator } from './ids.js';

/** An article gets agenda slides from this many top-level sections… */
export const AGENDA_MIN_SECTIONS = 6;
/** …or from this many words of prose (code not counted), when it has at least two sections. */
export const AGENDA_MIN_WORDS = 5000;

/** Most entries on one agenda slide, however short they are (a list a listener takes in at a glance). */
export const MAX_AGENDA_ENTRIES = 10;

/** What planAgenda needs from planDeck. */
export interface AgendaContext {
  /** The deck title: the agenda slides' title. */
  readonly title: readonly Inline[];
  readonly budget: Budget;
  readonly ids: IdAllocator;
  /** The slide the agenda is measured on (its size, theme and fonts). */
  readonly geometry: SlideGeometry;
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
  const pages = paginate(entries, (page) => fits(page, ctx));
  return pages.map((page, index): Slide => {
    const items = itemsOf(page);
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

function itemsOf(page: readonly Entry[]): Inline[][] {
  return page.map((e): Inline[] => [{ type: 'link', href: `#/${e.slideId}`, children: e.section.heading }]);
}

/**
 * Whether a page of entries fits its slide, measured with the deck's fonts as if marked continued
 * ("(2/3)" may wrap the title) and in less room where a browser measurement asked for it.
 */
function fits(page: readonly Entry[], ctx: AgendaContext): boolean {
  const slide: Slide = { kind: 'agenda', id: 'agenda', title: ctx.title, parts: [{ type: 'points', items: itemsOf(page) }], notes: [], line: 0, endLine: 0, continued: { index: 9, total: 9 } };
  const box = measureSlide(slide, ctx.geometry);
  const factor = ctx.budget.tighter?.(Math.min(...page.map((e) => e.section.line))).height ?? 1;
  return box.fits && box.body.height <= roomBelowTitle(slide, ctx.geometry) * factor + 1;
}

/** Entries split into pages that fit the slide, balanced so the last page is not a lone link. */
function paginate(entries: readonly Entry[], fit: (page: readonly Entry[]) => boolean): Entry[][] {
  const greedy = fill(entries, MAX_AGENDA_ENTRIES, fit);
  // Same number of pages, entries spread evenly over them.
  const perPage = Math.ceil(entries.length / greedy.length);
  const balanced = fill(entries, perPage, fit);
  return balanced.length === greedy.length ? balanced : greedy;
}

function fill(entries: readonly Entry[], maxEntries: number, fit: (page: readonly Entry[]) => boolean): Entry[][] {
  const pages: Entry[][] = [];
  let page: Entry[] = [];
  for (const entry of entries) {
    if (page.length > 0 && (page.length >= maxEntries || !fit([...page, entry]))) {
      pages.push(page);
      page = [];
    }
    page.push(entry);
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
