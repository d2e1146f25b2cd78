/**
 * Split an article into front matter and body: YAML (`---`) and TOML (`+++`) through gray-matter,
 * and the JSON comment header of the Go website's HTML articles (`<!--{ "Title": "..." }-->`).
 * Pure: text in, data out. Errors point at the line of the file where the parser saw the problem.
 */
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { LecternError } from '../errors.js';
import type { ArticleMeta } from '../model.js';
import { checkFrontMatterSize } from './front-matter-bounds.js';
import { normalizeMeta } from './meta.js';

/** An article split in two: what the front matter says, and the body after it. */
export interface FrontMatter {
  /** Every front matter key as written (a shallow copy: gray-matter's own objects are never shared). */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly meta: ArticleMeta;
  readonly body: string;
  /** 1-based line of the file at which `body` starts. */
  readonly bodyLine: number;
}

type Language = 'yaml' | 'toml' | 'json';

/** The opening fences gray-matter reads, and the language each defaults to. */
const FENCES = [
  { delimiter: '---', language: 'yaml' },
  { delimiter: '+++', language: 'toml' },
] as const;

/** Languages allowed after an opening fence (`---toml`); gray-matter's eval-based `js` engine is not one. */
const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = { yaml: 'yaml', yml: 'yaml', toml: 'toml', json: 'json' };

const refuse = (): never => {
  throw new Error('JavaScript front matter is not supported');
};

/** Engines passed on every call. Passing options at all also stops gray-matter caching by content. */
const ENGINES = {
  toml: { parse: (text: string): object => parseToml(text) },
  javascript: { parse: refuse },
  js: { parse: refuse },
};

/** Split front matter (YAML, TOML or a JSON comment header) from the body and normalise its meta. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (const fence of FENCES) {
    if (opensFence(clean, fence.delimiter)) return parseFenced(clean, file, fence.delimiter, fence.language);
  }
  const header = parseJsonHeader(clean, file);
  if (header !== undefined) return header;
  return { raw: {}, meta: normalizeMeta({}), body: clean, bodyLine: 1 };
}

/** gray-matter's own test: the delimiter opens the file and is not the start of a longer rule (`----`). */
function opensFence(text: string, delimiter: string): boolean {
  return text.startsWith(delimiter) && text.charAt(delimiter.length) !== delimiter.charAt(0);
}

function parseFenced(text: string, file: string, delimiter: string, fallback: Language): FrontMatter {
  const firstBreak = text.indexOf('\n');
  const firstLine = text.slice(0, firstBreak === -1 ? text.length : firstBreak);
  const word = firstLine.slice(delimiter.length).trim().toLowerCase();
  const language = word === '' ? fallback : LANGUAGE_ALIASES[word];
  if (language === undefined) {
    throw new LecternError('front-matter-invalid', `unsupported front matter language "${word}"`, {
      file,
      line: 1,
      hint: `write "${delimiter}" alone (or ${delimiter}yaml, ${delimiter}toml, ${delimiter}json) on the first line`,
    });
  }
  // gray-matter reads to the end of the file when the closing fence is missing: say so instead.
  if (firstBreak === -1 || text.indexOf(`\n${delimiter}`, firstBreak) === -1) {
    throw new LecternError('front-matter-invalid', `front matter opened with "${delimiter}" is never closed`, {
      file,
      line: 1,
      hint: `end the front matter with a line "${delimiter}", or remove the "${delimiter}" on line 1 if it is a rule`,
    });
  }
  const parsed = runGrayMatter(text, file, delimiter, language, firstBreak);
  const raw = toRecord(parsed.data, file, language);
  // gray-matter's `matter` starts with the rest of file line 1 (after the fence and language).
  checkFrontMatterSize(raw, parsed.matter, 1, file);
  // gray-matter's content is always a suffix of its input: the lines before it are the front matter.
  const body = parsed.content;
  const bodyLine = countNewlines(text.slice(0, text.length - body.length)) + 1;
  return { raw, meta: normalizeMeta(raw), body, bodyLine };
}

