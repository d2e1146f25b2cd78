/**
 * Sharing a deck by URL: the meta tags link previews read (Open Graph, Twitter cards, canonical),
 * and the QR code of the hosted deck. Pure functions: the build decides the URLs and writes the files.
 */
import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';
import { escapeHtml } from '../text.js';

// Loaded on first use: only decks with a site URL get a QR code, and the CLI starts faster without it.
const require = createRequire(import.meta.url);
let qrcode: typeof QRCodeModule | undefined;

/** What the sharing tags of one deck page say. */
export interface ShareInfo {
  /** Public URL of the deck (`https://example.org/talks/eventlet/`), when the site URL is known. */
  readonly url?: string;
  /** The thumbnail, absolute when the site URL is known, else relative to the deck page. */
  readonly image?: string;
  readonly title: string;
  readonly description?: string;
}

/**
 * Extra `<head>` tags for a deck page. The document shell already writes `<title>`, description,
 * og:title, og:type and og:description; these add what depends on where the site is hosted.
 */
export function shareHead(info: ShareInfo): string {
  const tags: string[] = [];
  if (info.url !== undefined) {
    tags.push(`<link rel="canonical" href="${escapeHtml(info.url)}">`);
    tags.push(`<meta property="og:url" content="${escapeHtml(info.url)}">`);
  }
  if (info.image !== undefined) tags.push(`<meta property="og:image" content="${escapeHtml(info.image)}">`);
  tags.push(`<meta name="twitter:card" content="${info.image === undefined ? 'summary' : 'summary_large_image'}">`);
  tags.push(`<meta name="twitter:title" content="${escapeHtml(info.title)}">`);
  if (info.description !== undefined) tags.push(`<meta name="twitter:description" content="${escapeHtml(info.description)}">`);
  return tags.map((t) => `\n${t}`).join('');
}

/**
 * The QR code of `text` as a standalone SVG: one path of dark modules on a white square with the
 * standard 4-module quiet zone, so phones read it on any theme. Deterministic for a given text.
 */
export function qrSvg(text: string): string {
  qrcode ??= require('qrcode') as typeof QRCodeModule;
  const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // Runs of dark modules become one horizontal segment: a path several times shorter.
      if (!modules.get(row, col) || (col > 0 && modules.get(row, col - 1))) continue;
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      path += `M${col + quiet} ${row + quiet}h${run}v1h-${run}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(text)}">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>\n`
  );
}
