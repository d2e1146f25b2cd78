/**
 * Liquid (Jekyll) as the site would run it, and Hugo shortcodes. A scan first settles what needs
 * no engine (links to sibling articles, `site.baseurl`, `{% raw %}`, comments, shortcodes, tags no
 * Liquid knows) and cuts out code that holds Liquid; only when real Liquid is left (a condition, a
 * loop, a filter, an include, `site.data`…) or the article's site could fill its code, liquidjs
 * renders the rest (liquid-render.ts) with the site's `_config.yml`, `_data/` and `_includes/`.
 * The output is Markdown (or HTML) source, as Jekyll renders Liquid before Markdown. Pure.
 *
 * Lines: the scan keeps the body's line count. The engine may not (a loop adds lines, a false
 * branch removes them); then the result has a lineMap from body lines to file lines.
 */
import type { Diagnostic } from '../model.js';
import { renderWithEngine } from './liquid-render.js';
import { linkTarget, readTag, scanLiquid, settledText } from './liquid-scan.js';
import type { LiquidContext } from './liquid-types.js';
import { createFinder } from './text-index.js';

export type { LiquidContext } from './liquid-types.js';


/** The body with Liquid resolved and what was noticed on the way. */
export interface LiquidResult {
  readonly body: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Present when the body's lines are not the file's one for one: file line of each body line. */
  readonly lineMap?: readonly number[];
}

/** Resolve the Liquid tags and Hugo shortcodes of a body. */
export function resolveLiquid(body: string, ctx: LiquidContext): LiquidResult {
  if (!body.includes('{{') && !body.includes('{%')) return { body, diagnostics: [] };
  const scan = scanLiquid(body, ctx);
  const hasLiquid = scan.pieces.some((p) => p.type === 'liquid');
  // Without a site, Liquid in code can only be an example: it is shown as written.
  const siteCode = ctx.site !== undefined && scan.pieces.some((p) => p.type === 'code');
  if (!hasLiquid && !siteCode) {
    return { body: scan.pieces.map((p) => settledText(p, ctx.format)).join(''), diagnostics: scan.diagnostics };
  }
  const rendered = renderWithEngine(scan.pieces, ctx);
  const siteProblems = ctx.site?.diagnostics ?? [];
  return {
    body: rendered.body,
    diagnostics: [...siteProblems, ...scan.diagnostics, ...rendered.diagnostics],
    ...(rendered.lineMap === undefined ? {} : { lineMap: rendered.lineMap }),
  };
}

/** The targets of every `{% link %}` and `{% post_url %}` in a text, as resolveLiquid will ask for them. */
export function listLinkTargets(text: string): string[] {
  const targets = new Set<string>();
  const find = createFinder(text);
  for (let start = text.indexOf('{%'); start !== -1; start = text.indexOf('{%', start + 2)) {
    const tag = readTag(text, start, find);
    if (tag !== undefined && (tag.name === 'link' || tag.name === 'post_url')) targets.add(linkTarget(tag.args));
  }
  targets.delete('');
  return [...targets];
}
