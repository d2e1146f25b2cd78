/**
 * Measuring a deck in the browser: find the slides whose content does not fit the frame — an
 * element outside the width × height box, a box that clips or scrolls its content, or code and
 * tables that spill out of their panel. It sees the deck as the audience does, after the runtime's
 * fit pass shrank what it could. It runs in a page the caller opened (browser/deck-page.ts): the
 * screen view for `lectern check`, the print view for the PDFs, which are printed from that same
 * load.
 */
import type { Page } from 'puppeteer-core';
import { readCompositionInPage, type SlideComposition } from './composition.js';

/** A slide that does not fit, with what sticks out. */
export interface SlideOverflow {
  /** The slide's id (its `#/id` link). */
  readonly id: string;
  /** 1-based position of the slide in the deck. */
  readonly slide: number;
  readonly line?: number;
  readonly title: string;
  /** How far the worst element reaches past the frame or its box, in CSS pixels of the deck. */
  readonly by: number;
  /** What sticks out, e.g. `outside: table.lectern-table by 120px` (at most 5). */
  readonly reasons: readonly string[];
  /** Whether content is too wide (past the right or left edge, or wider than its box)… */
  readonly wide: boolean;
  /** …and whether it is too tall. */
  readonly tall: boolean;
}

/** What the browser saw of one deck. */
export interface DeckLayout {
  readonly slides: number;
  readonly overflows: readonly SlideOverflow[];
  /** Slides the runtime's fit pass shrank (they fit, in a smaller type). */
  readonly shrunk: number;
  /** How each slide is composed as drawn (fill, lead-ins, smallest sizes). */
  readonly composition: readonly SlideComposition[];
}

/**
 * Measure every slide of the deck open in `page` (laid out at width × height). `composition: false`
 * skips reading how each slide is composed (only `lectern check` reports it): the layout then has
 * none.
 */
export async function measureOpenDeck(page: Page, size: { readonly width: number; readonly height: number }, options: { readonly composition?: boolean } = {}): Promise<DeckLayout> {
  if (options.composition === false) return page.evaluate(measureSlidesInPage, size.width, size.height);
  return page.evaluate(measureSlidesInPage, size.width, size.height, readCompositionInPage.toString());
}

/**
 * In the page (serialised by page.evaluate: it must not refer to anything outside itself): show
 * every slide at once, untransformed, and compare each element's box with its slide's frame.
 */
export function measureSlidesInPage(width: number, height: number, compose?: string): DeckLayout {
  const TOLERANCE = 1;
  // Replaced elements clip their own content by design (an image's intrinsic size, a form field).
  const REPLACED = new Set(['img', 'video', 'canvas', 'iframe', 'svg', 'object', 'embed', 'input', 'select', 'textarea', 'audio']);
  const root = document.querySelector<HTMLElement>('.reveal');
  const slides = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section.lectern-slide'));
  // Every slide visible at once and in place: reveal.js hides far slides and moves past/future ones.
  // Its print view (slides laid out on `.pdf-page`s) shows them so already: toggling the state
  // there would only cost two more layouts of the whole deck before it is printed.
  const printView = document.querySelector('.reveal .slides .pdf-page') !== null;
  const style = document.createElement('style');
  style.textContent = '.reveal .slides section { display: block !important; transform: none !important; }';
  if (!printView) {
    document.head.append(style);
    root?.classList.add('lectern-measuring');
  }
  const overflows: SlideOverflow[] = [];
  let composition: SlideComposition[] = [];
  try {
    // The composition reader is passed as source: an evaluated function cannot import another.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    if (compose !== undefined) composition = (new Function(`return (${compose})`)() as (h: number) => SlideComposition[])(height);
    slides.forEach((slide, index) => {
      const box = slide.getBoundingClientRect();
      const scale = slide.offsetWidth > 0 ? box.width / slide.offsetWidth : 1;
      const frame = { left: box.left, top: box.top, right: box.left + width * scale, bottom: box.top + height * scale };
      const found: { by: number; reason: string; wide: boolean }[] = [];
      for (const el of Array.from(slide.querySelectorAll<HTMLElement>('*'))) {
        if (el.closest('aside.notes') !== null) continue;
        const inCode = el.parentElement?.closest('pre');
        if (inCode && el.localName !== 'code') continue; // token spans: the panel and its code stand for them
        // KaTeX's struts and its visually hidden MathML copy: the formula's own box stands for them.
        if (el.parentElement?.closest('.katex') != null) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const outX = Math.max(frame.left - rect.left, rect.right - frame.right) / scale;
        const outY = Math.max(frame.top - rect.top, rect.bottom - frame.bottom) / scale;
        if (outX > TOLERANCE) found.push({ by: outX, reason: `outside: ${name(el)} by ${Math.round(outX)}px (width)`, wide: true });
        if (outY > TOLERANCE) found.push({ by: outY, reason: `outside: ${name(el)} by ${Math.round(outY)}px`, wide: false });
        if (REPLACED.has(el.localName)) continue;
        const css = getComputedStyle(el);
        if (css.textOverflow === 'ellipsis') continue;
        const clips = css.overflowX !== 'visible' || css.overflowY !== 'visible';
        // Code and tables are checked even when they let content spill: text outside its panel.
        if (!clips && !['pre', 'code', 'table'].includes(el.localName)) continue;
        if (el.clientWidth === 0) continue;
        const how = !clips ? 'spills' : [css.overflowX, css.overflowY].some((o) => o === 'hidden' || o === 'clip') ? 'clipped' : 'scrolls';
        const extraX = el.scrollWidth - el.clientWidth;
        const extraY = el.scrollHeight - el.clientHeight;
        if (extraX > TOLERANCE) found.push({ by: extraX, reason: `${how}: ${name(el)} by ${Math.round(extraX)}px (width)`, wide: true });
        if (extraY > TOLERANCE) found.push({ by: extraY, reason: `${how}: ${name(el)} by ${Math.round(extraY)}px`, wide: false });
      }
      // The runtime's fit pass marks what it could not shrink enough (text it cannot see past).
      if (found.length === 0 && slide.dataset['lecternOverflow'] === 'true') found.push({ by: 0, reason: 'the runtime fit pass could not fit it', wide: false });
      if (found.length === 0) return;
      found.sort((a, b) => b.by - a.by);
      const line = Number(slide.getAttribute('data-line'));
      overflows.push({
        id: slide.id,
        slide: index + 1,
        title: (slide.querySelector('h1, h2')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        by: Math.round(found[0]!.by),
        reasons: found.slice(0, 5).map((f) => f.reason),
        wide: found.some((f) => f.wide),
        tall: found.some((f) => !f.wide),
        ...(line > 0 ? { line } : {}),
      });
    });
  } finally {
    if (!printView) {
      root?.classList.remove('lectern-measuring');
      style.remove();
    }
  }
  const fit = (window as unknown as { lecternFit?: { shrunk: number } }).lecternFit;
  return { slides: slides.length, shrunk: fit?.shrunk ?? 0, overflows, composition };

  function name(el: Element): string {
    const cls = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.localName}${cls}${text === '' ? '' : ` "${text}"`}`;
  }
}
