/**
 * What a slide looks like to the audience, measured in the browser at the deck's size after the
 * runtime's fit pass: how much of the frame its content spans (a *sparse* slide spans less than a
 * third of the height below its title), whether it is a lone lead-in (its text ends with ":" and
 * nothing it could introduce is there), and the smallest text and code drawn on it, in CSS pixels
 * of the deck's own coordinates. `lectern check` reports these (check/composition.ts).
 */

/** The composition of one slide as drawn. */
export interface SlideComposition {
  readonly id: string;
  /** 1-based position in the deck. */
  readonly slide: number;
  readonly line?: number;
  readonly title: string;
  readonly kind: string;
  /** Height spanned by the inked content below the title, as a share of the frame's height below the title (0–1+). */
  readonly fill: number;
  /** A short statement drawn big (≤ 8 words at ≥ 40 px): never sparse by design. */
  readonly statement: boolean;
  /** The slide's text ends with ":" and it holds no list, code, table or image. */
  readonly leadIn: boolean;
  /** Smallest font size of text outside code (px), or 0 when there is none. */
  readonly minText: number;
  /** Smallest font size of code in code blocks (px), or 0 when there is none. */
  readonly minCode: number;
}

/**
 * In the page (serialised by page.evaluate: self-contained), with every slide shown untransformed
 * (the caller's `lectern-measuring` state): the composition of each `section.lectern-slide`.
 */
export function readCompositionInPage(height: number): SlideComposition[] {
  const VISUAL = 'img, svg, video, canvas, iframe, table, pre, .lectern-diagram';
  const slides = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.lectern-slide'));
  return slides.map((slide, index) => {
    const box = slide.getBoundingClientRect();
    const scale = slide.offsetWidth > 0 ? box.width / slide.offsetWidth : 1;
    const titleEl = slide.querySelector<HTMLElement>(':scope > .lectern-title');
    const top = titleEl === null ? box.top : titleEl.getBoundingClientRect().bottom;
    const room = Math.max(1, box.top + height * scale - top);
    let inkTop = Infinity;
    let inkBottom = -Infinity;
    const ink = (r: DOMRect): void => {
      if (r.width === 0 || r.height === 0) return;
      inkTop = Math.min(inkTop, r.top);
      inkBottom = Math.max(inkBottom, r.bottom);
    };
    let minText = Infinity;
    let minCode = Infinity;
    const text: string[] = [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || (node.textContent ?? '').trim() === '') continue;
      if (parent.closest('aside.notes, script, style, .katex-mathml') !== null) continue;
      // A diagram's labels are drawn at its own scale (client/diagrams.ts fits the drawing to the
      // slide): their CSS font size says nothing of the drawn size, so the floors do not apply.
      if (parent.closest('.lectern-diagram') !== null) {
        text.push(node.textContent ?? '');
        continue;
      }
      // Computed sizes are in the deck's own coordinates (transforms do not change them). A
      // formula counts at its own size: its scripts and limits are meant to be smaller.
      const size = parseFloat(getComputedStyle(parent.closest<HTMLElement>('.katex') ?? parent).fontSize) || 0;
      if (parent.closest('pre') !== null) minCode = Math.min(minCode, size);
      else minText = Math.min(minText, size);
      if (parent.closest('.lectern-title') !== null) continue;
      text.push(node.textContent ?? '');
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) ink(r);
    }
    const visuals = Array.from(slide.querySelectorAll<HTMLElement>(VISUAL)).filter((el) => el.closest('aside.notes') === null);
    for (const el of visuals) ink(el.getBoundingClientRect());
    const words = text.join(' ').trim().split(/\s+/).filter(Boolean);
    const statementEl = slide.querySelector<HTMLElement>('.lectern-statement');
    const statement = statementEl !== null && words.length <= 8 && parseFloat(getComputedStyle(statementEl).fontSize) >= 40;
    const shown = text.join('').replace(/\s+/g, ' ').trim();
    // The key points are a list too (`ul.lectern-points`), but not one a lead-in introduces.
    const introduces = slide.querySelector('.lectern-body :is(ul:not(.lectern-points), ol, pre, table, img, svg, video, iframe, .lectern-diagram)') !== null;
    const line = Number(slide.getAttribute('data-line'));
    return {
      id: slide.id,
      slide: index + 1,
      title: (titleEl?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      kind: slide.getAttribute('data-kind') ?? '',
      fill: inkBottom > inkTop ? (inkBottom - inkTop) / room : 0,
      statement,
      leadIn: /[:：]$/.test(shown) && !introduces,
      minText: Number.isFinite(minText) ? minText : 0,
      minCode: Number.isFinite(minCode) ? minCode : 0,
      ...(line > 0 ? { line } : {}),
    };
  });
}
