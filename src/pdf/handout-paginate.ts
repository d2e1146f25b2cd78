/**
 * Pagination of the handout, in the page, by Lectern rather than by Chromium's fragmentation, so
 * that a slide is never cut, notes that go on to the next page say whose they are ("Slide 4
 * (continued)"), a slide is not left at the bottom of a page without the first lines of its notes,
 * and the last 3-up page is balanced. It reads the laid-out entries once (heights, and the line
 * boxes of a block that has to be split), decides every page by arithmetic, and only then writes
 * the DOM: one layout to read, one batch of writes, whatever the deck's length.
 */
import type { HandoutLayout } from '../config.js';

/** What the pagination needs besides the entries built by buildHandoutDom. */
export interface PaginateArgs {
  readonly layout: HandoutLayout;
  /** Height of a page's printable area, in CSS pixels, less a small safety margin. */
  readonly pageHeight: number;
  /** Least height of an entry (3up rows), as in the style sheet. */
  readonly minEntryHeight: number;
  /** Space after each entry, as in the style sheet. */
  readonly entryGap: number;
}

/** What the pagination did. */
export interface PaginateResult {
  readonly pages: number;
  /** Notes continued on another page (each labelled). */
  readonly continued: number;
  /** Blocks of notes split between two pages. */
  readonly splits: number;
  /** Pages whose content is taller than a page (an unsplittable block taller than a page). */
  readonly overfull: number;
}

