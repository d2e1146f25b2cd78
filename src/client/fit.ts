/**
 * The fit pass: a slide whose content is taller or wider than the slide frame gets a smaller font
 * (`--lectern-fit`, which base.css multiplies into the body's font size) in small steps, down to
 * MIN_FIT; a slide that still overflows is marked `data-lectern-overflow="true"` so the export can
 * report it. The planner already splits long content; this catches what only a browser can know
 * (real font metrics, image sizes, long words).
 *
 * It runs once, before reveal.js lays the deck out, with every slide forced visible by the
 * `lectern-measuring` class; all slides are measured together, so each step costs one layout.
 */

/** Smallest factor the fit pass may apply. */
export const MIN_FIT = 0.6;
const STEP = 0.05;
/** Sub-pixel rounding of scroll sizes. */
const TOLERANCE = 1;

/** What the fit pass did: how many slides it shrank, and which ones still overflow. */
export interface FitReport {
  readonly shrunk: number;
  readonly overflowing: readonly string[];
}

/** Shrink every overflowing `.lectern-slide` under `root` until it fits the width × height frame. */
export function fitSlides(root: HTMLElement, width: number, height: number): FitReport {
  const slides = Array.from(root.querySelectorAll<HTMLElement>('section.lectern-slide'));
  root.classList.add('lectern-measuring');
  try {
    let pending = slides.filter((slide) => overflows(slide, width, height));
    const shrunk = pending.length;
    let fit = 1;
    while (pending.length > 0 && fit > MIN_FIT + 1e-9) {
      fit = Math.max(MIN_FIT, Math.round((fit - STEP) * 100) / 100);
      // Write every size first, then read: one layout per step for the whole deck.
      for (const slide of pending) slide.style.setProperty('--lectern-fit', String(fit));
      pending = pending.filter((slide) => overflows(slide, width, height));
    }
    for (const slide of pending) slide.dataset['lecternOverflow'] = 'true';
    return { shrunk, overflowing: pending.map(describe) };
  } finally {
    root.classList.remove('lectern-measuring');
  }
}

/** True when the slide's content, or a code block inside it, is larger than its frame. */
function overflows(slide: HTMLElement, width: number, height: number): boolean {
  if (slide.scrollHeight > height + TOLERANCE || slide.scrollWidth > width + TOLERANCE) return true;
  // A long code line can spill out of its panel without reaching the slide's edge.
  for (const code of Array.from(slide.querySelectorAll<HTMLElement>('pre > code'))) {
    if (code.scrollWidth > code.clientWidth + TOLERANCE) return true;
  }
  return false;
}

function describe(slide: HTMLElement): string {
  const line = slide.dataset['line'];
  const id = slide.id === '' ? '(no id)' : `#${slide.id}`;
  return line === undefined ? id : `${id} (line ${line})`;
}
