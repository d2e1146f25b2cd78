/** Small pure helpers over the Inline model, shared by parse, plan and render. */
import type { Block, Inline } from './model.js';

/** The visible text of inline content (images count by their alt text). */
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
  // Per base, the first suffix not yet tried: names are never freed, so a thousand sections all
  // called "Example" cost one probe each instead of a count from 2 (quadratic).
  const nextSuffix = new Map<string, number>();
  return (wanted) => {
    const base = wanted === '' ? fallback : wanted;
    let name = base;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(name)) name = `${base}-${n++}`;
    if (name !== base) nextSuffix.set(base, n);
    used.add(name);
    return name;
  };
}
