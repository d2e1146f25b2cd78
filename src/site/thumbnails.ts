/**
 * Deck thumbnails for the index page and link previews (og:image): a PNG of the title slide taken
 * in the build's browser when PDFs are exported, else a clean SVG card with the title — no build
 * starts a browser just for pictures.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserSession } from '../export/index.js';
import { escapeHtml } from '../text.js';

/** File name of a deck's thumbnail inside its folder. */
export function thumbnailName(kind: 'png' | 'svg'): string {
  return `thumbnail.${kind}`;
}

/** Thumbnail size relative to the slide (0.75 of 1280×720 = 960×540: sharp in previews, light on disk). */
const SCALE = 0.75;

/**
 * A 16:9 SVG card with the deck title (wrapped on up to four lines) and its slide count. Pure and
 * self-contained (system fonts, no external reference).
 */
export function placeholderThumbnail(title: string, slideCount: number): string {
  const lines = wrap(title, 26, 4);
  const top = 270 - (lines.length - 1) * 36;
  const text = lines.map((l, i) => `<tspan x="80" y="${top + i * 72}">${escapeHtml(l)}</tspan>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540" role="img" aria-label="${escapeHtml(title)}">` +
    `<rect width="960" height="540" fill="#0f172a"/><rect x="80" y="120" width="96" height="8" rx="4" fill="#38bdf8"/>` +
    `<text font-family="system-ui,-apple-system,'Segoe UI',sans-serif" font-size="60" font-weight="700" fill="#f8fafc">${text}</text>` +
    `<text x="80" y="470" font-family="system-ui,-apple-system,'Segoe UI',sans-serif" font-size="28" fill="#94a3b8">${slideCount} slides</text></svg>\n`
  );
}

/** Write the placeholder card into `deckDir`; returns its file name. */
export async function writePlaceholderThumbnail(deckDir: string, title: string, slideCount: number): Promise<string> {
  const name = thumbnailName('svg');
  await writeFile(join(deckDir, name), placeholderThumbnail(title, slideCount));
  return name;
}

/**
 * Screenshot the title slide of the deck served at `url` into `<deckDir>/thumbnail.png`, in the
 * build's one browser session. Waits for the runtime's `lectern:ready`, with reveal.js chrome hidden.
 */
export async function captureThumbnail(
  session: BrowserSession,
  url: string,
  deckDir: string,
  size: { readonly width: number; readonly height: number },
  timeoutMs = 30_000,
): Promise<string> {
  const name = thumbnailName('png');
  await session.withPage(async (page) => {
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: SCALE });
    const target = new URL(url);
    // reveal.js reads config from the query: no controls, progress bar or slide number in the picture.
    target.search = 'controls=false&progress=false&slideNumber=false&transition=none';
    target.hash = '';
    await page.goto(target.href, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForSelector('html[data-lectern-ready="true"]', { timeout: timeoutMs });
    await page.screenshot({ path: join(deckDir, name) as `${string}.png`, type: 'png' });
  });
  return name;
}

/** Greedy word wrap to `width` characters, at most `max` lines (the last one ellipsised). */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]}…`;
  return kept;
}
