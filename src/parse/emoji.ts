/**
 * GitHub's emoji shortcodes in Markdown text (`:tada:` → 🎉), from the `gemoji` package (GitHub's
 * own list of names, kept up to date upstream). It is required only when some text holds a
 * `:name:` (~30 ms of start-up): most articles have none. Icon shortcodes of MkDocs Material
 * (`:material-…:`, `:octicons-…:`, `:fontawesome-…:`, `:simple-…:`) are pictures the site draws:
 * they go, as the parser drops icon elements in HTML. Unknown names stay as written.
 */
import { createRequire } from 'node:module';
import type { Inline } from '../model.js';

const require = createRequire(import.meta.url);
let names: Readonly<Record<string, string>> | undefined;

function emojiNames(): Readonly<Record<string, string>> {
  names ??= (require('gemoji') as typeof import('gemoji')).nameToEmoji;
  return names;
}

/** A shortcode not glued to a word or another colon (`10:30:00` and `a::b` are not). */
const SHORTCODE = /(?<![\w:]):([a-z0-9_+-]+):(?![\w:])/g;
const ICON_SET = /^(?:material|octicons|fontawesome|simple)-/;

/** Text with its emoji shortcodes replaced (and icon shortcodes removed). */
export function replaceShortcodes(text: string): string {
  if (!text.includes(':')) return text;
  SHORTCODE.lastIndex = 0;
  if (!SHORTCODE.test(text)) return text;
  return text.replace(SHORTCODE, (match, name: string) => (ICON_SET.test(name) ? '' : (emojiNames()[name] ?? match)));
}

/** Inlines with shortcodes replaced in their text (never in code, links' targets or images); the same array when none. */
export function replaceEmoji(inlines: readonly Inline[]): readonly Inline[] {
  let changed = false;
  const out = inlines.map((node): Inline => {
    if (node.type === 'text') {
      const text = replaceShortcodes(node.text);
      if (text !== node.text) changed = true;
      return text === node.text ? node : { type: 'text', text };
    }
    if (!('children' in node)) return node;
    const children = replaceEmoji(node.children);
    if (children !== node.children) changed = true;
    return children === node.children ? node : { ...node, children };
  });
  return changed ? out : inlines;
}
