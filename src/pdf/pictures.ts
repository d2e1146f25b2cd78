/**
 * Pictures of slides (PNG), cut from the print view already open in the page, as the thumbnail is:
 * for `lectern export --png` (every slide) and for the PPTX's slides that cannot be drawn natively.
 * Each slide is shown in its final state (every fragment visible); with fragment steps the last
 * step's page is the one taken.
 */
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/wait.js';
import type { PrintInfo } from './print-layout.js';

/** Which slides to take, and at what scale of the deck's size (1.5: 1280×720 → 1920×1080). */
export interface PictureRequest {
  /** 0-based slide indexes, or every slide. */
  readonly slides: readonly number[] | 'all';
  readonly scale: number;
}

/** PNGs of the slides `request` names, by 0-based slide index. */
export async function captureSlides(page: Page, info: PrintInfo, request: PictureRequest, deadline: Deadline): Promise<Map<number, Uint8Array>> {
  const wanted = request.slides === 'all' ? Array.from({ length: info.slides }, (_, i) => i) : request.slides.filter((i) => i >= 0 && i < info.slides);
  const out = new Map<number, Uint8Array>();
  if (wanted.length === 0) return out;
  const boxes = await page.evaluate((indexes: number[]) => {
    const style = document.createElement('style');
    style.id = 'lectern-pictures';
    style.textContent = '.reveal .slide-number-pdf { display: none !important; }';
    document.head.append(style);
    const pages = Array.from(document.querySelectorAll('.reveal .slides .pdf-page'));
    return indexes.map((index) => {
      const slide = document.querySelector(`.reveal .slides section[data-lectern-slide="${index}"]`);
      if (slide === null) return null;
      // With fragment steps a slide is printed on several pages (clones with its id): the last one shows it whole.
      const same = slide.id === '' ? [slide] : pages.map((p) => p.querySelector(':scope > section')).filter((s) => s !== null && s.id === slide.id);
      const pageEl = (same.at(-1) ?? slide).closest('.pdf-page');
      const rect = pageEl?.getBoundingClientRect();
      return rect === undefined ? null : { x: rect.left + window.scrollX, y: rect.top + window.scrollY };
    });
  }, wanted);
  try {
    for (const [i, index] of wanted.entries()) {
      const box = boxes[i];
      if (box === null || box === undefined) continue;
      // A print page is the slide with reveal.js's margin around it (the slide's own padding is
      // dropped in print): the picture is the whole page scaled to the slide's size, as the slides
      // PDF prints it, so it comes out exactly `width × scale` by `height × scale`.
      const fit = info.width / info.pageWidth;
      const clip = { x: box.x, y: box.y, width: info.pageWidth, height: info.height / fit, scale: request.scale * fit };
      out.set(index, await withDeadline(page.screenshot({ type: 'png', clip, captureBeyondViewport: true }), deadline));
    }
  } finally {
    await page.evaluate(() => document.getElementById('lectern-pictures')?.remove());
  }
  return out;
}

function withDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('taking pictures of the slides timed out'), { name: 'TimeoutError' })), deadline.remaining());
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
