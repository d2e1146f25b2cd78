/**
 * What an article's Liquid can read, as Jekyll gives it: `site` (the `_config.yml` values and
 * `site.data`), `page` (the front matter over the config's `defaults:` for its path, with the
 * fields Lectern normalised) and `jekyll.environment`. `site.baseurl` and `site.url` are '' because
 * the deck lives in its own folder, where the site's base path and address have no meaning. Pure.
 */
import type { LiquidContext } from './liquid-types.js';

/** Keys that must never reach a scope object (they would reach Object.prototype). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The variables of an article's Liquid. */
export function liquidScope(ctx: LiquidContext): Record<string, unknown> {
  const config = ctx.site?.config ?? {};
  return {
    site: { ...safe(config), data: ctx.site?.data ?? {}, baseurl: '', url: '' },
    page: pageScope(ctx),
    jekyll: { environment: 'production' },
  };
}

function pageScope(ctx: LiquidContext): Record<string, unknown> {
  const { meta } = ctx;
  const defaults = ctx.site !== undefined && ctx.sitePath !== undefined ? pageDefaults(ctx.site.config, ctx.sitePath) : {};
  const fields = Object.fromEntries(
    Object.entries({ title: meta.title, description: meta.description, author: meta.author, date: meta.date, lang: meta.lang, slug: meta.slug }).filter(([, v]) => v !== undefined),
  );
  // Front matter keys as written win; lower-cased copies let `page.title` read a Go header's `Title`.
  const lower = Object.fromEntries(Object.entries(meta.raw).map(([k, v]) => [k.toLowerCase(), v]));
  const page: Record<string, unknown> = { ...defaults, ...fields, ...safe(lower), ...safe(meta.raw), ...(ctx.sitePath === undefined ? {} : { path: ctx.sitePath }) };
  return Object.fromEntries(Object.entries(page).map(([k, v]) => [k, v instanceof Date ? new JekyllDate(v.getTime()) : v]));
}

/** A front matter date that prints as Jekyll prints one (`2017-02-10 21:58:56 +0000`, in UTC). */
class JekyllDate extends Date {
  override toString(): string {
    return `${this.toISOString().slice(0, 19).replace('T', ' ')} +0000`;
  }
}

/**
 * The front matter `defaults:` of `_config.yml` that apply to the page at `path` (relative to the
 * site, `/`-separated): every entry whose `scope.path` is empty or contains the page, in order, so
 * a later entry wins, as more specific entries come later in the usual configs. The page's own
 * front matter wins over all of them (the caller merges it last).
 */
export function pageDefaults(config: Readonly<Record<string, unknown>>, path: string): Record<string, unknown> {
  const entries = Array.isArray(config['defaults']) ? (config['defaults'] as unknown[]) : [];
  const out: Record<string, unknown> = {};
  const type = path.startsWith('_posts/') ? 'posts' : 'pages';
  for (const entry of entries) {
    if (!isTable(entry) || !isTable(entry['values'])) continue;
    const scope = isTable(entry['scope']) ? entry['scope'] : {};
    const scopePath = typeof scope['path'] === 'string' ? scope['path'].replace(/^\.?\/+|\/+$/g, '') : '';
    const scopeType = typeof scope['type'] === 'string' ? scope['type'] : undefined;
    const inPath = scopePath === '' || path === scopePath || path.startsWith(`${scopePath}/`);
    if (!inPath || (scopeType !== undefined && scopeType !== type)) continue;
    Object.assign(out, safe(entry['values']));
  }
  return out;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function safe(table: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).filter(([key]) => !UNSAFE_KEYS.has(key)));
}
