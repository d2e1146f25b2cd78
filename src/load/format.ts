/**
 * Which reader an article needs, decided by its file extension alone. A Jekyll page made of HTML
 * sections inside a `.md` file stays Markdown: the parse stage handles kramdown-style HTML blocks.
 */
import { LecternError } from '../errors.js';
import type { SourceFormat } from '../model.js';

/** File extensions Lectern reads as articles (lower case, with the dot), and how it reads each. */
export const ARTICLE_FORMATS = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
} as const satisfies Record<string, SourceFormat>;

/** The extensions in ARTICLE_FORMATS, in a fixed order for messages. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(ARTICLE_FORMATS);

/** The lower-cased extension of a path (`.md`), or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Whether a path names a file Lectern can read as an article. */
export function isArticlePath(path: string): boolean {
  return Object.hasOwn(ARTICLE_FORMATS, extensionOf(path));
}

/** `.html`/`.htm` → html, `.md`/`.markdown`/`.mdx` → markdown; anything else is an `input-unsupported` error. */
export function detectFormat(path: string): SourceFormat {
  const ext = extensionOf(path);
  if (Object.hasOwn(ARTICLE_FORMATS, ext)) return ARTICLE_FORMATS[ext as keyof typeof ARTICLE_FORMATS];
  throw new LecternError('input-unsupported', `cannot read ${path} as an article: unsupported file type`, {
    file: path,
    hint: `supported extensions: ${ARTICLE_EXTENSIONS.join(', ')}`,
  });
}
