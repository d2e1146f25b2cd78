/**
 * The first pass over an article's Liquid, before any engine sees it: the body cut into pieces.
 * What needs no engine is settled here — `{% raw %}`, `{% comment %}`, links to sibling articles,
 * `site.baseurl`, Hugo shortcodes, tags no Liquid knows, `{{`/`{%` never closed (text) — so the engine
 * only gets well-formed Liquid, and an article with nothing else never loads it. Code (fences,
 * code spans, <pre>, `{% highlight %}`) that holds Liquid becomes a piece of its own: it renders
 * only when all of it renders cleanly (see liquid-engine.ts). Every piece that replaces source
 * text has the same number of newlines as that text. Pure and linear.
 */
import { LecternError } from '../errors.js';
import type { Diagnostic, SourceFormat } from '../model.js';
import { codeBlock, codeRanges, countNewlines, type Highlight, keepLines, type Range } from './liquid-code.js';
import { balanceBlocks, KNOWN_TAGS } from './liquid-tags.js';
import type { LiquidContext, Piece } from './liquid-types.js';
import { createFinder, createLineIndex, inMergedRanges } from './text-index.js';

export type { Piece } from './liquid-types.js';

/** The pieces of a body and what the scan noticed. */
export interface Scan {
  readonly pieces: readonly Piece[];
  readonly diagnostics: readonly Diagnostic[];
}

/** One `{% … %}` tag: where it is, its name and arguments. */
export interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly args: string;
}

/** Scanner state for one body. */
interface State {
  readonly body: string;
  readonly ctx: LiquidContext;
  readonly code: readonly Range[];
  readonly pieces: Piece[];
  readonly diagnostics: Diagnostic[];
  readonly shortcodes: { names: string[]; line?: number };
  readonly lineOf: (offset: number) => number;
  readonly find: (needle: string, from: number) => number;
  /** Block tag name → the first offset from which its end tag is known to be missing. */
  readonly unclosedFrom: Map<string, number>;
}

