/**
 * Which code blocks on the slides are highlighted. Read from the planned deck, with the renderer's
 * own highlighter, because only the model knows whether the article named a language.
 *
 * What counts (documented in the README's `lectern check` section):
 * - `highlighted`: highlight.js coloured it in the language the article named, or in the one it
 *   detected with confidence for unnamed code;
 * - `plain`: the article itself called it plain text (`text`, `txt`, `output`, `plaintext`...);
 * - `unknown-language`: the article named a language Lectern does not highlight — a failure;
 * - `undetected`: unnamed code in which no common language was recognised (logs, program output,
 *   pseudo-code). Shown uncoloured on purpose — a wrong colouring is worse than none — so it is
 *   reported but is not a failure.
 */
import type { Block, Deck, SlidePart } from '../model.js';
import { highlightCode } from '../render/highlight.js';

/** How a code block was highlighted (see the module comment). */
export type CodeStatus = 'highlighted' | 'plain' | 'unknown-language' | 'undetected';

/** One code block of a slide. */
export interface CodeCheck {
  readonly slide: string;
  readonly line: number;
  /** The language the article named, if any. */
  readonly named?: string;
  /** The language highlight.js used (`plaintext` when none). */
  readonly language: string;
  readonly status: CodeStatus;
}

/** Every code block shown on the deck's slides (not in the notes), with its status. */
export function checkCode(deck: Deck): CodeCheck[] {
  const out: CodeCheck[] = [];
  for (const slide of deck.stacks.flat()) {
    for (const part of slide.parts) {
      for (const code of codesOf(part)) {
        // Unnamed code is drawn in the language inferred for its whole block (parse/code-language.ts).
        const { language, known } = highlightCode(code.code, code.lang ?? code.inferred);
        out.push({ slide: slide.id, line: code.line ?? slide.line, language, status: statusOf(code.lang, language, known), ...(code.lang === undefined ? {} : { named: code.lang }) });
      }
    }
  }
  return out;
}

function statusOf(named: string | undefined, language: string, known: boolean): CodeStatus {
  if (named !== undefined && named !== '' && !known) return 'unknown-language';
  if (language !== 'plaintext') return 'highlighted';
  return named !== undefined && named !== '' ? 'plain' : 'undetected';
}

interface CodeText {
  readonly code: string;
  readonly lang?: string;
  readonly inferred?: string;
  readonly line?: number;
}

function codesOf(part: SlidePart): CodeText[] {
  if (part.type === 'code') return [{ code: part.code, ...(part.lang === undefined ? {} : { lang: part.lang }), ...(part.inferred === undefined ? {} : { inferred: part.inferred }) }];
  if (part.type === 'row') return part.parts.flatMap(codesOf);
  if (part.type === 'block') return codesInBlock(part.block);
  return [];
}

function codesInBlock(block: Block): CodeText[] {
  switch (block.type) {
    case 'code':
      return [{ code: block.code, line: block.line, ...(block.lang === undefined ? {} : { lang: block.lang }), ...(block.inferred === undefined ? {} : { inferred: block.inferred }) }];
    case 'list':
      return block.items.flatMap((item) => item.blocks.flatMap(codesInBlock));
    case 'quote':
    case 'callout':
      return block.blocks.flatMap(codesInBlock);
    default:
      return [];
  }
}
