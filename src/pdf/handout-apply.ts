/**
 * Making the planned pages (handout-pages.ts) in the page: blocks of notes are cut between the
 * planned lines (a cut list item keeps its number and loses its second bullet), then every entry and
 * piece moves into its `.lh-page`, notes continued from the page before under their label. Writes
 * only, after the one measurement; returns how many pages came out taller than a page, read back
 * from the finished layout.
 */
import type { PlannedPart } from './handout-pages.js';

/** The plan, with what applying it needs from the measurement: where each cut line starts. */
export interface ApplyArgs {
  readonly pages: readonly (readonly PlannedPart[])[];
  /** `entry.block` → the y (from the block's top) of each line of that block the plan starts a piece with. */
  readonly cuts: Readonly<Record<string, readonly { readonly line: number; readonly y: number }[]>>;
  /** Height of a page's printable area, in CSS pixels (for the check of the result). */
  readonly pageHeight: number;
}

/** In the page: cut the blocks, build the pages, and count pages taller than a page. */
export function applyHandoutPages(args: ApplyArgs): number {
  const main = document.querySelector<HTMLElement>('main.lectern-handout');
  if (main === null) return 0;
  const range = document.createRange();
  // Every block and entry found before anything moves: once a page is built, its entries are out of
  // `main`, and blocks of notes continued on a later page must still be found.
  const blocks = new Map<string, HTMLElement>();
  for (const el of Array.from(main.querySelectorAll<HTMLElement>(':scope > section[data-lh-entry] > .lh-notes > [data-lh-block]'))) {
    blocks.set(`${el.parentElement?.parentElement?.dataset['lhEntry'] ?? ''}.${el.dataset['lhBlock'] ?? ''}`, el);
  }
  const entries = new Map<number, HTMLElement>();
  for (const el of Array.from(main.querySelectorAll<HTMLElement>(':scope > section[data-lh-entry]'))) entries.set(Number(el.dataset['lhEntry']), el);
  const blockEl = (e: number, b: number): HTMLElement | null => blocks.get(`${e}.${b}`) ?? null;
  const pieces = new Map<string, HTMLElement>();
  for (const [key, list] of Object.entries(args.cuts)) {
    const [e, b] = key.split('.').map(Number) as [number, number];
    const block = blockEl(e, b);
    if (block === null) continue;
    // Every cut found before the DOM changes; then made from the last, so earlier positions hold.
    const bounds = list.map((c) => ({ line: c.line, at: boundaryAt(block, c.y) }));
    for (const { line, at } of bounds.reverse()) {
      if (at !== undefined) pieces.set(`${key}.${line}`, cut(block, at));
    }
  }
  const out = document.createDocumentFragment();
  for (const page of args.pages) {
    const pageEl = document.createElement('div');
    pageEl.className = 'lh-page';
    for (const part of page) pageEl.append(partEl(part));
    out.append(pageEl);
  }
  main.replaceChildren(out);
  // A page's content ends with its last entry's border box (the margin after it ends at the break).
  const used = (p: Element): number => (p.lastElementChild?.getBoundingClientRect().bottom ?? 0) - p.getBoundingClientRect().top;
  return Array.from(main.children).filter((p) => used(p) > args.pageHeight + 0.5).length;

  function partEl(part: PlannedPart): HTMLElement {
    const entry = entries.get(part.entry) ?? document.createElement('section');
    let holder = entry;
    if (!part.slide) {
      const n = entry.dataset['slide'] ?? String(part.entry + 1);
      holder = document.createElement('section');
      holder.className = 'lh-entry lh-cont';
      holder.setAttribute('aria-label', `Slide ${n} (continued)`);
      const label = document.createElement('p');
      label.className = 'lh-cont-label';
      label.textContent = `Slide ${n} (continued)`;
      holder.append(label);
    }
    let notes = holder.querySelector<HTMLElement>(':scope > .lh-notes');
    if (notes === null && part.pieces.length > 0) {
      notes = document.createElement('div');
      notes.className = 'lh-notes';
      holder.append(notes);
    }
    for (const piece of part.pieces) {
      const el = piece.from === 0 ? blockEl(part.entry, piece.block) : pieces.get(`${part.entry}.${piece.block}.${piece.from}`);
      if (el !== null && el !== undefined) notes?.append(el);
    }
    return holder;
  }

  /** Where a cut at `y` (from the block's top) goes: before the first character drawn below it, lifted out of elements it starts. */
  function boundaryAt(block: HTMLElement, y: number): { node: Node; offset: number } | undefined {
    const top = block.getBoundingClientRect().top;
    const chars: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      if (node.data.trim() === '' || node.parentElement?.closest('table, figure, svg, math') != null) continue;
      for (let i = 0; i < node.data.length; i += 1) chars.push({ node, offset: i });
    }
    // Binary search: the first character whose middle is below the cut (characters run down the page in order).
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (middle(chars[mid] as { node: Text; offset: number }) > y) hi = mid;
      else lo = mid + 1;
    }
    const first = chars[lo];
    if (first === undefined) return undefined;
    let node: Node = first.node;
    let offset = first.offset;
    while (node !== block && startsAt(node, offset)) {
      const parent = node.parentNode as Node;
      offset = Array.prototype.indexOf.call(parent.childNodes, node) as number;
      node = parent;
    }
    return node === block && startsAt(node, offset) ? undefined : { node, offset };

    function middle(c: { node: Text; offset: number }): number {
      range.setStart(c.node, c.offset);
      range.setEnd(c.node, c.offset + 1);
      const r = range.getBoundingClientRect();
      // A collapsed space draws nothing: it belongs with the character before it.
      return r.height > 0 ? (r.top + r.bottom) / 2 - top : Number.NEGATIVE_INFINITY;
    }
  }

  /** Whether (node, offset) is the very start of `node`'s content (blank text aside). */
  function startsAt(n: Node, off: number): boolean {
    if (n.nodeType === Node.TEXT_NODE) return (n as Text).data.slice(0, off).trim() === '';
    return Array.from(n.childNodes).slice(0, off).every((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() === '');
  }

  /** Move everything after `at` into a copy of `block` placed after it; returns the copy. */
  function cut(block: HTMLElement, at: { node: Node; offset: number }): HTMLElement {
    const chain: Element[] = [];
    for (let n: Node | null = at.node.nodeType === Node.TEXT_NODE ? at.node.parentNode : at.node; n !== null && n !== block; n = n.parentNode) chain.unshift(n as Element);
    const numbers = [block, ...chain].map((el, d) => (el.tagName === 'OL' ? listNumber(el, chain[d], at) : undefined));
    range.setStart(at.node, at.offset);
    range.setEnd(block, block.childNodes.length);
    const rest = block.cloneNode(false) as HTMLElement;
    rest.append(range.extractContents());
    rest.removeAttribute('id');
    rest.removeAttribute('data-lh-block');
    // The clones of the elements the cut went through: no second bullet, no duplicate id, numbering kept.
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
    block.after(rest);
    return rest;
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
}
