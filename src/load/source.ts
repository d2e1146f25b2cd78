/**
 * One article's text → Source: NUL bytes and line endings cleaned, front matter split, Liquid
 * resolved, format and slug decided. Pure: the caller reads the file and knows its siblings.
 */
import { LecternError } from '../errors.js';
import type { Diagnostic, Source } from '../model.js';
import { detectFormat } from './format.js';
import { parseFrontMatter } from './front-matter.js';
import { countNewlines } from './liquid-code.js';
import { resolveLiquid } from './liquid.js';
import { slugFromPath } from './slug.js';

/** What parseSource needs from the world around the article. */
export interface ParseSourceOptions {
  /** `{% link x.md %}` → URL of the sibling deck (`../x/`), or undefined when there is none. */
  readonly resolveLink: (target: string) => string | undefined;
}

/** Turn the text of an article at `path` into a Source (throws LecternError on fatal problems). */
export function parseSource(text: string, path: string, options: ParseSourceOptions): Source {
  const diagnostics: Diagnostic[] = [];
  const cleaned = stripNulBytes(text, path, diagnostics).replace(/\r\n?/g, '\n');
  const format = detectFormat(path);
  const front = parseFrontMatter(cleaned, path);
  const liquid = resolveLiquid(front.body, {
    file: path,
    bodyLine: front.bodyLine,
    format,
    meta: front.meta,
    resolveLink: options.resolveLink,
  });
  if (isBlank(liquid.body)) {
    throw new LecternError('article-empty', `${path} has no content`, {
      file: path,
      hint: 'write the article below the front matter; a talk needs at least a heading or a paragraph',
    });
  }
  if (front.raw['date'] !== undefined && front.meta.date === undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'front-matter-date',
      message: `cannot read the front matter date ${JSON.stringify(front.raw['date'])}`,
      file: path,
      hint: 'write the date as YYYY-MM-DD',
    });
  }
  return {
    path,
    slug: slugFromPath(path, front.meta),
    meta: front.meta,
    body: liquid.body,
    bodyLine: front.bodyLine,
    format,
    diagnostics: [...diagnostics, ...liquid.diagnostics],
  };
}

/** NUL never belongs in an article (a binary or UTF-16 file): drop it, and say where it was first seen. */
function stripNulBytes(text: string, path: string, diagnostics: Diagnostic[]): string {
  const first = text.indexOf('\0');
  if (first === -1) return text;
  const count = text.split('\0').length - 1;
  diagnostics.push({
    severity: 'warning',
    code: 'input-nul-bytes',
    message: `removed ${count} NUL byte${count === 1 ? '' : 's'} from the text`,
    file: path,
    line: countNewlines(text.slice(0, first)) + 1,
    hint: 'save the article as UTF-8 text (a NUL byte suggests a binary or UTF-16 file)',
  });
  return text.replaceAll('\0', '');
}

/** True when nothing but whitespace and HTML comments is left. */
function isBlank(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(-->|$)/g, '').trim() === '';
}
