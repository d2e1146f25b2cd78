/**
 * Formulas KaTeX cannot read become warnings at their line (the slide shows their TeX source):
 * typesetting them here, once, also fills the cache render/ draws them from.
 */
import type { Block, Diagnostic, Inline } from '../model.js';
import { typesetMath } from '../render/math.js';
import type { Flow } from './flow.js';

/** A warning for each formula of the flow that KaTeX rejects. */
export function mathDiagnostics(flow: Flow, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (tex: string, display: boolean, line: number): void => {
    const { error } = typesetMath(tex, display);
    if (error === undefined) return;
    out.push({
      severity: 'warning',
      code: 'math-invalid',
      message: `this formula is not TeX that KaTeX can typeset (${error}); the slide shows its source`,
      file,
      line,
      hint: 'check its braces and commands against the functions KaTeX supports',
    });
  };
  const inlines = (nodes: readonly Inline[], line: number): void => {
    for (const node of nodes) {
      if (node.type === 'math') check(node.tex, node.display, line);
      else if ('children' in node) inlines(node.children, line);
    }
  };
  const block = (b: Block): void => {
    for (const [line, nodes] of inlinesOf(b)) inlines(nodes, line);
    if (b.type === 'math') check(b.tex, true, b.line);
    for (const child of childBlocks(b)) block(child);
  };
  for (const item of flow) {
    if (item.type === 'heading') inlines(item.inlines, item.line);
    else block(item);
  }
  return out;
}

function inlinesOf(b: Block): [number, readonly Inline[]][] {
  switch (b.type) {
    case 'paragraph':
      return [[b.line, b.inlines]];
    case 'list':
      return b.items.map((item) => [b.line, item.inlines]);
    case 'table':
      return [...b.header, ...b.rows.flat()].map((cell) => [b.line, cell]);
    case 'callout':
      return b.title === undefined ? [] : [[b.line, b.title]];
    case 'image':
      return b.caption === undefined ? [] : [[b.line, b.caption]];
    default:
      return [];
  }
}

function childBlocks(b: Block): readonly Block[] {
  if (b.type === 'list') return b.items.flatMap((item) => item.blocks);
  if (b.type === 'quote' || b.type === 'callout') return b.blocks;
  return [];
}

