/**
 * Limits that keep the parser linear and its recursion shallow on hostile or broken input: deep
 * indentation is clamped before marked sees it (marked's time grows faster than linearly with list
 * depth), a stack overflow inside marked becomes a LecternError, and an Article nested deeper than
 * any real article is refused with the line where it happens. Real articles never reach them.
 */
import { LecternError } from '../errors.js';
import type { Article, Block, Diagnostic, Inline, Section } from '../model.js';

/** Leading white space kept on a line outside fenced code (columns); 64 levels of 4-space nesting. */
export const MAX_INDENT = 256;
/** Deepest nesting of blocks (quotes, callouts, list items) or inlines (emphasis, links) read. */
export const MAX_NESTING = 100;

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * The body with any indentation beyond MAX_INDENT columns (outside fenced code) cut to MAX_INDENT;
 * the line count never changes. A warning names the first line cut.
 */
export function clampIndentation(body: string, firstLine: number, file: string): { body: string; diagnostic?: Diagnostic } {
  if (!new RegExp(`^[ \\t]{${MAX_INDENT + 1},}|^(?:[ \\t]*(?:>|[-*+][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_NESTING + 1}}`, 'm').test(body)) return { body };
  let fence: string | undefined;
  let first: number | undefined;
  const lines = body.split('\n').map((line, index) => {
    const marks = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length) fence = undefined;
      return line;
    }
    if (marks !== undefined) fence = marks;
    // marked's time grows with the square of the quote depth: refuse before it starts.
    if (containerMarkers(line) > MAX_NESTING) tooDeep(file, firstLine + index);
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (columns(indent) <= MAX_INDENT) return line;
    first ??= firstLine + index;
    return ' '.repeat(MAX_INDENT) + line.slice(indent.length);
  });
  if (first === undefined) return { body };
  const diagnostic: Diagnostic = {
    severity: 'warning',
    code: 'markdown-too-deep',
    message: `indentation deeper than ${MAX_INDENT} columns was cut to ${MAX_INDENT}`,
    file,
    line: first,
    hint: 'lists and quotes nested this deep cannot be shown; flatten them',
  };
  return { body: lines.join('\n'), diagnostic };
}

/** How many quote and list markers open a line (`> > - 1. text` has 4). */
function containerMarkers(line: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)?.[0] ?? '';
  return (prefix.match(/>|[-*+](?=[ \t])|\d{1,9}[.)]/g) ?? []).length;
}

function columns(indent: string): number {
  let width = 0;
  for (const c of indent) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/**
 * Runs a parser step; a stack overflow becomes a LecternError. V8 reports a regular expression that
 * runs out of backtracking stack (a block too long for marked) with the same RangeError as deep
 * recursion: the top frame tells them apart, so the message says which it was.
 */
export function withStackGuard<T>(file: string, line: number | undefined, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (!(err instanceof RangeError) || !/call stack/i.test(err.message)) throw err;
    if (isRegexOverflow(err)) {
      throw new LecternError('article-invalid', 'a block of the article is too long to be read (a paragraph, list, quote or table of millions of characters)', {
        file,
        ...(line === undefined ? {} : { line }),
        hint: 'put blank lines between its paragraphs, or fence it as code if it is program output',
        cause: err,
      });
    }
    throw new LecternError('article-invalid', `the article nests lists, quotes or containers too deeply to be read (at most ${MAX_NESTING} levels)`, {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'close the containers you open (an unclosed <Note>, ::: or > nests everything after it) or flatten the nesting',
      cause: err,
    });
  }
}

/**
 * A regular expression at the top of the stack, and no function twice in the frames captured:
 * deep recursion that happens to overflow inside a regex shows its recursing frames below it.
 */
function isRegexOverflow(err: RangeError): boolean {
  const frames = (err.stack ?? '').split('\n').slice(1).map((f) => f.trim().replace(/^at /, '').split(' ')[0] ?? '');
  return /^RegExp\b/.test(frames[0] ?? '') && new Set(frames).size === frames.length;
}

/** Throws a LecternError at the first block or inline nested more than MAX_NESTING deep. Iterative. */
export function checkNesting(article: Article): void {
  const stack: { block: Block; depth: number }[] = [];
  const visit = (blocks: readonly Block[], depth: number): void => {
    for (let i = blocks.length - 1; i >= 0; i--) stack.push({ block: blocks[i] as Block, depth });
  };
  visit(article.intro, 0);
  const sections: Section[] = [...article.sections];
  for (let s = sections.pop(); s !== undefined; s = sections.pop()) {
    visit(s.blocks, 0);
    sections.push(...s.children);
  }
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { block, depth } = item;
    if (depth > MAX_NESTING || inlineDepth(inlinesOf(block)) > MAX_NESTING) tooDeep(article.path, block.line);
    visit(childBlocks(block), depth + 1);
  }
}

function tooDeep(file: string, line: number): never {
  throw new LecternError('article-invalid', `blocks or emphasis are nested more than ${MAX_NESTING} levels deep`, {
    file,
    line,
    hint: 'flatten the nesting: no slide can show it',
  });
}

function childBlocks(block: Block): readonly Block[] {
  switch (block.type) {
    case 'quote':
    case 'callout':
      return block.blocks;
    case 'list':
      return block.items.flatMap((item) => item.blocks);
    default:
      return [];
  }
}

function inlinesOf(block: Block): readonly Inline[] {
  switch (block.type) {
    case 'paragraph':
      return block.inlines;
    case 'list':
      return block.items.flatMap((item) => item.inlines);
    case 'table':
      return [...block.header.flat(), ...block.rows.flat(2)];
    case 'callout':
      return block.title ?? [];
    case 'image':
      return block.caption ?? [];
    default:
      return [];
  }
}

/** The deepest nesting of containers (strong, em, del, link) in inlines, measured without recursion. */
function inlineDepth(inlines: readonly Inline[]): number {
  let deepest = 0;
  const stack: { inline: Inline; depth: number }[] = inlines.map((inline) => ({ inline, depth: 0 }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (!('children' in item.inline)) continue;
    const depth = item.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of item.inline.children) stack.push({ inline: child, depth });
  }
  return deepest;
}
