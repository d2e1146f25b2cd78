/**
 * The handout document, built in the page from the deck that reveal.js laid out for print: one
 * entry per slide — the slide's real DOM (vector, not a screenshot) inside `.reveal .slides`
 * wrappers so the theme still applies, scaled with a CSS transform into a box, labelled "Slide n of
 * N" — and its speaker notes as text, each top-level block of the notes a block of its own that the
 * pagination (handout-measure.ts, handout-pages.ts, handout-apply.ts) can move to the next page or
 * split between lines.
 */
import type { HandoutLayout } from '../config.js';

/** How the handout is laid out on paper, in CSS pixels (96 per inch). */
export interface HandoutGeometry {
  readonly layout: HandoutLayout;
  /** Size of what each slide box shows: one print page (the slide and reveal.js's margin). */
  readonly width: number;
  readonly height: number;
  /** CSS page size, e.g. `210mm 297mm`. */
  readonly pageSize: string;
  /** Printable area of one paper page (paper minus margins). */
  readonly contentWidth: number;
  readonly contentHeight: number;
  /** Width of a slide box. */
  readonly boxWidth: number;
  /**
   * Smallest code on paper, in CSS pixels: a slide whose code would print smaller is drawn wider,
   * up to the text width (0: every box is `boxWidth` wide).
   */
  readonly minCodePx: number;
  /**
   * Width of the box of a slide with little on it, drawn large (title, statement, section and
   * closing slides): its words still print at 6.5 pt or more at this width (0: as `boxWidth`).
   */
  readonly sparseBoxWidth: number;
  /** Least height of one slide with its notes (3up: a third of the page, so three rows make a page). */
  readonly minEntryHeight: number;
}

/** What the builder needs in the page: geometry plus the style sheet. */
export interface HandoutBuildArgs extends HandoutGeometry {
  readonly css: string;
}

/** What the builder did. */
export interface HandoutBuildResult {
  readonly entries: number;
  /** Slides that had speaker notes. */
  readonly withNotes: number;
}

/**
 * In the page: replace the printed deck with the handout's entries (not yet paginated). Each
 * `.pdf-page` (one per slide, in its final state) moves into an entry, wrapped in shallow copies of
 * the deck's `.reveal` and `.slides` elements so theme selectors still match; its notes follow.
 */
