/**
 * Measuring the handout's entries as laid out in the page (one layout, reads only): each slide box,
 * where its notes start, and each top-level block of the notes — its height, its margin, and its
 * lines (from the text's own line boxes), so that the pagination (handout-pages.ts) can cut a block
 * between two lines without asking the page again.
 */

/** A line of a block, in CSS pixels from the top of the block's border box. */
export interface MeasuredLine {
  readonly top: number;
  readonly bottom: number;
}

/** One top-level block of a slide's notes. */
export interface MeasuredBlock {
  readonly height: number;
  readonly marginBottom: number;
  /** Padding and border above the first line and below the last (a cut piece keeps them too). */
  readonly above: number;
  readonly below: number;
  /** Its lines, top to bottom; empty for what is never cut (tables, figures, pictures). */
  readonly lines: readonly MeasuredLine[];
}

/** One slide of the handout, with its notes. */
export interface MeasuredEntry {
  /** The slide box with its label. */
  readonly slideHeight: number;
  /** Where the notes start below the entry's top (beside the slide in 3up: 0). */
  readonly notesTop: number;
  readonly blocks: readonly MeasuredBlock[];
}

/** The handout as laid out, before pagination. */
export interface MeasuredHandout {
  /** Height of a "Slide n (continued)" label with the space below it. */
  readonly labelHeight: number;
  readonly entries: readonly MeasuredEntry[];
}

/**
 * In the page: measure `main.lectern-handout`'s entries, and number them and their blocks
 * (`data-lh-entry`, `data-lh-block`) for applyHandoutPages.
 */
export function measureHandout(): MeasuredHandout {
  const main = document.querySelector<HTMLElement>('main.lectern-handout');
  if (main === null) return { labelHeight: 0, entries: [] };
  const labelHeight = measureLabel(main);
  const entries = Array.from(main.querySelectorAll<HTMLElement>(':scope > section.lh-entry')).map((entry, e) => {
    entry.dataset['lhEntry'] = String(e);
    const top = entry.getBoundingClientRect().top;
    const slideHeight = entry.querySelector(':scope > .lh-slide')?.getBoundingClientRect().height ?? 0;
    const notes = entry.querySelector<HTMLElement>(':scope > .lh-notes');
    const notesTop = notes === null ? slideHeight : notes.getBoundingClientRect().top - top;
    const blocks = notes === null ? [] : Array.from(notes.children).map((el, b) => {
      (el as HTMLElement).dataset['lhBlock'] = String(b);
      return measureBlock(el as HTMLElement);
    });
    return { slideHeight, notesTop, blocks };
  });
  return { labelHeight, entries };

  function measureBlock(el: HTMLElement): MeasuredBlock {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const px = (v: string): number => parseFloat(v) || 0;
    const above = px(style.paddingTop) + px(style.borderTopWidth);
    const below = px(style.paddingBottom) + px(style.borderBottomWidth);
    const never = /^(TABLE|FIGURE|IMG|PICTURE|VIDEO|AUDIO|IFRAME|HR|svg|math)$/i.test(el.tagName);
    return { height: box.height, marginBottom: px(style.marginBottom), above, below, lines: never ? [] : linesOf(el, box.top) };
  }

  /** The block's lines: its text's fragments (outside tables and figures), grouped by height. */
  function linesOf(el: HTMLElement, top: number): MeasuredLine[] {
    const range = document.createRange();
    const fragments: MeasuredLine[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '' || node.parentElement?.closest('table, figure, svg, math') != null) continue;
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) if (r.height > 0) fragments.push({ top: r.top - top, bottom: r.bottom - top });
    }
    fragments.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
    const lines: { top: number; bottom: number }[] = [];
    for (const f of fragments) {
      const line = lines[lines.length - 1];
      // A fragment whose middle is inside the current line is on it (inline code sits a little higher).
      if (line !== undefined && (f.top + f.bottom) / 2 < line.bottom) {
        line.top = Math.min(line.top, f.top);
        line.bottom = Math.max(line.bottom, f.bottom);
      } else lines.push({ ...f });
    }
    return lines;
  }

  function measureLabel(root: HTMLElement): number {
    const probe = document.createElement('section');
    probe.className = 'lh-entry lh-cont';
    const label = document.createElement('p');
    label.className = 'lh-cont-label';
    label.textContent = 'Slide 1 (continued)';
    probe.append(label);
    root.append(probe);
    const height = label.getBoundingClientRect().height + (parseFloat(getComputedStyle(label).marginBottom) || 0);
    probe.remove();
    return height;
  }
}