/** In the page: paginate `main.lectern-handout`'s entries into `.lh-page` elements. */
export function paginateHandout(args: PaginateArgs): PaginateResult {
  interface Piece {
    readonly atom: HTMLElement;
    /** Index of the first character of this piece in the atom's text (0 for a whole atom). */
    readonly from: number;
    readonly height: number;
    readonly marginBottom: number;
  }
  interface Part {
    readonly entry: HTMLElement;
    readonly slide: boolean;
    readonly pieces: Piece[];
    height: number;
  }
  const main = document.querySelector<HTMLElement>('main.lectern-handout');
  if (main === null) return { pages: 0, continued: 0, splits: 0, overfull: 0 };
  const H = args.pageHeight;
  const beside = args.layout === '3up';
  const labelHeight = measureLabel();
  const cuts = new Map<HTMLElement, number[]>();
  const texts = new Map<HTMLElement, { nodes: Text[]; starts: number[]; total: number }>();
  const rests = new Map<HTMLElement, Map<number, HTMLElement>>();
  const range = document.createRange();
  let overfull = 0;
  let continued = 0;

  const pages: Part[][] = [[]];
  let y = 0;
  for (const entry of Array.from(main.querySelectorAll<HTMLElement>(':scope > section.lh-entry'))) {
    const top = entry.getBoundingClientRect().top;
    const slideHeight = entry.querySelector(':scope > .lh-slide')?.getBoundingClientRect().height ?? 0;
    const notes = entry.querySelector<HTMLElement>(':scope > .lh-notes');
    const notesTop = notes === null ? slideHeight : notes.getBoundingClientRect().top - top;
    const queue: Piece[] = notes === null ? [] : Array.from(notes.children).map((el) => whole(el as HTMLElement));
    const least = beside ? args.minEntryHeight : 0;
    if (args.layout === 'notes' && current().length > 0) newPage();
    // Keep the slide with the first two lines of its notes.
    const first = queue[0];
    const need = Math.max(slideHeight, least, first === undefined ? 0 : notesTop + Math.min(first.height, 2 * lineHeight(first.atom)));
    if (y > 0 && y + need > H) newPage();
    let part: Part = { entry, slide: true, pieces: [], height: Math.max(slideHeight, least) };
    let notesY = y + notesTop;
    let partTop = y;
    while (queue.length > 0) {
      const piece = queue.shift() as Piece;
      if (notesY + piece.height <= H || (part.pieces.length === 0 && !part.slide && notesY + piece.height > H && !canSplit(piece, H - notesY))) {
        if (notesY + piece.height > H) overfull += 1;
        part.pieces.push(piece);
        part.height = Math.max(part.height, notesY + piece.height - partTop);
        notesY += piece.height + piece.marginBottom;
        continue;
      }
      const tail = split(piece, H - notesY);
      if (tail !== undefined) {
        part.pieces.push({ ...piece, height: H - notesY });
        queue.unshift(tail);
      } else queue.unshift(piece);
      current().push(part);
      newPage();
      continued += 1;
      part = { entry, slide: false, pieces: [], height: labelHeight };
      partTop = 0;
      notesY = labelHeight;
    }
    current().push(part);
    y = partTop + part.height + args.entryGap;
  }
  if (beside) balanceLastPage();
  const splits = writeCuts();
  writePages();
  return { pages: pages.length, continued, splits, overfull };

  function current(): Part[] {
    return pages[pages.length - 1] as Part[];
  }

  function newPage(): void {
    if (current().length > 0) pages.push([]);
    y = 0;
  }

  function whole(atom: HTMLElement): Piece {
    return { atom, from: 0, height: atom.getBoundingClientRect().height, marginBottom: parseFloat(getComputedStyle(atom).marginBottom) || 0 };
  }

  /** The last 3-up page takes rows from the page before until the two differ by at most one row. */
  function balanceLastPage(): void {
    const last = pages[pages.length - 1];
    const before = pages[pages.length - 2];
    if (last === undefined || before === undefined) return;
    const height = (parts: readonly Part[]): number => parts.reduce((sum, p) => sum + p.height + args.entryGap, 0);
    while (last.length + 1 < before.length) {
      const moved = before[before.length - 1] as Part;
      const whole = moved.slide && !last.some((p) => p.entry === moved.entry) && !before.some((p) => p !== moved && p.entry === moved.entry);
      if (!whole || height(last) + moved.height + args.entryGap > H) return;
      last.unshift(before.pop() as Part);
    }
  }

  function lineHeight(el: HTMLElement): number {
    const style = getComputedStyle(el);
    const lh = parseFloat(style.lineHeight);
    return Number.isFinite(lh) ? lh : parseFloat(style.fontSize) * 1.2;
  }

  function measureLabel(): number {
    const probe = document.createElement('section');
    probe.className = 'lh-entry lh-cont';
    probe.append(continuationLabel(0));
    main?.append(probe);
    const height = (probe.querySelector('.lh-cont-label') as HTMLElement).getBoundingClientRect().height;
    const margin = parseFloat(getComputedStyle(probe.querySelector('.lh-cont-label') as HTMLElement).marginBottom) || 0;
    probe.remove();
    return height + margin;
  }

  function continuationLabel(n: number): HTMLElement {
    const p = document.createElement('p');
    p.className = 'lh-cont-label';
    p.textContent = `Slide ${n} (continued)`;
    return p;
  }

  function monolithic(el: Element): boolean {
    return /^(TABLE|FIGURE|IMG|SVG|PICTURE|VIDEO|AUDIO|IFRAME|HR|MATH|svg|math)$/.test(el.tagName);
  }

  function canSplit(piece: Piece, room: number): boolean {
    return room > 0 && !monolithic(piece.atom) && split(piece, room, true) !== undefined;
  }

  /** The text of an atom, as positions: its text nodes (outside tables, figures…) and where each starts. */
  function textOf(atom: HTMLElement): { nodes: Text[]; starts: number[]; total: number } {
    const known = texts.get(atom);
    if (known !== undefined) return known;
    const nodes: Text[] = [];
    const starts: number[] = [];
    let total = 0;
    const walker = document.createTreeWalker(atom, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      if (text.data.trim() === '' || text.parentElement?.closest('table, figure, svg, math') != null) continue;
      nodes.push(text);
      starts.push(total);
      total += text.data.length;
    }
    const found = { nodes, starts, total };
    texts.set(atom, found);
    return found;
  }

  /** Vertical centre of character `i` of an atom's text (the next drawn one when it is not drawn). */
  function centre(atom: HTMLElement, i: number): number {
    const { nodes, starts, total } = textOf(atom);
    for (let j = i; j < Math.min(total, i + 64); j += 1) {
      let k = starts.length - 1;
      while (k > 0 && (starts[k] as number) > j) k -= 1;
      const node = nodes[k] as Text;
      const offset = j - (starts[k] as number);
      range.setStart(node, offset);
      range.setEnd(node, Math.min(node.data.length, offset + 1));
      const r = range.getBoundingClientRect();
      if (r.height > 0) return (r.top + r.bottom) / 2;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Split `piece` so that its first part fits `room` pixels: the first part keeps at least two
   * lines and leaves at least two. Returns the rest, as a piece (its cut is recorded, and made in
   * the DOM later), or undefined when no such split exists.
   */
  function split(piece: Piece, room: number, dryRun = false): Piece | undefined {
    const { atom } = piece;
    if (monolithic(atom)) return undefined;
    const { total } = textOf(atom);
    if (total === 0) return undefined;
    const lh = lineHeight(atom);
    const box = atom.getBoundingClientRect();
    const style = getComputedStyle(atom);
    const above = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.borderTopWidth) || 0);
    // Where this piece starts in the atom as laid out, and where the room ends there.
    const pieceTop = piece.from === 0 ? box.top : centre(atom, piece.from) - lh / 2 - above;
    const limit = pieceTop + room;
    const firstLine = centre(atom, piece.from);
    const lastLine = centre(atom, total - 1);
    let cut = lineStart(firstChar((c) => c + lh / 2 > limit, piece.from, total));
    if (cut >= total) cut = lineStart(total - 1);
    // Two lines at least on each side.
    if (Math.round((lastLine - centre(atom, cut)) / lh) + 1 < 2) cut = lineStart(firstChar((c) => c > centre(atom, cut) - lh * 1.5, piece.from, total));
    if (Math.round((centre(atom, cut) - firstLine) / lh) < 2 || cut <= piece.from) return undefined;
    const boundary = boundaryOf(atom, cut);
    if (boundary === undefined) return undefined;
    if (!dryRun) cuts.set(atom, [...(cuts.get(atom) ?? []), cut]);
    const lineTop = centre(atom, cut) - lh / 2;
    return { atom, from: cut, height: box.bottom - lineTop + above, marginBottom: piece.marginBottom };

    function firstChar(test: (c: number) => boolean, lo: number, hi: number): number {
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(centre(atom, mid))) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }

    function lineStart(i: number): number {
      const c = centre(atom, i);
      let j = i;
      while (j > piece.from && centre(atom, j - 1) > c - lh / 2) j -= 1;
      return j;
    }
  }

  /** Where to cut the DOM for character `i`: before the outermost element that starts there (a whole list item moves). */
  function boundaryOf(atom: HTMLElement, i: number): { node: Node; offset: number } | undefined {
    const { nodes, starts } = textOf(atom);
    let k = starts.length - 1;
    while (k > 0 && (starts[k] as number) > i) k -= 1;
    let node: Node = nodes[k] as Text;
    let offset = i - (starts[k] as number);
    while (node !== atom && startsAt(node, offset)) {
      const parent = node.parentNode as Node;
      offset = Array.prototype.indexOf.call(parent.childNodes, node) as number;
      node = parent;
    }
    return node === atom && startsAt(node, offset) ? undefined : { node, offset };

    /** Whether (node, offset) is the start of `node`'s content, ignoring blank text before it. */
    function startsAt(n: Node, off: number): boolean {
      if (n.nodeType === Node.TEXT_NODE) return (n as Text).data.slice(0, off).trim() === '';
      return Array.from(n.childNodes).slice(0, off).every((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() === '');
    }
  }

  /** Make the recorded cuts, last first (earlier positions stay valid); each rest follows its atom. */
  function writeCuts(): number {
    let count = 0;
    for (const [atom, list] of cuts) {
      const bounds = list.map((i) => ({ i, at: boundaryOf(atom, i) }));
      const made = new Map<number, HTMLElement>();
      for (const { i, at } of bounds.reverse()) {
        if (at === undefined) continue;
        const chain: Element[] = [];
        for (let n: Node | null = at.node.nodeType === Node.TEXT_NODE ? at.node.parentNode : at.node; n !== null && n !== atom; n = n.parentNode) chain.unshift(n as Element);
        const numbers = [atom, ...chain].map((el, d) => (el.tagName === 'OL' ? listNumber(el, chain[d], at) : undefined));
        range.setStart(at.node, at.offset);
        range.setEnd(atom, atom.childNodes.length);
        const rest = atom.cloneNode(false) as HTMLElement;
        rest.append(range.extractContents());
        rest.removeAttribute('id');
        rest.classList.add('lh-split-rest');
        let clone: Element | null = rest;
        numbers.forEach((n, d) => {
          if (clone === null) return;
          if (d > 0) {
            clone.removeAttribute('id');
            clone.classList.add('lh-split');
          }
          if (n !== undefined) clone.setAttribute('start', String(n));
          clone = clone.firstElementChild;
        });
        atom.after(rest);
        made.set(i, rest);
        count += 1;
      }
      rests.set(atom, made);
    }
    return count;
  }

  /** The number of the first item of `ol` after the cut (an item cut in two keeps its number). */
  function listNumber(ol: Element, inner: Element | undefined, at: { node: Node; offset: number }): number {
    const items = Array.from(ol.children).filter((c) => c.tagName === 'LI');
    const start = Number(ol.getAttribute('start') ?? '1');
    let first: Element | undefined = inner?.tagName === 'LI' ? inner : undefined;
    if (first === undefined && at.node === ol) first = Array.from(ol.childNodes).slice(at.offset).find((c): c is Element => c.nodeType === Node.ELEMENT_NODE);
    const index = first === undefined ? items.length : Math.max(0, items.indexOf(first));
    return (Number.isFinite(start) ? start : 1) + index;
  }

  /** Move every entry and piece into its page; continued notes get a labelled entry of their own. */
  function writePages(): void {
    const out = document.createDocumentFragment();
    for (const page of pages) {
      const pageEl = document.createElement('div');
      pageEl.className = 'lh-page';
      for (const part of page) {
        const n = Number(part.entry.dataset['slide'] ?? '0');
        let holder: HTMLElement;
        if (part.slide) {
          holder = part.entry;
        } else {
          holder = document.createElement('section');
          holder.className = 'lh-entry lh-cont';
          holder.setAttribute('aria-label', `Slide ${n} (continued)`);
          holder.append(continuationLabel(n));
        }
        let notes = holder.querySelector<HTMLElement>(':scope > .lh-notes');
        if (notes === null && part.pieces.length > 0) {
          notes = document.createElement('div');
          notes.className = 'lh-notes';
          holder.append(notes);
        }
        for (const piece of part.pieces) notes?.append(piece.from === 0 ? piece.atom : (rests.get(piece.atom)?.get(piece.from) ?? piece.atom));
        pageEl.append(holder);
      }
      out.append(pageEl);
    }
    main?.replaceChildren(out);
  }
}
