/**
 * Which reader an article needs, decided by its file extension alone. A Jekyll page made of HTML
 * sections inside a `.md` file stays Markdown: the parse stage handles kramdown-style HTML blocks.
 * Quarto, R Markdown and notebooks become Markdown in the load stage (quarto.ts, notebook.ts).
 */
import { LecternError } from '../errors.js';
import type { SourceFormat } from '../model.js';

/** File extensions Lectern reads as articles (lower case, with the dot), and the format of the body each gives. */
export const ARTICLE_FORMATS = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.qmd': 'markdown',
  '.rmd': 'markdown',
  '.ipynb': 'markdown',
} as const satisfies Record<string, SourceFormat>;

/** The extensions in ARTICLE_FORMATS, in a fixed order for messages. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(ARTICLE_FORMATS);

/**
 * How a file's text becomes a body: `page` (Markdown or HTML with front matter and Liquid, as
 * Jekyll, Hugo or MkDocs write them), `quarto` (`.qmd`, `.Rmd`: chunks and callouts, no Liquid),
 * `notebook` (`.ipynb` JSON).
 */
export type ArticleKind = 'page' | 'quarto' | 'notebook';

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

/** `.html`/`.htm` → html, the other article extensions → markdown; anything else is an `input-unsupported` error. */
export function detectFormat(path: string): SourceFormat {
  const ext = extensionOf(path);
  if (Object.hasOwn(ARTICLE_FORMATS, ext)) return ARTICLE_FORMATS[ext as keyof typeof ARTICLE_FORMATS];
  throw new LecternError('input-unsupported', `cannot read ${path} as an article: unsupported file type`, {
    file: path,
    hint: `supported extensions: ${ARTICLE_EXTENSIONS.join(', ')}`,
  });
}

/** The kind of article a path names (its extension decides). */
export function articleKind(path: string): ArticleKind {
  const ext = extensionOf(path);
  if (ext === '.ipynb') return 'notebook';
  return ext === '.qmd' || ext === '.rmd' ? 'quarto' : 'page';
}
