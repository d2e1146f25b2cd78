/**
 * A theme's colours and fonts for exports that are not HTML (the PPTX): read from the same CSS the
 * deck uses — src/client/styles/variables.css (defaults), themes/<name>.css (the theme's `:root`
 * variables) and themes/_highlight.css (which highlight.js token classes take which `--hl-*`
 * colour) — so a theme change shows in the PPTX without a second copy of the palette. Parsing is
 * pure (`parseTheme`); `loadTheme` reads the three files of Lectern's own package.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LecternError } from '../errors.js';
import { CLIENT_DIR, THEMES_DIR } from '../runtime/paths.js';

/** A colour as six hex digits, no `#` (what PPTX writers take). */
export type Hex = string;

/** A style a highlight.js rule gives a token. */
export interface TokenStyle {
  readonly color?: Hex;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** One rule of _highlight.css: selectors as chains of compound class sets (`.a .b.c` → [[a],[b,c]]). */
interface HighlightRule {
  readonly selectors: readonly (readonly (readonly string[])[])[];
  readonly style: { readonly color?: string; readonly bold?: boolean; readonly italic?: boolean };
  readonly order: number;
}

/** What a non-HTML export needs of a theme. */
export interface ExportTheme {
  readonly name: string;
  /** Every CSS custom property, resolved (`var()` followed), as written. */
  readonly vars: ReadonlyMap<string, string>;
  /** The first colour of a variable (a gradient's first stop), as hex; `fallback` when it has none. */
  color(name: string, fallback?: Hex): Hex;
  /** The first family of a font variable (`'Inter', system-ui` → `Inter`). */
  font(name: string, fallback: string): string;
  /** The style of a highlight.js token nested in spans with these classes (outermost first). */
  token(classes: readonly (readonly string[])[]): TokenStyle;
}

/**
 * Read a theme's CSS (and the shared defaults and highlight partial) from Lectern's package;
 * `own` are the deck's own stylesheets (a theme file of the author's, `css:` files), whose `:root`
 * variables win, as they do in the deck.
 */
export async function loadTheme(name: string, own: readonly string[] = []): Promise<ExportTheme> {
  const read = (file: string): Promise<string> =>
    readFile(file, 'utf8').catch((err: unknown) => {
      throw new LecternError('config-invalid', `cannot read the theme "${name}": ${(err as Error).message}`, { file, hint: 'use one of the themes in themes/ (light, dark, eventlet)' });
    });
  const [base, theme, highlight] = await Promise.all([read(join(CLIENT_DIR, 'styles', 'variables.css')), read(join(THEMES_DIR, `${name}.css`)), read(join(THEMES_DIR, '_highlight.css'))]);
  return parseTheme(name, [base, theme, ...own], highlight);
}

/** A theme from its stylesheets (later ones win) and the highlight partial. Pure. */
export function parseTheme(name: string, sheets: readonly string[], highlightCss: string): ExportTheme {
  const raw = new Map<string, string>();
  for (const css of sheets) for (const [k, v] of rootVariables(css)) raw.set(k, v);
  const vars = new Map<string, string>();
  for (const key of raw.keys()) vars.set(key, resolveVar(key, raw, 0));
  const rules = highlightRules(highlightCss);
  const color = (value: string | undefined, fallback: Hex): Hex => firstColor(value) ?? fallback;
  return {
    name,
    vars,
    color: (v, fallback = '000000') => color(vars.get(v), fallback),
    font: (v, fallback) => firstFamily(vars.get(v)) ?? fallback,
    token(classes) {
      const style: { color?: Hex; bold?: boolean; italic?: boolean } = {};
      // Each property from the most specific matching rule (the later on a tie), for the innermost
      // element that a rule sets it on — CSS inheritance for `color`, `font-style` and `font-weight`.
      for (const prop of ['color', 'bold', 'italic'] as const) {
        for (let depth = classes.length; depth > 0 && style[prop] === undefined; depth--) {
          const chain = classes.slice(0, depth);
          let best: { spec: number; order: number; value: string | boolean } | undefined;
          for (const rule of rules) {
            const value = rule.style[prop];
            if (value === undefined) continue;
            for (const sel of rule.selectors) {
              if (!matches(sel, chain)) continue;
              const spec = sel.reduce((n, c) => n + c.length, 0);
              if (best === undefined || spec > best.spec || (spec === best.spec && rule.order > best.order)) best = { spec, order: rule.order, value };
            }
          }
          if (best === undefined) continue;
          if (prop === 'color') {
            const hex = firstColor(resolveValue(String(best.value), vars));
            if (hex !== undefined) style.color = hex;
          } else style[prop] = best.value as boolean;
        }
      }
      return style;
    },
  };
}

/** `--name: value;` declarations of every `:root` block. */
function rootVariables(css: string): [string, string][] {
  const out: [string, string][] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const block of text.matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const decl of (block[1] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) out.push([decl[1]!, decl[2]!.trim()]);
  }
  return out;
}

