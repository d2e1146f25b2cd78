/**
 * One article's text → Source: NUL bytes and line endings cleaned, front matter split, the body
 * made Markdown or HTML for the parser — Liquid resolved in pages, chunks and callouts rewritten in
 * Quarto and R Markdown, cells laid out in notebooks — format and slug decided. Pure: the caller
 * reads the file, knows its siblings and hands over the Jekyll site it belongs to.
 */
import { DECK_OPTION_KEYS, SITE_OPTION_KEYS, keyLine, unknownDeckKeys, unknownKeyMessage } from '../config-keys.js';
import { LecternError } from '../errors.js';
import type { Diagnostic, Source } from '../model.js';
import { articleKind, detectFormat } from './format.js';
import { parseFrontMatter } from './front-matter.js';
import type { JekyllSite } from './jekyll-data.js';
import { countNewlines } from './liquid-code.js';
import { resolveLiquid } from './liquid.js';
import { normalizeMeta } from './meta.js';
import { parseNotebook } from './notebook.js';
import { resolveQuarto } from './quarto.js';
import { slugFromPath } from './slug.js';

/** What parseSource needs from the world around the article. */
export interface ParseSourceOptions {
  /** `{% link x.md %}` → URL of the sibling deck (`../x/`), or undefined when there is none. */
  readonly resolveLink: (target: string) => string | undefined;
  /** The Jekyll site the article is part of, when it is in one: its config, data and includes. */
  readonly site?: JekyllSite;
  /** The article's path inside that site, `/`-separated. */
  readonly sitePath?: string;
}

/** A body made ready for the parser, with its front matter and what was noticed. */
interface Body {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly bodyLine: number;
  readonly lineMap?: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Turn the text of an article at `path` into a Source (throws LecternError on fatal problems). */
export function parseSource(text: string, path: string, options: ParseSourceOptions): Source {
  const diagnostics: Diagnostic[] = [];
  const cleaned = stripNulBytes(text, path, diagnostics).replace(/\r\n?/g, '\n');
  const format = detectFormat(path);
  const read = readBody(cleaned, path, options);
  const meta = normalizeMeta(read.raw);
  if (isBlank(read.body)) {
    throw new LecternError('article-empty', `${path} has no content`, {
      file: path,
      hint: 'write the article below the front matter; a talk needs at least a heading or a paragraph',
    });
  }
  if (read.raw['date'] !== undefined && meta.date === undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'front-matter-date',
      message: `cannot read the front matter date ${JSON.stringify(read.raw['date'])}`,
      file: path,
      hint: 'write the date as YYYY-MM-DD',
    });
  }
  diagnostics.push(...unknownLecternKeys(read.raw, cleaned, read.bodyLine, path));
  return {
    path,
    slug: slugFromPath(path, meta),
    meta,
    body: read.body,
    bodyLine: read.bodyLine,
    ...(read.lineMap === undefined ? {} : { lineMap: read.lineMap }),
    format,
    diagnostics: [...diagnostics, ...read.diagnostics],
  };
}

function readBody(text: string, path: string, options: ParseSourceOptions): Body {
  const kind = articleKind(path);
  if (kind === 'notebook') return { ...parseNotebook(text, path), bodyLine: 1 };
  const front = parseFrontMatter(text, path);
  if (kind === 'quarto') return { raw: front.raw, bodyLine: front.bodyLine, ...resolveQuarto(front.body, path, front.bodyLine) };
  const liquid = resolveLiquid(front.body, {
    file: path,
    bodyLine: front.bodyLine,
    format: detectFormat(path),
    meta: front.meta,
    resolveLink: options.resolveLink,
    ...(options.site === undefined ? {} : { site: options.site }),
    ...(options.sitePath === undefined ? {} : { sitePath: options.sitePath }),
  });
  return { raw: front.raw, bodyLine: front.bodyLine, ...liquid };
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

/** Keys of the front matter's `lectern:` block that are no deck option: a warning each, naming the nearest one. */
function unknownLecternKeys(raw: Readonly<Record<string, unknown>>, text: string, bodyLine: number, path: string): Diagnostic[] {
  const block = raw['lectern'];
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return [];
  return unknownDeckKeys(block).map((unknown) => {
    const line = keyLine(text, unknown.key, bodyLine - 1);
    const site = (SITE_OPTION_KEYS as readonly string[]).includes(unknown.key);
    return {
      severity: 'warning',
      code: 'front-matter-unknown-key',
      message: site ? `"${unknown.key}" applies to a whole site, not to one article; it is ignored here` : unknownKeyMessage(unknown, 'deck option'),
      file: path,
      ...(line === undefined ? {} : { line }),
      hint: site ? 'set it in lectern.config.* or on the command line' : `deck options: ${DECK_OPTION_KEYS.join(', ')}`,
    } satisfies Diagnostic;
  });
}

/** True when nothing but whitespace and HTML comments is left. */
function isBlank(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(-->|$)/g, '').trim() === '';
}
