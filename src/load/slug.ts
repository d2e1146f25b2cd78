/**
 * Output folder names (one deck per slug): lower-case letters and digits of every script joined by
 * single dashes. Latin accents are folded (`café` → `cafe`, as before, so existing deck URLs stay);
 * other scripts are kept as they are (`日本語.md` → `日本語/`): the index page links them as they
 * are and browsers send them percent-encoded, which every server Lectern runs decodes.
 */
import type { ArticleMeta } from '../model.js';

/** Used when a name has no letter or digit at all. */
const FALLBACK_SLUG = 'article';

/** File systems limit a name to 255 bytes; a CJK character takes 3 in UTF-8. */
const MAX_SLUG_BYTES = 200;

/** The file name of a path without folders and without its last extension. */
function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `Héllo_World 日本語!` → `hello-world-日本語`: never empty of meaning, never starting with `_`, `.` or `-`. */
export function folderSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    // Combining marks of Latin, Greek and Cyrillic letters go (é → e); other scripts keep theirs
    // (Devanagari vowel signs are marks too), and NFC puts decomposed kana and Hangul back together.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncateUtf8(slug, MAX_SLUG_BYTES).replace(/-+$/, '');
}

/** `text` cut at a character boundary so that its UTF-8 form has at most `max` bytes. */
function truncateUtf8(text: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * The name an article goes by: its file name, or for a page bundle (Hugo's `post/index.md`, its
 * `_index.md`, Jekyll/Zola's `post/index.html`) the bundle's folder name.
 */
function articleName(path: string): string {
  const name = baseName(path);
  if (!/^_?index$/i.test(name)) return name;
  const parts = path.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  return parts.length >= 2 ? parts[parts.length - 2]! : name;
}

/** Output folder name of an article: front matter `slug` wins, else the file name (the folder name of a page bundle); never empty. */
export function slugFromPath(path: string, meta: Pick<ArticleMeta, 'slug'>): string {
  const fromMeta = meta.slug === undefined ? '' : folderSlug(meta.slug);
  if (fromMeta !== '') return fromMeta;
  const fromName = folderSlug(articleName(path));
  return fromName === '' ? FALLBACK_SLUG : fromName;
}
