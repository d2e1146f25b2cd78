/**
 * Liquid (Jekyll) and Hugo shortcodes, resolved without running a template engine: links to
 * sibling articles, `site.baseurl`, `page.*` values, `{% raw %}`, `{% highlight %}`, comments.
 * Anything else is dropped with a warning. Pure, and the output keeps the input's line count so
 * body line n is still file line bodyLine + n - 1 for every later stage.
 */
import { LecternError } from '../errors.js';
import type { ArticleMeta, Diagnostic, SourceFormat } from '../model.js';
import { codeRanges, countNewlines, escapeHtml, inRanges, type Range, renderHighlight } from './liquid-code.js';
import { createFinder, createLineIndex } from './text-index.js';

/** What resolveLiquid needs to know about the article. */
export interface LiquidContext {
  readonly file: string;
  readonly bodyLine: number;
  readonly format: SourceFormat;
  readonly meta: ArticleMeta;
  /** `{% link x.md %}` → URL of the sibling deck, or undefined when there is none. */
  readonly resolveLink: (target: string) => string | undefined;
}

/** The body with Liquid resolved (same number of lines) and what was noticed on the way. */
export interface LiquidResult {
  readonly body: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** One `{% … %}` tag: where it is, its name and arguments. */
interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly args: string;
}

/** Scanner state for one body. */
interface Scan {
  readonly body: string;
  readonly ctx: LiquidContext;
  readonly code: readonly Range[];
  readonly diagnostics: Diagnostic[];
  readonly shortcodes: { names: string[]; line?: number };
  /** Newlines before an offset of the body. */
  readonly lineOf: (offset: number) => number;
  /** indexOf over the body for scans that only move forward. */
  readonly find: (needle: string, from: number) => number;
  /** Block tag name → the first offset from which its end tag is known to be missing. */
  readonly unclosedFrom: Map<string, number>;
}

const BLOCK_TAGS = ['raw', 'comment', 'highlight'] as const;

