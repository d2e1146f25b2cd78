/**
 * Flow → Article: the first h1 is the article's title; blocks before the first section heading are
 * the intro; headings nest by depth (an h3 without an h2 before it is a top-level section).
 */
import type { Article, Block, Diagnostic, Footnote, Inline, Section, Source } from '../model.js';
import type { Flow, HeadingNode } from './flow.js';
import { createIdAllocator, headingId } from './ids.js';
import { oneLine, plainText } from '../text.js';
import { dropPermalinks } from './inline.js';

interface SectionBuilder {
  readonly depth: number;
  readonly heading: readonly Inline[];
  readonly title: string;
  readonly id: string;
  readonly line: number;
  readonly blocks: Block[];
  readonly children: SectionBuilder[];
}

function freeze(builder: SectionBuilder): Section {
  // Copies of exactly their length (arrays grown by push keep room to spare for the whole build).
  return { ...builder, blocks: builder.blocks.slice(), children: builder.children.map(freeze) };
}

/** Index of the title: the first h1 wherever it is (later h1s are sections). */
function titleIndex(flow: Flow): number {
  return flow.findIndex((item) => item.type === 'heading' && item.depth === 1);
}

/** Folds a flow into an Article; `diagnostics` are the parser's, after the Source's own. */
export function buildArticle(source: Source, flow: Flow, diagnostics: readonly Diagnostic[], footnotes: readonly Footnote[] = []): Article {
  const titleAt = titleIndex(flow);
  const h1 = titleAt === -1 ? undefined : (flow[titleAt] as HeadingNode);
  const allocate = createIdAllocator();
  const intro: Block[] = [];
  const sections: SectionBuilder[] = [];
  const open: SectionBuilder[] = [];
  flow.forEach((item, index) => {
    if (index === titleAt) return;
    if (item.type !== 'heading') {
      (open.at(-1)?.blocks ?? intro).push(item);
      return;
    }
    while ((open.at(-1)?.depth ?? 0) >= item.depth) open.pop();
    const inlines = dropPermalinks(item.inlines);
    const title = oneLine(plainText(inlines));
    const section: SectionBuilder = {
      depth: item.depth,
      heading: inlines,
      title,
      id: allocate(headingId(item.id, title)),
      line: item.line,
      blocks: [],
      children: [],
    };
    (open.at(-1)?.children ?? sections).push(section);
    open.push(section);
  });
  return {
    path: source.path,
    slug: source.slug,
    meta: source.meta,
    ...(h1 === undefined ? {} : { h1: oneLine(plainText(dropPermalinks(h1.inlines))) }),
    line: h1?.line ?? 1,
    intro: intro.slice(),
    sections: sections.map(freeze),
    ...(footnotes.length > 0 ? { footnotes } : {}),
    diagnostics: [...source.diagnostics, ...diagnostics],
  };
}
