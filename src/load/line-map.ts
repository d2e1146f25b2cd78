/**
 * Lines of a body that is not the file line for line (Source.lineMap: a Liquid loop or include
 * that added lines, a notebook's cells). The parse stage counts lines in the body as if it were the
 * file (`bodyLine + n - 1`); these helpers turn such a line into the file's own line, for blocks,
 * diagnostics and errors. Pure. Without a lineMap every line is already the file's.
 */
import { LecternError } from '../errors.js';
import type { Block, Diagnostic, Source } from '../model.js';

/** A line counted in the body → the file's line. */
export type LineMapper = (line: number) => number;

/** The mapper for a source, or undefined when its body lines are the file's lines. */
export function createLineMapper(source: Pick<Source, 'bodyLine' | 'lineMap'>): LineMapper | undefined {
  const map = source.lineMap;
  if (map === undefined || map.length === 0) return undefined;
  return (line) => {
    // Lines before the body (front matter) are the file's already.
    if (line < source.bodyLine) return line;
    return map[Math.min(line - source.bodyLine, map.length - 1)] ?? line;
  };
}

/** A block (and the blocks nested in it) with its lines mapped. */
export function remapBlock(block: Block, at: LineMapper): Block {
  const inner = (blocks: readonly Block[]): Block[] => blocks.map((b) => remapBlock(b, at));
  switch (block.type) {
    case 'list':
      return { ...block, line: at(block.line), items: block.items.map((item) => ({ ...item, blocks: inner(item.blocks) })) };
    case 'quote':
      return { ...block, line: at(block.line), blocks: inner(block.blocks) };
    case 'callout':
      return { ...block, line: at(block.line), blocks: inner(block.blocks) };
    default:
      return { ...block, line: at(block.line) };
  }
}

/** A diagnostic with its line mapped. */
export function remapDiagnostic(diagnostic: Diagnostic, at: LineMapper): Diagnostic {
  return diagnostic.line === undefined ? diagnostic : { ...diagnostic, line: at(diagnostic.line) };
}

/** A LecternError with its line mapped (anything else as it is). */
export function remapError(err: unknown, at: LineMapper): unknown {
  if (!(err instanceof LecternError) || err.line === undefined) return err;
  return new LecternError(err.code, err.message, {
    ...(err.file === undefined ? {} : { file: err.file }),
    line: at(err.line),
    ...(err.hint === undefined ? {} : { hint: err.hint }),
    ...(err.cause === undefined ? {} : { cause: err.cause }),
    exitCode: err.exitCode,
    diagnostics: err.diagnostics,
  });
}
