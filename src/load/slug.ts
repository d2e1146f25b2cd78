/**
 * Slugs: safe, lower-case ASCII names for output folders (one deck per slug) and heading ids.
 */
import type { ArticleMeta } from '../model.js';
import { slugify } from '../text.js';

/** Used when a name has no ASCII letter or digit at all (e.g. a title in another script). */
const FALLBACK_SLUG = 'article';

/** The file name of a path without folders and without its last extension. */
function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
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
  const fromMeta = meta.slug === undefined ? '' : slugify(meta.slug);
  if (fromMeta !== '') return fromMeta;
  const fromName = slugify(articleName(path));
  return fromName === '' ? FALLBACK_SLUG : fromName;
}
