/**
 * The scan's pieces through liquidjs. The pieces become one template with the same lines as the
 * body (settled text and code go in as `{% lectern_literal N %}` / `{% lectern_code N %}` tags that
 * carry the newlines they replace), so a line of the template is a line of the file. The template
 * is rendered one top-level node at a time (text, output, or a whole block with what it holds):
 *
 * - a node whose output is its source line for line keeps its lines;
 * - otherwise (a loop, an include, a false branch) its output lines are given source lines of the
 *   node (liquid-lines.ts), and the result carries a lineMap (Source.lineMap) so every line number
 *   after it still points into the file.
 *
 * Each node renders with strict variables first: a missing variable is a warning at its line, and
 * the node renders again leniently (missing = empty, as Jekyll does). A node that cannot render
 * at all keeps its text, its tags removed. The article's text is never lost.
 */
import type { Context, Liquid, Template } from 'liquidjs';
import type { Diagnostic } from '../model.js';
import { codeBlock, countNewlines, keepLines } from './liquid-code.js';
import { createEngine, type EngineHost, filterNames, loadLiquidjs, registerUnknownFilters, registerUnknownTags, tagNames, type TokenPlace } from './liquid-engine.js';
import { type Piece, settledText } from './liquid-scan.js';
import type { LiquidContext } from './liquid.js';
import { mapNodeLines } from './liquid-lines.js';
import { liquidScope } from './liquid-scope.js';
import { createLineIndex } from './text-index.js';
import { replaceDelimited } from '../text.js';

/** A rendered body, its warnings, and its line map when its lines are not the file's. */
export interface Rendered {
  readonly body: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly lineMap?: readonly number[];
}

/** Parse attempts before the engine is given up (each one removes a tag it refused). */
const MAX_PARSE_ATTEMPTS = 20;

/** Render pieces that hold Liquid for the engine. */
export function renderWithEngine(input: readonly Piece[], ctx: LiquidContext): Rendered {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let nodeLine = ctx.bodyLine;
  // Lines of the template (set once it is parsed); liquidjs's own getPosition rescans the text each time.
  let lineOf: (offset: number) => number = () => 0;
  let templateText = '';
  const host: EngineHost = {
    format: ctx.format,
    literals: [],
    code: [],
    includes: ctx.site?.includes,
    resolveLink: ctx.resolveLink,
    inCode: 0,
    inInclude: 0,
    report: (code, message, token, hint) => {
      // A token of the article has its own line; one in an include is reported at the node that included it.
      // Code is parsed on its own (liquid-engine.ts): its tokens' offsets are not the template's.
      const foreign = token === undefined || token.file !== undefined || (token.input !== undefined && token.input !== templateText);
      const line = foreign ? nodeLine : ctx.bodyLine + (token.line ?? lineOf(token.begin ?? 0));
      const where = token?.file === undefined ? '' : ` (in _includes/${token.file})`;
      const key = `${code}:${line}:${message}${where}`;
      if (seen.has(key)) return;
      seen.add(key);
      diagnostics.push({ severity: 'warning', code, message: message + where, file: ctx.file, line, hint });
    },
  };
  const engine = createEngine(host);
  const pieces = [...input];
  const liquidText = pieces.map((p) => (p.type === 'liquid' ? p.text : '')).join('\n');
  const includes = Object.values(host.includes ?? {});
  registerUnknownFilters(engine, host, filterNames([liquidText, ...includes].join('\n')));
  registerUnknownTags(engine, host, tagNames(includes.join('\n')));
  const parsed = parseWithRecovery(engine, pieces, host);
  if (parsed === undefined) {
    host.report('liquid-syntax', 'Liquid could not read this article; its tags were removed and its text kept', undefined, 'fix the Liquid syntax at the lines warned about above');
    return { body: pieces.map((p) => settledText(p, ctx.format)).join(''), diagnostics };
  }
  const { templates, text } = parsed;
  const { Context: ContextClass } = loadLiquidjs();
  const context = new ContextClass(liquidScope(ctx), engine.options, { sync: true }, { liquid: engine });
  lineOf = createLineIndex(text);
  templateText = text;
  const out: string[] = [];
  const map: number[] = [0];
  const budget = { missing: MAX_MISSING_REPORTS };
  templates.forEach((node, i) => {
    const begin = node.token.begin;
    const end = templates[i + 1]?.token.begin ?? text.length;
    const first = lineOf(begin);
    nodeLine = ctx.bodyLine + first;
    const source = text.slice(begin, end);
    const rendered = renderNode(engine, node, context, host, budget, () => stripLiquid(source, host));
    out.push(rendered);
    // One at a time: a loop's thousands of lines would overflow push(...lines).
    for (const line of mapNodeLines(source, rendered, first)) map.push(line);
  });
  const body = out.join('');
  const identity = map.length === countNewlines(text) + 1 && map.every((line, i) => line === i);
  return { body, diagnostics, ...(identity ? {} : { lineMap: map.map((line) => ctx.bodyLine + line) }) };
}

