/**
 * Small pure helpers over text and the Inline model, shared by every stage: the one plainText, the
 * one slugify and the one escapeHtml of the project.
 */
import type { Block, Inline } from './model.js';

/** The visible text of inline content (images count by their alt text; a line break is `\n`). */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt;
        break;
      default:
        out += plainText(node.children);
    }
  }
  return out;
}

/** Text on one line: line breaks (and the spaces around them) become one space, for titles. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Words in a string (runs of non-space characters). */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** The visible text of a block, for word counts and conservation checks. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return plainText(block.inlines);
    case 'list':
      return block.items.map((i) => [plainText(i.inlines), ...i.blocks.map(blockText)].join('\n')).join('\n');
    case 'code':
      return block.code;
    case 'quote':
      return block.blocks.map(blockText).join('\n');
    case 'table':
      return [block.header, ...block.rows].map((r) => r.map(plainText).join(' ')).join('\n');
    case 'image':
      return [block.alt, block.caption ? plainText(block.caption) : ''].join(' ').trim();
    case 'callout':
      return [block.title ? plainText(block.title) : '', ...block.blocks.map(blockText)].join('\n').trim();
    case 'html':
      return block.text;
    case 'directive':
      return block.name === 'notes' ? (block.text ?? '') : '';
    case 'rule':
      return '';
  }
}

/** A namer that returns `wanted` the first time and `wanted-2`, `wanted-3`… after (`fallback` for ''). */
export function createUniqueNamer(fallback: string): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base = wanted === '' ? fallback : wanted;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  };
}

/** `Héllo, World!` → `hello-world`: lower-case ASCII letters and digits joined by single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    // Combining marks left by NFKD (é → e + ́) go, so accented letters keep their base letter.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and attribute values: the only way article text enters HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