/** Cut a body into pieces (throws liquid-unclosed-block for a raw, comment or highlight never closed). */
export function scanLiquid(body: string, ctx: LiquidContext): Scan {
  const s: State = {
    body,
    ctx,
    code: codeRanges(body, ctx.format),
    pieces: [],
    diagnostics: [],
    shortcodes: { names: [] },
    lineOf: createLineIndex(body),
    find: createFinder(body),
    unclosedFrom: new Map(),
  };
  let pos = 0;
  const opener = /\{[{%]/g;
  for (let m = opener.exec(body); m !== null; m = opener.exec(body)) {
    const start = m.index;
    const code = codeAt(s, start);
    // Code holding Liquid is one piece, from where the scan stands to the end of the code.
    const step = code !== undefined ? codeStep(s, Math.max(pos, code.start), code.end) : body.startsWith('{%', start) ? tagStep(s, start) : outputStep(s, start);
    // Never closed: the opener is text (the engine's template escapes it, liquid-render.ts).
    if (step === undefined) continue;
    const from = code !== undefined ? Math.max(pos, code.start) : start;
    if (from > pos) s.pieces.push({ type: 'text', text: body.slice(pos, from) });
    s.pieces.push(step.piece);
    pos = step.end;
    opener.lastIndex = step.end;
  }
  if (pos < body.length) s.pieces.push({ type: 'text', text: body.slice(pos) });
  const pieces = balanceBlocks(s.pieces, (offset, message) => warn(s, 'liquid-syntax', offset, message, 'fix the tags so each block is opened and closed once'));
  if (s.shortcodes.names.length > 0) s.diagnostics.push(shortcodeInfo(s));
  return { pieces, diagnostics: s.diagnostics };
}

/** A piece's text when no engine runs: code as written, a highlight block as a fence, tags removed. */
export function settledText(piece: Piece, format: SourceFormat): string {
  switch (piece.type) {
    case 'code':
      return codeBlock(piece, piece.text, format);
    case 'liquid':
      return keepLines('', piece.text);
    default:
      return piece.text;
  }
}

/** What replaces the source from the piece's start to `end`. */
interface Step {
  readonly piece: Piece;
  readonly end: number;
}

function literal(text: string, end: number): Step {
  return { piece: { type: 'literal', text }, end };
}

function codeAt(s: State, offset: number): Range | undefined {
  if (!inMergedRanges(s.code, offset)) return undefined;
  return s.code.find((r) => r.start <= offset && offset < r.end);
}

function codeStep(s: State, start: number, end: number): Step {
  const text = s.body.slice(start, end);
  return { piece: { type: 'code', text, newlines: countNewlines(text) }, end };
}

/** Reads the tag at `start` (undefined when `%}` never comes). */
export function readTag(body: string, start: number, find: (needle: string, from: number) => number): Tag | undefined {
  const close = find('%}', start + 2);
  if (close === -1) return undefined;
  const inner = body.slice(start + 2, close).replace(/^-/, '').replace(/-$/, '').trim();
  const [, name = '', args = ''] = /^(\S*)\s*([\s\S]*)$/.exec(inner) ?? [];
  return { start, end: close + 2, name: name.toLowerCase(), args: args.trim() };
}

function tagStep(s: State, start: number): Step | undefined {
  const tag = readTag(s.body, start, s.find);
  if (tag === undefined) return undefined;
  const original = s.body.slice(tag.start, tag.end);
  switch (tag.name) {
    case 'raw':
    case 'comment':
    case 'highlight':
      return blockStep(s, tag);
    case 'link':
    case 'post_url':
      // A target built from a variable is for the engine; a written one is settled here.
      if (!tag.args.includes('{{')) return literal(keepLines(resolveLinkTag(s, tag), original), tag.end);
      return { piece: { type: 'liquid', text: original, name: tag.name, offset: start }, end: tag.end };
    default:
      if (KNOWN_TAGS.has(tag.name)) return { piece: { type: 'liquid', text: original, name: tag.name, offset: start }, end: tag.end };
      warn(s, 'liquid-unknown-tag', start, `removed Liquid tag {% ${tag.name} %}: neither Liquid nor Jekyll has it`, 'a plugin\'s tag cannot run here; to show it as text, wrap it in {% raw %}…{% endraw %}');
      return literal(keepLines('', original), tag.end);
  }
}

/** `{% raw %}`, `{% comment %}`, `{% highlight %}`: up to the matching end tag, which must exist. */
function blockStep(s: State, tag: Tag): Step {
  const endTag = new RegExp(`\\{%-?\\s*end${tag.name}\\s*-?%\\}`, 'g');
  endTag.lastIndex = tag.end;
  // Once an end tag is missing after some offset it is missing after every later one.
  const missing = (s.unclosedFrom.get(tag.name) ?? Infinity) <= tag.end;
  const close = missing ? null : endTag.exec(s.body);
  if (close === null) {
    s.unclosedFrom.set(tag.name, Math.min(tag.end, s.unclosedFrom.get(tag.name) ?? Infinity));
    throw new LecternError('liquid-unclosed-block', `{% ${tag.name} %} is never closed`, {
      file: s.ctx.file,
      line: fileLine(s, tag.start),
      hint: `add {% end${tag.name} %} where the ${tag.name} block ends`,
    });
  }
  const inner = s.body.slice(tag.end, close.index);
  const end = close.index + close[0].length;
  const whole = s.body.slice(tag.start, end);
  switch (tag.name) {
    case 'raw':
      // The two tags go (their newlines stay); what is between them is kept exactly as written.
      return literal(keepLines('', s.body.slice(tag.start, tag.end)) + inner + keepLines('', close[0]), end);
    case 'comment':
      return literal(keepLines('', whole), end);
    default: {
      const lang = /^[\w+#.-]+/.exec(tag.args)?.[0]?.toLowerCase();
      const lineStart = s.body.lastIndexOf('\n', tag.start - 1) + 1;
      const highlight: Highlight = { prefix: s.body.slice(lineStart, tag.start), ...(lang === undefined ? {} : { lang }) };
      return { piece: { type: 'code', text: inner, newlines: countNewlines(whole), highlight }, end };
    }
  }
}

/** The target of a `{% link %}` or `{% post_url %}`, quotes removed. */
export function linkTarget(args: string): string {
  return args.replace(/^(["'])(.*)\1$/, '$2');
}

/** `{% link path %}` / `{% post_url name %}` → the sibling deck's URL, or '' with a warning. */
function resolveLinkTag(s: State, tag: Tag): string {
  const target = linkTarget(tag.args);
  const url = target === '' ? undefined : s.ctx.resolveLink(target);
  if (url !== undefined) return url;
  const message = `cannot resolve {% ${tag.name} ${target} %}: no such article beside this one`;
  const hint = 'the link keeps its text but loses its target; put the linked article in the same folder to link its deck';
  warn(s, 'link-unresolved', tag.start, message, hint);
  return '';
}

/** `{{ … }}` outputs, or Hugo shortcodes `{{< … >}}` / `{{% … %}}`. */
function outputStep(s: State, start: number): Step | undefined {
  const kind = s.body.charAt(start + 2);
  if (kind === '<' || kind === '%') return shortcodeStep(s, start, kind);
  const close = s.find('}}', start + 2);
  if (close === -1) return undefined;
  const end = close + 2;
  const original = s.body.slice(start, end);
  const expr = s.body.slice(start + 2, close).replace(/^-/, '').replace(/-$/, '').trim();
  // The deck lives in its own folder: the site's base path and URL have no meaning there.
  if (/^site\.(baseurl|url)$/.test(expr)) return literal(keepLines('', original), end);
  return { piece: { type: 'liquid', text: original, name: '', offset: start }, end };
}

// Hugo shortcodes: the tags go, the text between them stays. `{{</* x */>}}` is Hugo's way to write
// a shortcode as text, so it becomes `{{< x >}}`.
function shortcodeStep(s: State, start: number, kind: '<' | '%'): Step | undefined {
  const closer = `${kind === '<' ? '>' : '%'}}}`;
  const close = s.find(closer, start + 3);
  if (close === -1) return undefined;
  const end = close + closer.length;
  const original = s.body.slice(start, end);
  const inner = s.body.slice(start + 3, close).trim();
  const escaped = /^\/\*([\s\S]*)\*\/$/.exec(inner);
  if (escaped) {
    const text = `{{${kind}${escaped[1] ?? ''}${kind === '<' ? '>' : '%'}}}`;
    return literal(text + '\n'.repeat(countNewlines(original) - countNewlines(text)), end);
  }
  const name = /^\/?\s*([\w-]+)/.exec(inner)?.[1] ?? inner;
  if (!s.shortcodes.names.includes(name)) s.shortcodes.names.push(name);
  s.shortcodes.line ??= fileLine(s, start);
  return literal(keepLines('', original), end);
}

function shortcodeInfo(s: State): Diagnostic {
  return {
    severity: 'info',
    code: 'hugo-shortcode',
    message: `removed Hugo shortcodes (${s.shortcodes.names.join(', ')}); their inner text is kept`,
    file: s.ctx.file,
    ...(s.shortcodes.line === undefined ? {} : { line: s.shortcodes.line }),
  };
}

function fileLine(s: State, offset: number): number {
  return s.ctx.bodyLine + s.lineOf(offset);
}

function warn(s: State, code: string, offset: number, message: string, hint: string): void {
  s.diagnostics.push({ severity: 'warning', code, message, file: s.ctx.file, line: fileLine(s, offset), hint });
}
