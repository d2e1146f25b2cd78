/**
 * How long a deck takes to present, estimated from what the speaker says and shows: the notes at a
 * speaking pace (130 words a minute by default), plus time for the audience to read code (2 s a
 * line) and to look at pictures (5 s each), and a few seconds for a slide with nothing to say
 * (title, agenda, section, closing). Pure; used by `lectern check` and for reveal.js's pacing timer.
 */
import type { Block, Deck, Slide, SlidePart } from '../model.js';
import { blockText, countWords } from '../text.js';

/** Speaking pace of the notes, in words a minute. */
export const WORDS_PER_MINUTE = 130;
/** Seconds to read one line of code on screen. */
const SECONDS_PER_CODE_LINE = 2;
/** Seconds to look at a picture. */
const SECONDS_PER_IMAGE = 5;
/** Seconds on a slide whose notes are empty (the speaker moves on). */
const SECONDS_WITHOUT_NOTES = 8;

/** Seconds one slide takes: its notes spoken, its code read, its pictures looked at. */
export function slideSeconds(slide: Slide, wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = slide.notes.reduce((n, b) => n + countWords(blockText(b)), 0);
  const spoken = (words / wordsPerMinute) * 60;
  let shown = 0;
  for (const part of slide.parts) shown += partSeconds(part);
  return Math.round(Math.max(spoken === 0 ? SECONDS_WITHOUT_NOTES : spoken, shown));
}

/** Estimated minutes of the whole deck. */
export function deckMinutes(deck: Deck, wordsPerMinute = WORDS_PER_MINUTE): number {
  const seconds = deck.stacks.flat().reduce((n, s) => n + slideSeconds(s, wordsPerMinute), 0);
  return Math.round((seconds / 60) * 10) / 10;
}

function partSeconds(part: SlidePart): number {
  switch (part.type) {
    case 'code':
      return part.code.split('\n').length * SECONDS_PER_CODE_LINE;
    case 'diagram':
      return SECONDS_PER_IMAGE;
    case 'block':
      return blockSeconds(part.block);
    case 'row':
      // A Before/After pair: both blocks are read.
      return part.parts.reduce((n, p) => n + partSeconds(p), 0);
    default:
      return 0;
  }
}

function blockSeconds(block: Block): number {
  switch (block.type) {
    case 'code':
      return block.code.split('\n').length * SECONDS_PER_CODE_LINE;
    case 'image':
    case 'math':
      // A formula on screen is looked at like a picture.
      return SECONDS_PER_IMAGE;
    default:
      return 0;
  }
}
