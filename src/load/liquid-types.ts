/** The types the Liquid stages share (liquid.ts orchestrates; scan, tags, scope and render use them). */
import type { ArticleMeta, SourceFormat } from '../model.js';
import type { JekyllSite } from './jekyll-data.js';
import type { Highlight } from './liquid-code.js';

/** What resolveLiquid needs to know about the article. */
export interface LiquidContext {
  readonly file: string;
  readonly bodyLine: number;
  readonly format: SourceFormat;
  readonly meta: ArticleMeta;
  /** `{% link x.md %}` → URL of the sibling deck, or undefined when there is none. */
  readonly resolveLink: (target: string) => string | undefined;
  /** The Jekyll site the article is part of (its `_config.yml`, `_data/`, `_includes/`), when there is one. */
  readonly site?: JekyllSite;
  /** The article's path inside the site, `/`-separated (`docs/intro.md`): `page.path`, front matter defaults. */
  readonly sitePath?: string;
}

/** A piece of the body as the scan cut it. */
export type Piece =
  /** Text kept as it is (any `{{` or `{%` in it is never closed). */
  | { readonly type: 'text'; readonly text: string }
  /** A tag (`name` is its name) or an output (`name` is '') for the engine. */
  | { readonly type: 'liquid'; readonly text: string; readonly name: string; readonly offset: number }
  /** Settled by the scan: shown as `text`, which has the newlines of the source it replaces. */
  | { readonly type: 'literal'; readonly text: string }
  /** Code that holds Liquid; `newlines` is the source's count (a highlight block's tags included). */
  | { readonly type: 'code'; readonly text: string; readonly newlines: number; readonly highlight?: Highlight };
