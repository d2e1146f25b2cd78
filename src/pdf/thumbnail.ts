/**
 * The deck thumbnail for the index page and link previews (og:image), taken in the browser that
 * prints the PDFs: a PNG of the title slide, cut from the print view already open in the page
 * (no extra page load).
 */
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/wait.js';
import type { PrintInfo } from './print-layout.js';

/** Thumbnail size relative to the slide (0.75 of 1280×720 = 960×540: sharp in previews, light on disk). */
const SCALE = 0.75;

/** A PNG of the first print page (the title slide with reveal.js's margin around it). */
export async function captureThumbnail(page: Page, info: PrintInfo, deadline: Deadline): Promise<Uint8Array> {
  const box = await page.evaluate(() => {
    // The print view numbers its pages; a thumbnail is the slide alone.
    const style = document.createElement('style');
    style.id = 'lectern-thumbnail';
    style.textContent = '.reveal .slide-number-pdf { display: none !important; }';
    document.head.append(style);
    const rect = document.querySelector('.reveal .slides .pdf-page')?.getBoundingClientRect();
    return rect === undefined ? undefined : { x: rect.left + window.scrollX, y: rect.top + window.scrollY };
  });
  const clip = { x: box?.x ?? 0, y: box?.y ?? 0, width: info.pageWidth, height: info.pageHeight, scale: SCALE };
  try {
    return await withDeadline(page.screenshot({ type: 'png', clip, captureBeyondViewport: true }), deadline);
  } finally {
    await page.evaluate(() => document.getElementById('lectern-thumbnail')?.remove());
  }
}

function withDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('thumbnail timed out'), { name: 'TimeoutError' })), deadline.remaining());
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
