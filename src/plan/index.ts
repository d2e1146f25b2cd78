/**
 * plan: Article → Deck. Composes the slides of a talk from the article's own words; never builds
 * HTML (that is render's job). The opening (title slide, lede), an agenda for a long article, one
 * stack per top-level section composed from what the sections show (compose.ts, measured with the
 * deck's own fonts), and a closing slide. Every slide is timed from its notes (pacing.ts); with a time
 * slot, what the talk cannot hold goes to backup slides after the closing slide (backup.ts).
 */
import type { ResolvedDeckOptions } from '../config.js';
import { slideGeometry } from '../layout/index.js';
import type { Article, Deck, FitHints, Inline, Slide } from '../model.js';
import { plainText } from '../text.js';
import { needsAgenda, planAgenda } from './agenda.js';
import { planBackup } from './backup.js';
import { budgetFor } from './budget.js';
import { articleUrl, planClosing } from './closing.js';
import { attachFootnotes } from './footnotes.js';
import { createIdAllocator } from './ids.js';
import { splitNav } from './nav.js';
import { planOpening } from './opening.js';
import { timed, totalSeconds, WORDS_PER_MINUTE } from './pacing.js';
import { planSections } from './sections.js';

/** What the planner knows of where the deck will live. */
export interface PlanSite {
  /** The public URL of the site (`--site-url`): the closing slide's URL and QR code. */
  readonly siteUrl?: string;
  /** Natural sizes of the article's pictures by `src` (null: the file is missing, its alt text shows). */
  readonly imageSizes?: ReadonlyMap<string, { readonly width: number; readonly height: number } | null>;
}

/**
 * Plan the slides of an article. Pure: the same article, options and hints give the same deck.
 * `hints` come from measuring a previous plan in a browser (`lectern check`): slides that
 * overflowed there are planned in less room.
 */
export function planDeck(input: Article, options: ResolvedDeckOptions, hints?: FitHints, site: PlanSite = {}): Deck {
  const budget = budgetFor(options, hints);
  const ids = createIdAllocator();
  const geometry = slideGeometry({ width: options.width, height: options.height, theme: options.theme });
  const { article, links, block: navBlock } = splitNav(input);
  const title = deckTitle(article);
  const titleInlines: Inline[] = [{ type: 'text', text: title }];
  const sizes = site.imageSizes;
  const ctx = { geometry, budget, ids, ...(sizes === undefined ? {} : { imageSize: (src: string) => sizes.get(src) }) };
  const agenda = needsAgenda(article);
  const openingSlides = planOpening(article, { ...ctx, title: titleInlines, agenda });
  const sectionPlans = planSections(article.sections, ctx);
  const agendaPlan = planAgenda(article, sectionPlans, { title: titleInlines, budget, ids, geometry });
  const lastLine = Math.max(article.line, ...[...openingSlides, ...agendaPlan, ...sectionPlans.flat()].map((s) => s.endLine));
  const closingSlide = planClosing(article, { title: titleInlines, ids, links, ...(navBlock ? { navBlock } : {}), line: lastLine, ...(site.siteUrl === undefined ? {} : { siteUrl: site.siteUrl }) });
  // Footnotes join the notes of the slide that first cites them, in the article's order (before any
  // slide moves to backup: uncited ones stay on the closing slide), and count in its time.
  const noted = attachFootnotes([openingSlides, agendaPlan, ...sectionPlans, [closingSlide]], article.footnotes ?? []);
  // Options made by hand (tests, the library's callers) may predate pacing: the defaults then.
  const wpm = options.wordsPerMinute ?? WORDS_PER_MINUTE;
  const [opening, agendaSlides, ...rest] = noted.map((slides) => timed(slides, wpm)) as [Slide[], Slide[], ...Slide[][]];
  const closing = rest.pop()!;
  const paced = planBackup(rest, { slot: options.duration ?? 0, fixed: totalSeconds([...opening, ...agendaSlides, ...closing]), file: article.path });
  const stacks: Slide[][] = [opening];
  const push = (slides: readonly Slide[]): void => {
    if (options.layout === 'flat') stacks.push(...slides.map((s) => [s]));
    else if (slides.length > 0) stacks.push([...slides]);
  };
  for (const slides of agendaSlides.length > 0 ? [agendaSlides, ...paced.main] : paced.main) push(slides);
  stacks.push(closing);
  for (const slides of paced.backup) push(slides);
  const url = articleUrl(article, site.siteUrl);
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
      ...(url === undefined ? {} : { url }),
      pacing: { wordsPerMinute: wpm, ...((options.duration ?? 0) > 0 ? { slot: options.duration } : {}) },
    },
    stacks: url === undefined ? stacks : stacks.map((stack) => stack.map((slide) => withSource(slide, url))),
    diagnostics: [...article.diagnostics, ...paced.diagnostics],
  };
}

/** A slide with the link to the section of the article it comes from (`…/article/#heading-id`). */
function withSource(slide: Slide, url: string): Slide {
  if (slide.section === undefined) return slide;
  try {
    const at = new URL(url);
    at.hash = slide.section.id;
    return { ...slide, source: at.href };
  } catch {
    return slide;
  }
}

/** The deck title: the article's h1 (what its readers saw), else the front matter title, else the slug. */
export function deckTitle(article: Article): string {
  return article.h1?.trim() || article.meta.title?.trim() || article.slug;
}

/** Plain-text titles of a deck's slides, for reports and tests. */
export function slideTitles(deck: Deck): string[] {
  return deck.stacks.flat().map((s) => (s.title ? plainText(s.title) : ''));
}
