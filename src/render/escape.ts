/** URL vetting: with escapeHtml (text.ts), the only way article links enter the output. */

/** A URL safe to put in href/src: http(s), mailto, tel, relative paths and fragments; else undefined. */
export function safeUrl(url: string): string | undefined {
  // Browsers drop control characters and edge spaces before they read the scheme (" \x0ejavascript:"
  // is javascript:), so they go first, then the edges are trimmed, then the scheme is checked.
  const trimmed = url.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? trimmed : undefined;
}

/** Pictures an image may carry inline (a notebook's plots): base64 data of an image type, never a document. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/i;

/** A URL safe for an image's src: what safeUrl allows, and `data:` pictures (as sanitize.ts allows in <img>). */
export function safeImageUrl(url: string): string | undefined {
  return safeUrl(url) ?? (DATA_IMAGE.test(url.trim()) ? url.trim() : undefined);
}

/** True for links that leave the deck (they open in a new tab so the talk stays open). */
export function isExternal(url: string): boolean {
  return /^(https?:)?\/\//i.test(url);
}
