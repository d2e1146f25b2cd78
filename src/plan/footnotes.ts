/**
 * Footnotes in a talk: the reference stays where the article has it (a superscript on the slide or
 * in the notes), and the definition is said with the slide that first cites it — appended to its
 * speaker notes (and so to the handout), never shown as a point. Definitions nothing cites go to
 * the closing slide's notes, so no word of the article is lost.
 */
import type { Block, Footnote, Inline, ListItem, Slide, SlidePart } from '../model.js';

/** The stacks with every footnote's definition in the notes of the first slide that cites it. */
export function attachFootnotes(stacks: readonly (readonly Slide[])[], footnotes: readonly Footnote[]): Slide[][] {
  if (footnotes.length === 0) return stacks.map((s) => [...s]);
  const byLabel = new Map(footnotes.map((f) => [f.label, f]));
  const placed = new Set<string>();
  const out = stacks.map((stack) =>
    stack.map((slide) => {
      const cited = citedLabels(slide).filter((label) => byLabel.has(label) && !placed.has(label) && placed.add(label));
      return cited.length === 0 ? slide : { ...slide, notes: [...slide.notes, ...footnoteNotes(cited.map((l) => byLabel.get(l)!))] };
    }),
  );
  const rest = footnotes.filter((f) => !placed.has(f.label));
  const lastStack = out.at(-1);
  const last = lastStack?.at(-1);
  if (rest.length > 0 && lastStack !== undefined && last !== undefined) {
    lastStack[lastStack.length - 1] = { ...last, notes: [...last.notes, ...footnoteNotes(rest)] };
  }
  return out;
}

/**
 * Definitions as the notes show them: an ordered list numbered as the references are (`<ol
 * start="3">`), one list per run of consecutive numbers.
 */
export function footnoteNotes(footnotes: readonly Footnote[]): Block[] {
  const lists: { start: number; line: number; items: ListItem[] }[] = [];
  for (const f of [...footnotes].sort((a, b) => a.number - b.number)) {
    const [first, ...rest] = f.blocks;
    const item: ListItem = first?.type === 'paragraph' ? { inlines: first.inlines, blocks: rest } : { inlines: [], blocks: f.blocks };
    const run = lists.at(-1);
    if (run !== undefined && run.start + run.items.length === f.number) run.items.push(item);
    else lists.push({ start: f.number, line: f.line, items: [item] });
  }
  return lists.map((l) => ({ type: 'list', line: l.line, ordered: true, start: l.start, items: l.items }));
}

/** Labels of the footnotes a slide refers to, in order: on screen, in the title, in the notes. */
function citedLabels(slide: Slide): string[] {
  const labels: string[] = [];
  const inlines = (nodes: readonly Inline[]): void => {
    for (const n of nodes) {
      if (n.type === 'footnote') labels.push(n.label);
      else if ('children' in n) inlines(n.children);
    }
  };
  const block = (b: Block): void => {
    switch (b.type) {
      case 'paragraph':
        return inlines(b.inlines);
      case 'list':
        return b.items.forEach((i) => (inlines(i.inlines), i.blocks.forEach(block)));
      case 'table':
        return [...b.header, ...b.rows.flat()].forEach(inlines);
      case 'quote':
        return b.blocks.forEach(block);
      case 'callout':
        return (inlines(b.title ?? []), b.blocks.forEach(block));
      case 'image':
        return inlines(b.caption ?? []);
      default:
        return;
    }
  };
  const part = (p: SlidePart): void => {
    if (p.type === 'points') p.items.forEach(inlines);
    else if (p.type === 'text') inlines(p.inlines);
    else if (p.type === 'block') block(p.block);
    else if (p.type === 'code') inlines(p.caption ?? []);
    else if (p.type === 'row') p.parts.forEach(part);
  };
  inlines(slide.title ?? []);
  slide.parts.forEach(part);
  slide.notes.forEach(block);
  return labels;
}
