/**
 * The deck thumbnail made without a browser: a clean SVG card with the title, for the index page and
 * link previews when no PDF (and so no browser) is part of the build. With a browser, pdf/ takes a
 * PNG of the title slide instead. No build starts a browser just for pictures.
 */
import { escapeHtml } from '../text.js';

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
