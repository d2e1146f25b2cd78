/**
 * What a character is, for measuring and breaking: a wide (CJK, full-width, emoji) character, a
 * zero-width one, and where a line may break between two characters: Chromium's own table for
 * ASCII pairs, and the part of Unicode line breaking (UAX #14, as ICU runs it) that article text
 * meets. Each rule was checked against Chromium at width 0 (tests/unit/layout/lines.test.ts).
 */

const SPACE = 0x20;
const HYPHEN = 0x2d;

/** True for the collapsible white space of `white-space: normal` (tab, line feed, CR, FF, space). */
export function isCollapsibleSpace(cp: number): boolean {
  return cp === SPACE || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c;
}

/**
 * True for characters that are one em wide whatever the fallback font: East Asian Wide and
 * Full-width (Han, kana, Hangul, CJK punctuation, full-width forms) and emoji.
 */
export function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

/** True for characters that take no room: combining marks, joiners, format and control characters. */
export function isZeroWidth(cp: number): boolean {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad;
  return ZERO_WIDTH.test(String.fromCodePoint(cp));
}

/** Opening punctuation: no break after it (and, in CJK text, none before the character it opens). */
const OPENING = new Set([0x28, 0x5b, 0x7b, 0x2018, 0x201c, 0x3008, 0x300a, 0x300c, 0x300e, 0x3010, 0x3014, 0xff08, 0xff3b]);
/** Closing and terminal punctuation: never at the start of a line. */
const CLOSING = new Set([
  0x29, 0x5d, 0x7d, 0x2c, 0x2e, 0x3a, 0x3b, 0x21, 0x3f, 0x2019, 0x201d, 0x2026, 0x3001, 0x3002, 0x3009, 0x300b, 0x300d,
  0x300f, 0x3011, 0x3015, 0x30fc, 0xff01, 0xff09, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff1f, 0xff3d,
]);

/**
 * Chromium's own table for pairs of printable ASCII characters (`kAsciiLineBreakTable` in Blink's
 * text_break_iterator.cc; ICU is not asked about them): for each character, the characters a line
 * may break before after it. Breaks before an opening bracket after closing punctuation and most
 * symbols, and after `-` and `?` before almost anything; nothing else (not after `/` or `.`: paths
 * and URLs stay whole, and overflow-wrap breaks them only when they cannot fit).
 */
const ASCII_BREAKS: Readonly<Record<string, string>> = (() => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const rows: Record<string, string> = {
    '-': `"#%&'(*+-<=>@[\\^_\`{|~\x7f${letters}`, // digits: see canBreakBetween
    '?': `#$%&(*+-0123456789<=>@[\\^_\`{|~${letters}`,
  };
  for (const c of '!"#%&)*+,.:;=>\\]|}~') rows[c] = '(<[{';
  return rows;
})();

/** ASCII_BREAKS as a 128 × 128 bit table, built on first use. */
let asciiTable: Uint8Array | undefined;

function asciiBreak(prev: number, cur: number): boolean {
  if (asciiTable === undefined) {
    asciiTable = new Uint8Array(128 * 128);
    for (const [after, before] of Object.entries(ASCII_BREAKS)) for (const c of before) asciiTable[after.charCodeAt(0) * 128 + c.charCodeAt(0)] = 1;
  }
  return asciiTable[prev * 128 + cur] === 1;
}

function isAsciiAlphanumeric(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/**
 * Whether a line may break between `prev` and `cur` (`before` is the character before `prev`, or
 * -1). Spaces stay with the word before them (they hang at the end of a line) and a break falls
 * after them. Between two ASCII characters Chromium's table decides (a `-` before a digit breaks
 * only after a letter or digit: `a-1` but not `-5`); elsewhere the rules of Unicode line breaking
 * that article text meets: after an en dash or a hyphen, around an em dash, after an ellipsis,
 * and around every wide (CJK) character except before closing and after opening punctuation.
 */
export function canBreakBetween(before: number, prev: number, cur: number): boolean {
  if (isCollapsibleSpace(cur)) return false;
  if (prev === SPACE) return true;
  if (prev === HYPHEN && cur >= 0x30 && cur <= 0x39) return isAsciiAlphanumeric(before);
  if (prev < 0x80 && cur < 0x80) return prev > SPACE && cur > SPACE && asciiBreak(prev, cur);
  if (cur === 0x200b || cur === 0x2060 || cur === 0xfeff) return false;
  if (prev === 0x200b) return true;
  if (prev === 0x2014 || cur === 0x2014) return prev !== cur && !CLOSING.has(cur) && !OPENING.has(prev);
  if (prev === HYPHEN || prev === 0x2010 || prev === 0x2013 || prev === 0x2026) return !CLOSING.has(cur);
  if (isWide(prev) || isWide(cur)) return !CLOSING.has(cur) && !OPENING.has(prev);
  return false;
}
