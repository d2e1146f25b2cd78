/**
 * The parse stage: Source → Article. Pure: text in, data out; content problems become diagnostics.
 * Markdown goes through marked (GFM + Lectern's block extensions), HTML through parse5; both give
 * the same Flow of blocks and headings, which sections.ts folds into sections.
 */
import type { Article, Source } from '../model.js';
import { createLineMapper, remapBlock, remapDiagnostic, remapError } from '../load/line-map.js';
import type { Footnote } from '../model.js';
import type { FootnoteDefinition, Flow, ParseContext } from './flow.js';
import { htmlBodyToFlow } from './html.js';
import { checkNesting, withStackGuard } from './limits.js';
import { markdownToFlow } from './markdown.js';
import { mathDiagnostics } from './math-check.js';
import { inferCodeLanguages } from './code-language.js';
import { buildArticle } from './sections.js';


/** Parses a loaded article into its title, intro and nested sections, every block with its file line. */
export function parseArticle(source: Source): Article {
  const ctx: ParseContext = { file: source.path, diagnostics: [], footnotes: [] };
  const body = source.body.replace(/\r\n?/g, '\n');
  // Lines are counted in the body; a body that is not the file line for line maps them back.
  const at = createLineMapper(source);
  let flow: Flow;
  try {
    flow = withStackGuard(source.path, undefined, () =>
      source.format === 'html' ? htmlBodyToFlow(body, source.bodyLine, ctx, source.meta.title === undefined) : markdownToFlow(body, source.bodyLine, ctx),
    );
  } catch (err) {
    throw at === undefined ? err : remapError(err, at);
  }
  ctx.diagnostics.push(...mathDiagnostics(flow, source.path));
  if (at !== undefined) flow = flow.map((item) => (item.type === 'heading' ? { ...item, line: at(item.line) } : remapBlock(item, at)));
  const diagnostics = at === undefined ? ctx.diagnostics : ctx.diagnostics.map((d) => remapDiagnostic(d, at));
  const footnotes = orderFootnotes(ctx.footnotes ?? []).map((f) => (at === undefined ? f : { ...f, line: at(f.line), blocks: f.blocks.map((b) => remapBlock(b, at)) }));
  const article = inferCodeLanguages(buildArticle(source, flow, diagnostics, footnotes), { declared: declaredCodeLanguage(source) });
  // The later stages recurse once per level of nesting: refuse what no slide could show anyway.
  checkNesting(article);
  return article;
}

/**
 * Definitions by number (their first reference's); one per label (the first, as on GitHub); those
 * nothing refers to last, in the order written, numbered on after the others.
 */
function orderFootnotes(definitions: readonly FootnoteDefinition[]): Footnote[] {
  const seen = new Set<string>();
  const unique = definitions.filter((d) => !seen.has(d.label) && seen.add(d.label));
  const cited = unique.filter((d) => d.number > 0).sort((a, b) => a.number - b.number);
  const uncited = unique.filter((d) => d.number === 0).map((d, i) => ({ ...d, number: cited.length + i + 1 }));
  return [...cited, ...uncited];
}

/** Front matter `lectern: { codeLanguage: go }`: the language of the page's unnamed code. */
function declaredCodeLanguage(source: Source): string | undefined {
  const lectern = source.meta.raw['lectern'];
  const value = typeof lectern === 'object' && lectern !== null ? (lectern as Record<string, unknown>)['codeLanguage'] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