function resolveVar(key: string, raw: ReadonlyMap<string, string>, depth: number): string {
  const value = raw.get(key);
  if (value === undefined || depth > 10) return '';
  return value.replace(/var\((--[\w-]+)(?:\s*,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => (raw.has(name) ? resolveVar(name, raw, depth + 1) : (fallback ?? '').trim()));
}

/** A value with `var(--x, fallback)` resolved against `vars` (nested fallbacks included). */
function resolveValue(value: string, vars: ReadonlyMap<string, string>): string {
  let out = value;
  for (let i = 0; i < 5 && out.includes('var('); i++) {
    out = out.replace(/var\((--[\w-]+)(?:\s*,\s*((?:[^()]|\([^()]*\))*))?\)/, (_, name: string, fallback?: string) => vars.get(name) ?? (fallback ?? '').trim());
  }
  return out;
}

/** The first colour in a CSS value: `#abc`, `#aabbcc`, `rgb()`/`rgba()` (alpha dropped). */
export function firstColor(value: string | undefined): Hex | undefined {
  if (value === undefined) return undefined;
  const hex = /#([0-9a-f]{3,8})\b/i.exec(value)?.[1];
  if (hex !== undefined) {
    if (hex.length === 3 || hex.length === 4) return hex.slice(0, 3).split('').map((c) => c + c).join('').toUpperCase();
    return hex.slice(0, 6).toUpperCase();
  }
  const rgb = /rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value);
  if (rgb) return rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('').toUpperCase();
  if (/^\s*white\s*$/i.test(value)) return 'FFFFFF';
  if (/^\s*black\s*$/i.test(value)) return '000000';
  return undefined;
}

function firstFamily(value: string | undefined): string | undefined {
  const first = value?.split(',')[0]?.trim().replace(/^['"]|['"]$/g, '');
  return first === undefined || first === '' ? undefined : first;
}

function highlightRules(css: string): HighlightRule[] {
  const rules: HighlightRule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let order = 0;
  for (const m of text.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const body = m[2] ?? '';
    const color = /(?:^|;)\s*color\s*:\s*([^;]+)/.exec(body)?.[1]?.trim();
    const weight = /font-weight\s*:\s*([^;]+)/.exec(body)?.[1]?.trim();
    const fontStyle = /font-style\s*:\s*([^;]+)/.exec(body)?.[1]?.trim();
    const style = {
      ...(color === undefined ? {} : { color }),
      ...(weight === undefined ? {} : { bold: weight === 'bold' || Number(weight) >= 600 }),
      ...(fontStyle === undefined ? {} : { italic: fontStyle === 'italic' }),
    };
    const selectors = (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      // Only selectors made of classes (`.reveal .hljs` is the panel's own colour: the default).
      .filter((s) => s !== '' && /^(\.[\w-]+\s*)+$/.test(s.replace(/\s+/g, ' ')) && !/\.reveal\b/.test(s))
      .map((s) => s.split(/\s+/).map((compound) => compound.split('.').filter((c) => c !== '')));
    if (selectors.length > 0) rules.push({ selectors, style, order: order++ });
  }
  return rules;
}

/** Whether a selector chain (`.a .b.c`) matches the element at the end of `chain` (class sets, outermost first). */
function matches(selector: readonly (readonly string[])[], chain: readonly (readonly string[])[]): boolean {
  const last = selector.at(-1);
  const self = chain.at(-1);
  if (last === undefined || self === undefined || !last.every((c) => self.includes(c))) return false;
  // Ancestors: each earlier compound must match some ancestor, in order (descendant combinator).
  let at = chain.length - 2;
  for (let i = selector.length - 2; i >= 0; i--) {
    const compound = selector[i]!;
    while (at >= 0 && !compound.every((c) => chain[at]!.includes(c))) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}
