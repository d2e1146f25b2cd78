/**
 * Shared inline helpers: plain text of inlines, and the whitespace rules both converters apply
 * (runs of white space become one space; spaces at the edges of a link or emphasis move outside it;
 * a paragraph's edges are trimmed). Code keeps its white space.
 */
import { assertNever, type Block, type Inline } from '../model.js';


/** HTML white space (not U+00A0: a no-break space is meant to be kept). */
const SPACE_RUN = /[ \t\n\r\f]+/g;

/** Appends text, merging it with a previous text node and never leaving two spaces in a row. */
function pushText(out: Inline[], text: string): void {
  const prev = out.at(-1);
  const value = prev?.type === 'break' ? text.replace(/^ /, '') : text;
  if (value === '') return;
  if (prev?.type === 'text') {
    out[out.length - 1] = { type: 'text', text: (prev.text + value).replace(/ {2,}/g, ' ') };
  } else {
    out.push({ type: 'text', text: value });
  }
}

/** Removes a trailing space from the last text node (before a break or at an edge). */
function trimEndOf(out: Inline[]): void {
  const last = out.at(-1);
  if (last?.type !== 'text') return;
  const text = last.text.replace(/ $/, '');
  if (text === '') out.pop();
  else out[out.length - 1] = { type: 'text', text };
}

function trimStartOf(list: Inline[]): void {
  const first = list[0];
  if (first?.type !== 'text') return;
  const text = first.text.replace(/^ /, '');
  if (text === '') list.shift();
  else list[0] = { type: 'text', text };
}

function collapse(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        pushText(out, inline.text.replace(SPACE_RUN, ' '));
        break;
      case 'break':
        trimEndOf(out);
        out.push(inline);
        break;
      case 'code':
      case 'image':
      case 'math':
      case 'footnote':
        out.push(inline);
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        pushContainer(out, inline);
        break;
      default:
        assertNever(inline);
    }
  }
  return out;
}

/** A container with its edge spaces moved outside; dropped when nothing visible is left inside. */
function pushContainer(out: Inline[], inline: Extract<Inline, { children: readonly Inline[] }>): void {
  const children = collapse(inline.children);
  const first = children[0];
  const last = children.at(-1);
  const lead = first?.type === 'text' && first.text.startsWith(' ');
  const trail = last?.type === 'text' && last.text.endsWith(' ');
  trimStartOf(children);
  trimEndOf(children);
  if (lead) pushText(out, ' ');
  if (children.length > 0) out.push({ ...inline, children });
  if (trail) pushText(out, ' ');
}

/** Inlines with white space normalised and trimmed at the edges; breaks at the edges dropped. */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out = collapse(inlines);
  for (;;) {
    trimStartOf(out);
    trimEndOf(out);
    if (out[0]?.type === 'break') out.shift();
    else if (out.at(-1)?.type === 'break') out.pop();
    else return out;
  }
}

/** A display math block when inlines hold nothing but one formula written for display (`\[…\]`). */
export function soleMath(inlines: readonly Inline[], line: number): Extract<Block, { type: 'math' }> | undefined {
  const only = inlines.length === 1 ? inlines[0] : undefined;
  return only?.type === 'math' && only.display ? { type: 'math', line, tex: only.tex } : undefined;
}

/** Whether inlines hold nothing but one image (a paragraph like that is an image block). */
export function soleImage(inlines: readonly Inline[]): Extract<Inline, { type: 'image' }> | undefined {
  const only = inlines.length === 1 ? inlines[0] : undefined;
  return only?.type === 'image' ? only : undefined;
}

/** Glyphs sites put in headings as permalinks: `#`, `¶`, `§`, 🔗, ⚓ (with an emoji variation selector). */
const PERMALINK_GLYPHS = /^[\s#¶§\u{1F517}\u2693\uFE0F\u200B]*$/u;
const GLYPHS_AT_END = /(^|\s)[#¶§\u{1F517}\u2693\uFE0F]+\s*$/u;
const GLYPHS_AT_START = /^\s*[¶§\u{1F517}\u2693\uFE0F]+(?:\s|$)/u;

/**
 * A heading without the permalink its site added: a link to a fragment (`#…`) whose text is only
 * a glyph (or nothing), and such a glyph standing alone at either end (`Install ¶`). `C#` stays.
 */
export function dropPermalinks(inlines: readonly Inline[]): Inline[] {
  const kept = inlines.filter((n) => !(n.type === 'link' && n.href.trim().startsWith('#') && PERMALINK_GLYPHS.test(textOf(n.children))));
  const last = kept.at(-1);
  if (last?.type === 'text') kept[kept.length - 1] = { type: 'text', text: last.text.replace(GLYPHS_AT_END, '$1') };
  const first = kept[0];
  if (first?.type === 'text') kept[0] = { type: 'text', text: first.text.replace(GLYPHS_AT_START, '') };
  return normalizeInlines(kept);
}

function textOf(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : 'children' in n ? textOf(n.children) : n.type === 'image' ? n.alt : '')).join('');
}
