/**
 * The parse stage: Source → Article. Pure: text in, data out; content problems become diagnostics.
 * Markdown goes through marked (GFM + Lectern's block extensions), HTML through parse5; both give
 * the same Flow of blocks and headings, which sections.ts folds into sections.
 */
import type { Article, Source } from '../model.js';
import { createLineMapper, remapBlock, remapDiagnostic, remapError } from '../load/line-map.js';
import type { Flow, ParseContext } from './flow.js';
import { htmlBodyToFlow } from './html.js';
import { checkNesting, withStackGuard } from './limits.js';
import { markdownToFlow } from './markdown.js';
import { mathDiagnostics } from './math-check.js';
import { buildArticle } from './sections.js';


/** Parses a loaded article into its title, intro and nested sections, every block with its file line. */
export function parseArticle(source: Source): Article {
  const ctx: ParseContext = { file: source.path, diagnostics: [] };
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
  const article = buildArticle(source, flow, diagnostics);
  // The later stages recurse once per level of nesting: refuse what no slide could show anyway.
  checkNesting(article);
  return article;
}