function runGrayMatter(text: string, file: string, delimiter: string, language: Language, firstBreak: number) {
  try {
    return matter(text, { delimiters: delimiter, language, engines: ENGINES, excerpt: false });
  } catch (err) {
    // gray-matter hands the parser the text from the end of line 1: map the parser's line to the file.
    const matterText = text.slice(firstBreak);
    throw invalid(file, language, err, lineOfParserError(err, language, matterText));
  }
}

/** 1-based file line of a parser error inside front matter that starts at the end of file line 1. */
function lineOfParserError(err: unknown, language: Language, matterText: string): number | undefined {
  switch (language) {
    case 'yaml': {
      // js-yaml: `mark.line` is 0-based and line 0 is the rest of the file's first line.
      const mark = isRecord(err) && isRecord(err.mark) ? err.mark.line : undefined;
      return typeof mark === 'number' ? mark + 1 : undefined;
    }
    case 'toml': {
      // smol-toml: `line` is 1-based over the same text, so line 1 is the file's line 1.
      const line = isRecord(err) ? err.line : undefined;
      return typeof line === 'number' ? line : undefined;
    }
    case 'json':
      return lineOfJsonError(err, matterText, 1);
  }
}

/** Line of a JSON.parse error from the `at position N` V8 puts in its message. */
function lineOfJsonError(err: unknown, json: string, firstLine: number): number | undefined {
  const message = err instanceof Error ? err.message : '';
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return firstLine + countNewlines(json.slice(0, Number(position[1])));
}

/** The JSON comment header: `<!--{` at the very start, JSON up to the first `}-->`. */
function parseJsonHeader(text: string, file: string): FrontMatter | undefined {
  if (!text.startsWith('<!--{')) return undefined;
  const close = text.indexOf('}-->');
  if (close === -1) return undefined;
  const json = text.slice('<!--'.length, close + 1);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw invalid(file, 'json', err, lineOfJsonError(err, json, 1));
  }
  const raw = toRecord(data, file, 'json');
  checkFrontMatterSize(raw, json, 1, file);
  let bodyStart = close + '}-->'.length;
  // The body starts on the line after the header when nothing else follows it on its line.
  const rest = /^[ \t]*\r?\n/.exec(text.slice(bodyStart));
  if (rest) bodyStart += rest[0].length;
  const bodyLine = countNewlines(text.slice(0, bodyStart)) + 1;
  return { raw, meta: normalizeMeta(raw), body: text.slice(bodyStart), bodyLine };
}

/** Front matter must be a table of keys; empty front matter (only comments, `~`) is an empty table. */
function toRecord(data: unknown, file: string, language: Language): Record<string, unknown> {
  if (data === null || data === undefined) return {};
  if (isRecord(data) && !Array.isArray(data) && !(data instanceof Date)) return { ...data };
  throw new LecternError('front-matter-invalid', `${language.toUpperCase()} front matter is not a set of keys`, {
    file,
    line: 1,
    hint: 'write the front matter as `key: value` pairs (TOML: `key = value`)',
  });
}

function invalid(file: string, language: Language, err: unknown, line: number | undefined): LecternError {
  // The parsers recurse once per level: front matter nested thousands deep overflows the stack.
  if (err instanceof RangeError) {
    return new LecternError('front-matter-invalid', `the ${language.toUpperCase()} front matter nests lists or mappings too deeply to be read`, {
      file,
      line: line ?? 1,
      hint: 'flatten the front matter (an unclosed [ or { nests everything after it)',
      cause: err,
    });
  }
  const reason = parserReason(err);
  return new LecternError('front-matter-invalid', `invalid ${language.toUpperCase()} front matter: ${reason}`, {
    file,
    ...(line === undefined ? {} : { line }),
    hint: 'fix the front matter syntax at this line (quote values that contain ":" or "#")',
    cause: err,
  });
}

/** The parser's own explanation, on one line (js-yaml's `reason`, else the message's first line). */
function parserReason(err: unknown): string {
  if (isRecord(err) && typeof err.reason === 'string') return err.reason;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
