/**
 * How a talk opens: the title slide with the deck title, a subtitle of one sentence (the front
 * matter description's, else the lede's best), author and date; the lede's prose is what the speaker
 * says first, so it goes to the title slide's notes — not to "(1/5)" slides. What else the lede
 * shows (a callout, a picture, code) is composed into slides of its own under the deck title. The
 * article's own table of contents is dropped from the slides when the deck has an agenda (it stays
 * in the notes).
 */
import type { Article, Block, Inline, Slide, SlidePart } from '../model.js';
import { plainText } from '../text.js';
import { composeScope, type ComposeContext } from './compose.js';
import { keyPoint } from './keypoint.js';
import { isLeadIn } from './sentence-features.js';
import { planUnits } from './units.js';

/** What the opening needs besides the article. */
export interface OpeningContext extends ComposeContext {
  readonly title: readonly Inline[];
  /** The deck has agenda slides: the article's own table of contents is not shown. */
  readonly agenda: boolean;
}

/** The title slide and the slides of the lede's shown blocks. */
export function planOpening(article: Article, ctx: OpeningContext): Slide[] {
  const { meta } = article;
  const intro = article.intro.filter((b) => b.type !== 'rule');
  const shown = intro.map((block, i) => shownInIntro(block, intro[i + 1], ctx.agenda, article));
  const notes = intro.filter((_, i) => !shown[i]);
  const parts: SlidePart[] = [];
  const firstParagraph = intro.find((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  const description = meta.description?.trim();
  if (description) parts.push({ type: 'byline', description: plainText(keyPoint([{ type: 'text', text: description }])), ...byline(article) });
  else {
    if (firstParagraph !== undefined) parts.push({ type: 'text', inlines: keyPoint(firstParagraph.inlines, plainText(ctx.title)) });
    if (meta.author || meta.date) parts.push({ type: 'byline', ...byline(article) });
  }
  const titleSlide: Slide = {
    kind: 'title',
    id: ctx.ids.next('title'),
    title: ctx.title,
    parts,
    notes,
    line: article.line,
    endLine: Math.max(article.line, ...notes.map((b) => b.line)),
    heading: { level: 1, text: plainText(ctx.title) },
  };
  const kept = intro.filter((_, i) => shown[i]);
  if (kept.length === 0) return [titleSlide];
  const units = planUnits(kept, ctx.budget, plainText(ctx.title));
  return [titleSlide, ...composeScope({ title: ctx.title, id: 'introduction', line: kept[0]!.line, units }, ctx)];
}

function byline(article: Article): { author?: string; date?: string } {
  return {
    ...(article.meta.author !== undefined ? { author: article.meta.author } : {}),
    ...(article.meta.date !== undefined ? { date: article.meta.date } : {}),
  };
}

/**
 * Whether a lede block is shown on a slide: not its prose (the notes of the title slide), unless
 * a paragraph leads in to a block that is shown; not its table of contents when there is an agenda.
 */
function shownInIntro(block: Block, next: Block | undefined, agenda: boolean, article: Article): boolean {
  if (block.type === 'paragraph') return next !== undefined && next.type !== 'paragraph' && isLeadIn(plainText(block.inlines)) && shownInIntro(next, undefined, agenda, article);
  if (block.type === 'directive') return false;
  if (agenda && isTableOfContents(block, article)) return false;
  return true;
}

/** A list of links to the article's own headings (`#id`): its table of contents. */
export function isTableOfContents(block: Block, article: Article): boolean {
  if (block.type !== 'list' || block.items.length < 2) return false;
  const ids = new Set<string>();
  const visit = (sections: Article['sections']): void => {
    for (const s of sections) {
      ids.add(s.id);
      visit(s.children);
    }
  };
  visit(article.sections);
  const toHeading = block.items.filter((item) => {
    const link = item.inlines.find((n) => n.type === 'link');
    return link?.type === 'link' && link.href.startsWith('#') && (ids.has(decodeURIComponent(link.href.slice(1))) || /^#[\w-]+$/.test(link.href));
  });
  return toHeading.length >= Math.ceil(block.items.length * 0.8);
}