/** The template: pieces for the engine as they are, the others as placeholder tags of the same lines; and where each piece starts. */
function buildTemplate(pieces: readonly Piece[], host: EngineHost): { text: string; starts: number[] } {
  const literals = host.literals as string[];
  const code = host.code as EngineHost['code'][number][];
  literals.length = 0;
  code.length = 0;
  const starts: number[] = [];
  let text = '';
  for (const piece of pieces) {
    starts.push(text.length);
    switch (piece.type) {
      case 'text':
        // A `{{` or `{%` never closed is text, which liquidjs would refuse: it goes in as a literal.
        text += piece.text.replace(/\{[{%]/g, (opener) => {
          literals.push(opener);
          return `{% lectern_literal ${literals.length - 1} %}`;
        });
        break;
      case 'liquid':
        text += piece.text;
        break;
      case 'literal':
        literals.push(piece.text);
        text += `{% lectern_literal ${literals.length - 1}${'\n'.repeat(countNewlines(piece.text))} %}`;
        break;
      case 'code':
        code.push(piece);
        text += `{% lectern_code ${code.length - 1}${'\n'.repeat(piece.newlines)} %}`;
        break;
    }
  }
  return { text, starts };
}

/**
 * Parse the template; when liquidjs refuses a tag (a syntax the scan could not judge), that tag
 * is removed with a warning and the template parsed again, a bounded number of times. A filter
 * the first look missed is registered as unknown instead.
 */
function parseWithRecovery(engine: Liquid, pieces: Piece[], host: EngineHost): { templates: Template[]; text: string } | undefined {
  for (let attempt = 0; attempt < MAX_PARSE_ATTEMPTS; attempt += 1) {
    const { text, starts } = buildTemplate(pieces, host);
    try {
      return { templates: engine.parse(text), text };
    } catch (err) {
      const filter = /^undefined filter: (\S+)/.exec(liquidReason(err))?.[1];
      if (filter !== undefined && !Object.hasOwn(engine.filters, filter)) {
        registerUnknownFilters(engine, host, [filter]);
        continue;
      }
      const token = (err as { token?: { begin?: number; file?: string } }).token;
      const index = token?.begin === undefined || token.file !== undefined ? -1 : starts.findLastIndex((start) => start <= (token.begin as number));
      const piece = pieces[index];
      if (piece?.type !== 'liquid') return undefined;
      const line = countNewlines(text.slice(0, starts[index]));
      host.report('liquid-syntax', `removed ${oneLine(piece.text)}: ${liquidReason(err)}`, { line }, 'fix the tag; its text is kept, the tag removed');
      pieces[index] = { type: 'literal', text: keepLines('', piece.text) };
    }
  }
  return undefined;
}

/**
 * Missing values reported per article. liquidjs builds each error's message from the whole
 * template, so an article that misses a value in every paragraph would cost quadratic time: past
 * this many, the rest renders leniently without being listed.
 */
const MAX_MISSING_REPORTS = 50;

/** One node's output: strict first, lenient after a missing variable, its text without tags if it fails. */
function renderNode(engine: Liquid, node: Template, context: Context, host: EngineHost, budget: { missing: number }, fallback: () => string): string {
  context.strictVariables = budget.missing > 0;
  try {
    return String(engine.renderSync([node], context));
  } catch (err) {
    const missing = /^undefined variable: (.+)$/.exec(liquidReason(err))?.[1];
    if (missing === undefined) return failed(err, host, fallback);
    host.report('liquid-missing-data', `no value for ${missing}: it renders as nothing`, tokenOf(err), 'add it to the front matter, _config.yml or _data/, or guard it with {% if %}');
    budget.missing -= 1;
    if (budget.missing === 0) host.report('liquid-missing-data', `more than ${MAX_MISSING_REPORTS} values are missing; the others are not listed`, tokenOf(err), 'fix the ones listed first');
  }
  context.strictVariables = false;
  try {
    return String(engine.renderSync([node], context));
  } catch (err) {
    return failed(err, host, fallback);
  }
}

/** A node Liquid could not render: a warning that says why, and the node's text without its tags. */
function failed(err: unknown, host: EngineHost, fallback: () => string): string {
  const reason = liquidReason(err);
  const include = /Failed to lookup "(.*)" in /.exec(reason)?.[1];
  if (include !== undefined) {
    const hint = host.includes === undefined
      ? 'no Jekyll site was found above the article: includes are read from the _includes/ folder beside its _config.yml'
      : 'includes are read from the _includes/ folder beside _config.yml, and only from there';
    host.report('liquid-include-missing', `no file "${include}" in the site's _includes/ folder: the include is left out`, tokenOf(err), hint);
  } else {
    host.report('liquid-render-failed', `Liquid failed here (${reason}); the text is kept, its tags removed`, tokenOf(err), renderHint(reason));
  }
  return fallback();
}

function renderHint(reason: string): string {
  if (/limit exceeded/.test(reason)) return 'a loop or include that does not end, or one far too big for a slide deck: bound it (limit:, a smaller range)';
  if (/nested more than|call stack/.test(reason)) return 'an include that includes itself never ends: remove the cycle';
  return 'fix the Liquid at this line';
}

/** A template's text with its Liquid removed: placeholders give back their text, other tags their newlines. */
function stripLiquid(text: string, host: EngineHost): string {
  // Linear (replaceDelimited): a lazy regex was quadratic over openers never closed.
  return replaceDelimited(text, [['{%', ['%}']], ['{{', ['}}']]], (tag) => {
    const [, kind, index] = /^\{%-?\s*lectern_(literal|code)\s+(\d+)/.exec(tag) ?? [];
    if (kind === 'literal') return host.literals[Number(index)] ?? keepLines('', tag);
    const code = kind === 'code' ? host.code[Number(index)] : undefined;
    if (code !== undefined) return codeBlock(code, code.text, host.format);
    return keepLines('', tag);
  });
}


function tokenOf(err: unknown): TokenPlace | undefined {
  const token = (err as { token?: TokenPlace }).token;
  return typeof token?.begin === 'number' ? token : undefined;
}

/** liquidjs's message without the position it appends (Lectern gives the file's line itself). */
function liquidReason(err: unknown): string {
  const original = (err as { originalError?: unknown }).originalError;
  const message = original instanceof Error ? original.message : err instanceof Error ? err.message : String(err);
  return message.replace(/, (?:file:[^,]*, )?line:\d+, col:\d+$/, '').split('\n')[0] ?? message;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