export function buildHandoutDom(args: HandoutBuildArgs): HandoutBuildResult {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const slidesEl = reveal?.querySelector<HTMLElement>('.slides');
  if (reveal === null || slidesEl === null || slidesEl === undefined) return { entries: 0, withNotes: 0 };
  const font = getComputedStyle(reveal).fontFamily;
  const mono = getComputedStyle(reveal.querySelector('pre code') ?? reveal).fontFamily;
  const pages = Array.from(slidesEl.querySelectorAll<HTMLElement>(':scope > .pdf-page'));
  const main = document.createElement('main');
  main.className = 'lectern-handout';
  main.dataset['layout'] = args.layout;
  document.documentElement.style.setProperty('--lh-font', `${font}, system-ui, sans-serif`);
  document.documentElement.style.setProperty('--lh-mono', `${reveal.querySelector('pre code') === null ? '' : `${mono}, `}ui-monospace, monospace`);
  let withNotes = 0;
  pages.forEach((page, index) => {
    const slide = page.querySelector<HTMLElement>(':scope > section');
    const notesHtml = (slide?.querySelector(':scope > aside.notes')?.innerHTML ?? slide?.getAttribute('data-notes') ?? '').trim();
    const entry = document.createElement('section');
    entry.className = 'lh-entry';
    entry.dataset['lecternSheet'] = slide?.getAttribute('data-lectern-slide') ?? String(index);
    entry.dataset['slide'] = String(index + 1);
    entry.setAttribute('aria-label', `Slide ${index + 1}`);
    const box = document.createElement('div');
    box.className = 'lh-slide';
    box.append(slideBox(page, boxWidth(slide)), label(index + 1, pages.length));
    entry.append(box);
    if (notesHtml !== '') {
      entry.append(notesBlock(notesHtml));
      withNotes += 1;
    }
    main.append(entry);
  });

  // reveal.js asked for slide-sized (landscape) pages; Chromium follows an @page size's orientation
  // even when told to ignore CSS page sizes.
  for (const sheet of Array.from(document.querySelectorAll('style'))) {
    if (/@page\s*\{\s*size/.test(sheet.textContent ?? '')) sheet.remove();
  }
  const style = document.createElement('style');
  style.textContent = args.css;
  document.head.append(style);
  document.documentElement.classList.add('lectern-handout-print');
  document.body.removeAttribute('style'); // reveal.js sized the body to one slide page.
  document.body.replaceChildren(main);
  return { entries: pages.length, withNotes };

  /** The box width that prints the slide's smallest code at `minCodePx` at least (within the text width). */
  function boxWidth(slide: HTMLElement | null): number {
    if (slide !== null && args.sparseBoxWidth > 0 && slide.matches("[data-kind='title'], [data-kind='statement'], [data-kind='section'], [data-kind='closing']")) return args.sparseBoxWidth;
    if (args.minCodePx <= 0 || slide === null) return args.boxWidth;
    const sizes = Array.from(slide.querySelectorAll('pre')).map((pre) => parseFloat(getComputedStyle(pre).fontSize)).filter((px) => px > 0);
    if (sizes.length === 0) return args.boxWidth;
    const needed = Math.ceil((args.minCodePx / Math.min(...sizes)) * args.width);
    return Math.min(args.contentWidth, Math.max(args.boxWidth, needed));
  }

  function slideBox(page: HTMLElement, width: number): HTMLElement {
    const frame = document.createElement('div');
    frame.className = 'lh-frame';
    if (width !== args.boxWidth) {
      frame.style.width = `${width}px`;
      frame.style.height = `${Math.ceil(args.height * (width / args.width))}px`;
      frame.style.setProperty('--lh-scale', String(width / args.width));
    }
    const scale = document.createElement('div');
    scale.className = 'lh-scale';
    const revealCopy = shallowCopy(reveal as HTMLElement);
    const slidesCopy = shallowCopy(slidesEl as HTMLElement);
    slidesCopy.append(page);
    revealCopy.append(slidesCopy);
    scale.append(revealCopy);
    frame.append(scale);
    return frame;
  }

  function shallowCopy(el: HTMLElement): HTMLElement {
    const copy = el.cloneNode(false) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('style');
    copy.removeAttribute('role');
    return copy;
  }

  function label(n: number, total: number): HTMLElement {
    const p = document.createElement('p');
    p.className = 'lh-label';
    p.textContent = `Slide ${n} of ${total}`;
    return p;
  }

  /** The notes, each run of loose inline content wrapped in a paragraph so every child is a block. */
  function notesBlock(html: string): HTMLElement {
    const notes = document.createElement('div');
    notes.className = 'lh-notes';
    const source = document.createElement('div');
    source.innerHTML = html;
    let loose: HTMLElement | null = null;
    for (const node of Array.from(source.childNodes)) {
      const block = node instanceof HTMLElement && getComputedDisplay(node) !== 'inline';
      if (block) {
        loose = null;
        notes.append(node);
      } else if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '' && loose === null) {
        continue;
      } else {
        loose ??= notes.appendChild(document.createElement('p'));
        loose.append(node);
      }
    }
    return notes;
  }

  /** Whether an element (not yet in the document) is laid out as a block, by its tag. */
  function getComputedDisplay(el: HTMLElement): string {
    const inline = /^(A|ABBR|B|BDI|BDO|BR|CITE|CODE|DATA|DFN|EM|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR|IMG|SVG|MATH)$/i;
    return inline.test(el.tagName) ? 'inline' : 'block';
  }
}
