/**
 * How long a deck takes to present, estimated from what the speaker says and shows: the notes at a
 * speaking pace (130 words a minute by default), plus time for the audience to read code (2 s a
 * line) and to look at pictures (5 s each), and a few seconds for a slide with nothing to say
 * (title, agenda, section, closing). Each slide's estimate is its `timing` (reveal.js's
 * `data-timing`, read by the speaker view's pacing timer); backup slides are not part of the talk's
 * length. Pure; used by the planner, `lectern build` and `lectern check`.
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

/** Words of a slide's notes, as the pace counts them. */
export function notesWords(slide: Slide): number {
  return slide.notes.reduce((n, b) => n + countWords(blockText(b)), 0);
}

/**
 * Seconds one slide takes: the longer of its notes spoken and its code and pictures read, at least
 * one (reveal.js gives a slide timed 0 a share of the rest of the talk).
 */
export function slideSeconds(slide: Slide, wordsPerMinute = WORDS_PER_MINUTE): number {
  const spoken = (notesWords(slide) / wordsPerMinute) * 60;
  let shown = 0;
  for (const part of slide.parts) shown += partSeconds(part);
  return Math.max(1, Math.round(Math.max(spoken === 0 ? SECONDS_WITHOUT_NOTES : spoken, shown)));
}

/** The slides with their `timing` set. */
export function timed(slides: readonly Slide[], wordsPerMinute = WORDS_PER_MINUTE): Slide[] {
  return slides.map((s) => ({ ...s, timing: slideSeconds(s, wordsPerMinute) }));
}

/** A slide's seconds: its planned timing, else the estimate at the deck's pace. */
export function secondsOf(slide: Slide, wordsPerMinute = WORDS_PER_MINUTE): number {
  return slide.timing ?? slideSeconds(slide, wordsPerMinute);
}

/** Seconds of a list of slides. */
export function totalSeconds(slides: readonly Slide[], wordsPerMinute = WORDS_PER_MINUTE): number {
  return slides.reduce((n, s) => n + secondsOf(s, wordsPerMinute), 0);
}

/** The talk's length and what is kept aside, as `lectern build` and `lectern check` report them. */
export interface DeckPacing {
  /** Estimated minutes of the talk (backup slides excepted), one decimal. */
  readonly minutes: number;
  /** Slides of the talk (backup slides excepted). */
  readonly slides: number;
  readonly backupSlides: number;
  /** Estimated minutes of the backup slides, one decimal. */
  readonly backupMinutes: number;
  /** The time slot in minutes, when one was given. */
  readonly slotMinutes?: number;
  readonly wordsPerMinute: number;
}

/** The pacing of a planned deck. */
export function deckPacing(deck: Deck): DeckPacing {
  const wpm = deck.meta.pacing?.wordsPerMinute ?? WORDS_PER_MINUTE;
  const all = deck.stacks.flat();
  const main = all.filter((s) => s.backup !== true);
  const backup = all.filter((s) => s.backup === true);
  const slot = deck.meta.pacing?.slot;
  return {
    minutes: toMinutes(totalSeconds(main, wpm)),
    slides: main.length,
    backupSlides: backup.length,
    backupMinutes: toMinutes(totalSeconds(backup, wpm)),
    ...(slot === undefined ? {} : { slotMinutes: toMinutes(slot) }),
    wordsPerMinute: wpm,
  };
}

/** Estimated minutes of the talk (backup slides excepted). */
export function deckMinutes(deck: Deck): number {
  return deckPacing(deck).minutes;
}

/** Seconds as minutes with one decimal. */
export function toMinutes(seconds: number): number {
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