/** Resolve the Liquid tags and Hugo shortcodes of a body, preserving its line count. */
export function resolveLiquid(body: string, ctx: LiquidContext): LiquidResult {
  const scan: Scan = {
    body,
    ctx,
    code: codeRanges(body, ctx.format),
    diagnostics: [],
    shortcodes: { names: [] },
    lineOf: createLineIndex(body),
    find: createFinder(body),
    unclosedFrom: new Map(),
  };
  const out: string[] = [];
  let pos = 0;
  const opener = /\{[{%]/g;
  for (let m = opener.exec(body); m !== null; m = opener.exec(body)) {
    const start = m.index;
    const step = body.startsWith('{%', start) ? handleTag(scan, start) : handleOutput(scan, start);
    if (step === undefined) continue; // not closed: literal text
    out.push(body.slice(pos, start), step.text);
    pos = step.end;
    opener.lastIndex = step.end;
  }
  out.push(body.slice(pos));
  if (scan.shortcodes.names.length > 0) scan.diagnostics.push(shortcodeInfo(scan));
  return { body: out.join(''), diagnostics: scan.diagnostics };
}

/** What replaces the text [start, end) of the body. */
interface Step {
  readonly text: string;
  readonly end: number;
}

/** 1-based line of the file for an offset of the body. */
function fileLine(scan: Scan, offset: number): number {
  return scan.ctx.bodyLine + scan.lineOf(offset);
}

/** `replacement` followed by the newlines `original` spanned, so the line count never changes. */
function keepLines(replacement: string, original: string): string {
  return replacement.replace(/\r?\n/g, ' ') + '\n'.repeat(countNewlines(original));
}

function readTag(body: string, start: number, find: (needle: string, from: number) => number): Tag | undefined {
  const close = find('%}', start + 2);
  if (close === -1) return undefined;
  const inner = body.slice(start + 2, close).replace(/^-/, '').replace(/-$/, '').trim();
  const [, name = '', args = ''] = /^(\S*)\s*([\s\S]*)$/.exec(inner) ?? [];
  return { start, end: close + 2, name: name.toLowerCase(), args: args.trim() };
}

function handleTag(scan: Scan, start: number): Step | undefined {
  const tag = readTag(scan.body, start, scan.find);
  if (tag === undefined) return undefined;
  const original = scan.body.slice(tag.start, tag.end);
  if ((BLOCK_TAGS as readonly string[]).includes(tag.name)) return handleBlock(scan, tag);
  if (tag.name === 'link' || tag.name === 'post_url') {
    return { text: keepLines(resolveLinkTag(scan, tag), original), end: tag.end };
  }
  // Inside code an unknown tag is most likely an example of Liquid: show it as written.
  if (inRanges(scan.code, start)) return { text: original, end: tag.end };
  const message = `removed Liquid tag {% ${tag.name} %}: Lectern does not run Liquid`;
  warn(scan, 'liquid-unknown-tag', start, message, 'to show Liquid as text, wrap it in {% raw %}…{% endraw %}');
  return { text: keepLines('', original), end: tag.end };
}

/** `{% raw %}`, `{% comment %}`, `{% highlight %}`: up to the matching end tag, which must exist. */
function handleBlock(scan: Scan, tag: Tag): Step {
  const endTag = new RegExp(`\\{%-?\\s*end${tag.name}\\s*-?%\\}`, 'g');
  endTag.lastIndex = tag.end;
  // Once an end tag is missing after some offset it is missing after every later one.
  const missing = (scan.unclosedFrom.get(tag.name) ?? Infinity) <= tag.end;
  const close = missing ? null : endTag.exec(scan.body);
  if (close === null) scan.unclosedFrom.set(tag.name, Math.min(tag.end, scan.unclosedFrom.get(tag.name) ?? Infinity));
  // An article that writes about Liquid (`use {% raw %}`) in code shows the tag; elsewhere it is an error.
  if (close === null && inRanges(scan.code, tag.start)) return { text: scan.body.slice(tag.start, tag.end), end: tag.end };
  if (close === null) {
    throw new LecternError('liquid-unclosed-block', `{% ${tag.name} %} is never closed`, {
      file: scan.ctx.file,
      line: fileLine(scan, tag.start),
      hint: `add {% end${tag.name} %} where the ${tag.name} block ends`,
    });
  }
  const inner = scan.body.slice(tag.end, close.index);
  const end = close.index + close[0].length;
  const whole = scan.body.slice(tag.start, end);
  switch (tag.name) {
    case 'raw':
      // The two tags go (their newlines stay); what is between them is kept exactly as written.
      return { text: keepLines('', scan.body.slice(tag.start, tag.end)) + inner + keepLines('', close[0]), end };
    case 'comment':
      return { text: keepLines('', whole), end };
    default: {
      const lang = /^[\w+#.-]+/.exec(tag.args)?.[0]?.toLowerCase();
      const lineStart = scan.body.lastIndexOf('\n', tag.start - 1) + 1;
      const prefix = scan.body.slice(lineStart, tag.start);
      const code = renderHighlight(lang, inner, scan.ctx.format, prefix);
      return { text: code + '\n'.repeat(countNewlines(whole) - countNewlines(code)), end };
    }
  }
}

/** The targets of every `{% link %}` and `{% post_url %}` in a text, as resolveLiquid will ask for them. */
export function listLinkTargets(text: string): string[] {
  const targets = new Set<string>();
  const find = createFinder(text);
  for (let start = text.indexOf('{%'); start !== -1; start = text.indexOf('{%', start + 2)) {
    const tag = readTag(text, start, find);
    if (tag !== undefined && (tag.name === 'link' || tag.name === 'post_url')) targets.add(linkTarget(tag));
  }
  targets.delete('');
  return [...targets];
}

function linkTarget(tag: Tag): string {
  return tag.args.replace(/^(["'])(.*)\1$/, '$2');
}

/** `{% link path %}` / `{% post_url name %}` → the sibling deck's URL, or '' with a warning. */
function resolveLinkTag(scan: Scan, tag: Tag): string {
  const target = linkTarget(tag);
  const url = target === '' ? undefined : scan.ctx.resolveLink(target);
  if (url !== undefined) return url;
  const message = `cannot resolve {% ${tag.name} ${target} %}: no such article beside this one`;
  const hint = 'the link keeps its text but loses its target; put the linked article in the same folder to link its deck';
  warn(scan, 'link-unresolved', tag.start, message, hint);
  return '';
}

/** `{{ … }}` output tags, or Hugo shortcodes `{{< … >}}` / `{{% … %}}`. */
function handleOutput(scan: Scan, start: number): Step | undefined {
  const kind = scan.body.charAt(start + 2);
  if (kind === '<' || kind === '%') return handleShortcode(scan, start, kind);
  const close = scan.find('}}', start + 2);
  if (close === -1) return undefined;
  const end = close + 2;
  const original = scan.body.slice(start, end);
  const expr = scan.body.slice(start + 2, close).replace(/^-/, '').replace(/-$/, '').trim();
  const value = evaluate(expr, scan.ctx);
  if (value !== undefined) return { text: keepLines(value, original), end };
  if (inRanges(scan.code, start)) return { text: original, end };
  const shown = expr.replace(/\s+/g, ' ');
  const message = `removed Liquid output {{ ${shown} }}: Lectern knows only site.baseurl, site.url and page.* values`;
  warn(scan, 'liquid-unknown-variable', start, message, 'to show it as text, wrap it in {% raw %}…{% endraw %}');
  return { text: keepLines('', original), end };
}

/** The text of an output expression, or undefined when Lectern cannot know it. */
function evaluate(expr: string, ctx: LiquidContext): string | undefined {
  // The deck lives in its own folder, so the site's base path and URL have no meaning there.
  if (/^site\.(baseurl|url)$/.test(expr)) return '';
  const page = /^page\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (!page?.[1]) return undefined;
  const key = page[1].toLowerCase();
  const rawKey = Object.keys(ctx.meta.raw).find((k) => k.toLowerCase() === key);
  const candidates = [rawKey === undefined ? undefined : ctx.meta.raw[rawKey], metaField(ctx.meta, key)];
  const value = candidates.find((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (value === undefined) return undefined;
  return ctx.format === 'html' ? escapeHtml(String(value)) : String(value);
}

function metaField(meta: ArticleMeta, key: string): unknown {
  const fields: Record<string, string | undefined> = {
    title: meta.title,
    description: meta.description,
    author: meta.author,
    date: meta.date,
    lang: meta.lang,
    slug: meta.slug,
  };
  return fields[key];
}

// Hugo shortcodes: the tags go, the text between them stays. `{{</* x */>}}` is Hugo's way to write
// a shortcode as text, so it becomes `{{< x >}}`.
function handleShortcode(scan: Scan, start: number, kind: '<' | '%'): Step | undefined {
  const closer = `${kind === '<' ? '>' : '%'}}}`;
  const close = scan.find(closer, start + 3);
  if (close === -1) return undefined;
  const end = close + closer.length;
  const original = scan.body.slice(start, end);
  const inner = scan.body.slice(start + 3, close).trim();
  const escaped = /^\/\*([\s\S]*)\*\/$/.exec(inner);
  if (escaped) {
    const literal = `{{${kind}${escaped[1] ?? ''}${kind === '<' ? '>' : '%'}}}`;
    return { text: literal + '\n'.repeat(countNewlines(original) - countNewlines(literal)), end };
  }
  const name = /^\/?\s*([\w-]+)/.exec(inner)?.[1] ?? inner;
  if (!scan.shortcodes.names.includes(name)) scan.shortcodes.names.push(name);
  scan.shortcodes.line ??= fileLine(scan, start);
  return { text: keepLines('', original), end };
}

function shortcodeInfo(scan: Scan): Diagnostic {
  return {
    severity: 'info',
    code: 'hugo-shortcode',
    message: `removed Hugo shortcodes (${scan.shortcodes.names.join(', ')}); their inner text is kept`,
    file: scan.ctx.file,
    ...(scan.shortcodes.line === undefined ? {} : { line: scan.shortcodes.line }),
  };
}

function warn(scan: Scan, code: string, offset: number, message: string, hint: string): void {
  scan.diagnostics.push({ severity: 'warning', code, message, file: scan.ctx.file, line: fileLine(scan, offset), hint });
}
