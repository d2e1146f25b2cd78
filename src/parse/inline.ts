/**
 * Shared inline helpers: plain text of inlines, and the whitespace rules both converters apply
 * (runs of white space become one space; spaces at the edges of a link or emphasis move outside it;
 * a paragraph's edges are trimmed). Code keeps its white space.
 */
import { assertNever, type Block, type Inline } from '../model.js';


/** HTML white space (not U+00A0: a no-break space is meant to be kept). */
const SPACE_RUN = /[ \t\n\r\f]+/g;

/**
 * Inlines being collapsed. Adjacent text is gathered in pieces and joined once, when something
 * else follows: merging into one string as it came rescanned (or flattened) the whole text for
 * every piece, and a paragraph of a million pieces took minutes.
 */
class Collapsed {
  private readonly out: Inline[] = [];
  private pieces: string[] = [];
  /** Whether the gathered text ends with a space. */
  private trailingSpace = false;

  /** Appends text whose white space is already collapsed, never leaving two spaces in a row. */
  text(value: string): void {
    const afterSpace = this.pieces.length > 0 ? this.trailingSpace : this.out.at(-1)?.type === 'break';
    const text = afterSpace && value.startsWith(' ') ? value.slice(1) : value;
    if (text === '') return;
    this.pieces.push(text);
    this.trailingSpace = text.endsWith(' ');
  }

  /** Removes a trailing space from the text (before a break or at an edge). */
  trimEnd(): void {
    if (!this.trailingSpace) return;
    const last = (this.pieces.pop() ?? '').slice(0, -1);
    if (last !== '') this.pieces.push(last);
    // The piece before a lone ' ' never ends with a space (text() drops a second one).
    this.trailingSpace = false;
  }

  push(inline: Inline): void {
    this.flush();
    this.out.push(inline);
  }

  done(): Inline[] {
    this.flush();
    return this.out;
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.out.push({ type: 'text', text: this.pieces.join('') });
    this.pieces = [];
    this.trailingSpace = false;
  }
}

/** Removes a trailing space from the last text node of a finished list. */
function trimEndOf(list: Inline[]): void {
  const last = list.at(-1);
  if (last?.type !== 'text') return;
  const text = last.text.replace(/ $/, '');
  if (text === '') list.pop();
  else list[list.length - 1] = { type: 'text', text };
}

function trimStartOf(list: Inline[]): void {
  const first = list[0];
  if (first?.type !== 'text') return;
  const text = first.text.replace(/^ /, '');
  if (text === '') list.shift();
  else list[0] = { type: 'text', text };
}

function collapse(inlines: readonly Inline[]): Inline[] {
  const out = new Collapsed();
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.text(inline.text.replace(SPACE_RUN, ' '));
        break;
      case 'break':
        out.trimEnd();
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
  return out.done();
}

/** A container with its edge spaces moved outside; dropped when nothing visible is left inside. */
function pushContainer(out: Collapsed, inline: Extract<Inline, { children: readonly Inline[] }>): void {
  const children = collapse(inline.children);
  const first = children[0];
  const last = children.at(-1);
  const lead = first?.type === 'text' && first.text.startsWith(' ');
  const trail = last?.type === 'text' && last.text.endsWith(' ');
  trimStartOf(children);
  trimEndOf(children);
  if (lead) out.text(' ');
  if (children.length > 0) out.push({ ...inline, children });
  if (trail) out.text(' ');
}

/** Inlines with white space normalised and trimmed at the edges; breaks at the edges dropped. */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out = collapse(inlines);
  for (;;) {
    trimStartOf(out);
    trimEndOf(out);
    if (out[0]?.type === 'break') out.shift();
    else if (out.at(-1)?.type === 'break') out.pop();
    // A copy of exactly its length: an array grown by push keeps room to spare, and the article
    // keeps every paragraph's inlines for the whole build (a third of its memory).
    else return out.slice();
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
