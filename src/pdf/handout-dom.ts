/**
 * The handout document, built in the page from the deck that reveal.js laid out for print: each
 * slide's real DOM (vector, not a screenshot) inside `.reveal .slides` wrappers so the theme still
 * applies, scaled with a CSS transform to the paper, and its speaker notes as text beside or below.
 */

/** How the handout is laid out on paper, in CSS pixels (96 per inch). */
export interface HandoutGeometry {
  readonly layout: 'notes' | '3up';
  /** Size of what each slide box shows: one print page (the slide and reveal.js's margin). */
  readonly width: number;
  readonly height: number;
  /** CSS page size, e.g. `210mm 297mm`. */
  readonly pageSize: string;
  /** Printable area of one paper page (paper minus margins). */
  readonly contentWidth: number;
  readonly contentHeight: number;
}

/** What the builder needs in the page: geometry plus the style sheet. */
export interface HandoutBuildArgs extends HandoutGeometry {
  readonly css: string;
}

/** What the builder did. */
export interface HandoutBuildResult {
  readonly sheets: number;
  /** Slides that had speaker notes. */
  readonly withNotes: number;
}

/** Width of the slide box in a layout: the full width under notes, a bit over half beside them. */
export function slideBoxWidth(g: HandoutGeometry): number {
  return Math.floor(g.layout === 'notes' ? g.contentWidth : g.contentWidth * 0.56);
}

/** The handout style sheet (paper white, notes in dark readable text, code kept in colour). */
export function handoutCss(g: HandoutGeometry): string {
  const boxWidth = slideBoxWidth(g);
  const scale = boxWidth / g.width;
  const boxHeight = Math.ceil(g.height * scale);
  // Three rows per page, a hair under a third so rounding never pushes the third onto the next page.
  const rowHeight = Math.floor(g.contentHeight / 3) - 2;
  return `
@page { size: ${g.pageSize}; }
html.lectern-handout-print, html.lectern-handout-print body {
  background: #fff !important; width: auto !important; height: auto !important;
  margin: 0 !important; padding: 0 !important; overflow: visible !important;
}
.lectern-handout { width: ${g.contentWidth}px; color: #1f2328; font-family: var(--lh-font); font-size: 11pt; line-height: 1.45; }
.lh-sheet { position: relative; break-before: page; }
.lh-sheet:first-child { break-before: auto; }
/* inline-block makes the frame monolithic: without it Chromium fragments the slide by its unscaled
   (layout) height, slicing the bottom of any slide box that starts low on a page. */
.lh-frame { display: inline-block; vertical-align: top; position: relative; width: ${boxWidth}px; height: ${boxHeight}px;
  overflow: hidden; break-inside: avoid; }


/* The hairline is drawn inside the frame: a box-shadow would bleed onto the previous page's last row. */
.lh-frame::after { content: ''; position: absolute; inset: 0; border: 0.75pt solid #c8ccd1; pointer-events: none; z-index: 2; }
.lh-scale { position: absolute; top: 0; left: 0; width: ${g.width}px; height: ${g.height}px;
  transform: scale(${scale}); transform-origin: 0 0; }
.lh-scale > .reveal { position: relative !important; width: ${g.width}px !important; height: ${g.height}px !important; overflow: hidden !important; }
.lectern-handout .reveal .slides .pdf-page { width: ${g.width}px; height: ${g.height}px !important;
  page-break-after: auto !important; break-after: auto !important; }
/* Each box is labelled "Slide n of N" already. */
.lectern-handout .slide-number-pdf { display: none !important; }
.lh-label { margin: 2mm 0 0; font-size: 8pt; color: #6e7781; letter-spacing: 0.02em; }
.lh-notes { margin-top: 5mm; }
.lh-notes > :first-child { margin-top: 0; }
.lh-notes p, .lh-notes ul, .lh-notes ol, .lh-notes blockquote, .lh-notes table { margin: 0 0 0.75em; orphans: 3; widows: 3; }
.lh-notes ul, .lh-notes ol { padding-left: 1.4em; }
.lh-notes a { color: #0b5cad; text-decoration: none; }
.lh-notes code { font-family: var(--lh-mono); font-size: 0.9em; background: #f3f4f6; border-radius: 3px; padding: 0 0.2em; }
.lh-notes pre { font-size: 8.5pt; line-height: 1.4; background: #f6f8fa; padding: 2.5mm 3mm; border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.lh-notes pre code { background: none; padding: 0; font-size: inherit; }
.lh-notes img { max-width: 100%; }
.lh-notes h1, .lh-notes h2, .lh-notes h3, .lh-notes h4 { font-size: 1em; margin: 1em 0 0.4em; break-after: avoid; }
.lectern-handout[data-layout='3up'] .lh-sheet { display: grid; grid-template-columns: ${boxWidth}px 1fr; column-gap: 6mm;
  height: ${rowHeight}px; break-before: auto; break-inside: avoid; box-sizing: border-box; padding-bottom: 5mm; }
.lectern-handout[data-layout='3up'] .lh-sheet.lh-long { height: auto; min-height: ${rowHeight}px; break-inside: auto; }
.lectern-handout[data-layout='3up'] .lh-notes { margin-top: 0; font-size: 9pt; line-height: 1.4; }
`;
}

/**
 * In the page: replace the printed deck with the handout. Each `.pdf-page` (one per slide, in its
 * final state) moves into a sheet, wrapped in shallow copies of the deck's `.reveal` and `.slides`
 * elements so theme selectors still match; its notes follow as HTML.
 */
export function buildHandoutDom(args: HandoutBuildArgs): HandoutBuildResult {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const slidesEl = reveal?.querySelector<HTMLElement>('.slides');
  if (reveal === null || slidesEl === null || slidesEl === undefined) return { sheets: 0, withNotes: 0 };
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
    const sheet = document.createElement('div');
    sheet.className = 'lh-sheet';
    sheet.dataset['lecternSheet'] = slide?.getAttribute('data-lectern-slide') ?? String(index);
    const box = document.createElement('div');
    box.className = 'lh-slide';
    box.append(slideBox(page), label(index + 1, pages.length));
    sheet.append(box);
    if (notesHtml !== '') {
      const notes = document.createElement('div');
      notes.className = 'lh-notes';
      notes.innerHTML = notesHtml;
      sheet.append(notes);
      withNotes += 1;
    }
    main.append(sheet);
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
  if (args.layout === '3up') markLongRows(main);
  return { sheets: pages.length, withNotes };

  function slideBox(page: HTMLElement): HTMLElement {
    const frame = document.createElement('div');
    frame.className = 'lh-frame';
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
    return copy;
  }

  function label(n: number, total: number): HTMLElement {
    const p = document.createElement('p');
    p.className = 'lh-label';
    p.textContent = `Slide ${n} of ${total}`;
    return p;
  }

  /** 3up rows whose notes do not fit a third of a page may grow and break across pages. */
  function markLongRows(root: HTMLElement): void {
    for (const sheet of Array.from(root.querySelectorAll<HTMLElement>('.lh-sheet'))) {
      const notes = sheet.querySelector<HTMLElement>('.lh-notes');
      if (notes !== null && sheet.scrollHeight > sheet.clientHeight + 1) sheet.classList.add('lh-long');
    }
  }
}
