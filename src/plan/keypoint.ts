/**
 * Key points chosen, not just first: from a paragraph, the sentence a listener understands alone.
 * Each sentence gets a small integer score over a few features (sentence-features.ts); the best
 * score wins and ties go to the earliest sentence, so the author's lead sentence stays the point
 * whenever it is a good one (it usually is: most paragraphs open with their topic sentence).
 */
import type { Inline } from '../model.js';
import { plainText } from '../text.js';
import {
  FRAGMENT_WORDS,
  isAside,
  isEmphasised,
  isFragment,
  isLeadIn,
  isMetaSentence,
  continuesPrevious,
  refersBack,
  sentenceFacts,
  topicOverlap,
  type SentenceFacts,
  topicWords,
} from './sentence-features.js';
import { splitSentences } from './sentences.js';

/** Why a sentence makes a weak key point. `lead-in` is the colon-ended kind of meta sentence. */
export type PointFlaw = 'meta' | 'lead-in' | 'fragment' | 'aside' | 'leaning';

/**
 * The weights of the score. A flaw (-8; only a sentence's worst flaw counts) outweighs every bonus
 * together, so a flawed sentence is chosen only when every sentence has one; leaning on context
 * (-3) outweighs the lead's place (+2), so a lead that opens with "This" or "However" gives way to
 * any self-contained sentence.
 */
export const KEY_POINT_WEIGHTS = {
  /** The first sentence: the author's own topic sentence, as a rule. */
  lead: 2,
  meta: -8,
  leadIn: -8,
  fragment: -8,
  aside: -8,
  leaning: -3,
  /** 5 to 7 words: a teaser ("Eventlet was created with good intentions.") gives way to a sentence on the slide's topic. */
  short: -2,
  /** Mostly bold: the author marked it as the point. */
  emphasis: 3,
  /** Per content word shared with the heading (stems), up to topicMax: the slide's title is its topic. */
  topic: 1,
  topicMax: 2,
} as const;

/**
 * Sentences of a paragraph that may be its key point: its opening ones. A point deep inside a long
 * paragraph would not be what the speaker starts from, and a paragraph of 20,000 sentences is then
 * judged (and split) no further than this.
 */
export const MAX_CANDIDATES = 16;

/** Fewer words than this (and at least FRAGMENT_WORDS) make a short sentence. */
const SHORT_WORDS = 8;

/** What the choice knows about one sentence. */
export interface SentenceVerdict {
  readonly flaws: readonly PointFlaw[];
  readonly words: number;
  readonly emphasised: boolean;
  /** Content words shared with the heading. */
  readonly topic: number;
  readonly score: number;
}

/** Options of the choice. */
export interface KeyPointOptions {
  /** The heading the point will stand under (the slide's title). */
  readonly topic?: string;
  /** Consider only the first `candidates` sentences (the last one may be a code caption, shown anyway). */
  readonly candidates?: number;
  /**
   * The paragraph follows something shown on the slide (code, a figure, a list, a table): a lead
   * that points back to it ("This code uses…", "Here we see…") is resolved by it.
   */
  readonly afterShown?: boolean;
}

/** The flaws of one sentence of a paragraph of `paragraphWords` words (`resolved`: what it points back to is on screen). */
export function sentenceFlaws(sentence: readonly Inline[] | SentenceFacts, paragraphWords: number, resolved = false): PointFlaw[] {
  const facts = 'text' in sentence ? sentence : sentenceFacts(sentence);
  const flaws: PointFlaw[] = [];
  if (isLeadIn(facts.text)) flaws.push('lead-in');
  else if (isMetaSentence(facts.text)) flaws.push('meta');
  if (isFragment(facts.words, paragraphWords) && !isEmphasised(facts)) flaws.push('fragment');
  if (isAside(facts)) flaws.push('aside');
  if (continuesPrevious(facts.text) || (!resolved && refersBack(facts.text))) flaws.push('leaning');
  return flaws;
}

/** Verdicts for the sentences of one paragraph, in order. */
export function judgeSentences(sentences: readonly (readonly Inline[])[], topic = '', afterShown = false): SentenceVerdict[] {
  const facts = sentences.map(sentenceFacts);
  const paragraphWords = facts.reduce((n, f) => n + f.words, 0);
  const topicSet = topicWords(topic);
  const w = KEY_POINT_WEIGHTS;
  return facts.map((f, i) => {
    const flaws = sentenceFlaws(f, paragraphWords, i === 0 && afterShown);
    const emphasised = isEmphasised(f);
    const overlap = topicOverlap(f.text, topicSet);
    let score = i === 0 ? w.lead : 0;
    // The worst flaw counts, not their sum: "This blog post…" is a meta sentence, not also a leaning one.
    if (flaws.length > 0) score += Math.min(...flaws.map((flaw) => (flaw === 'lead-in' ? w.leadIn : w[flaw])));
    if (emphasised) score += w.emphasis;
    else if (f.words >= FRAGMENT_WORDS && f.words < SHORT_WORDS && f.words < paragraphWords) score += w.short;
    score += Math.min(w.topicMax, overlap * w.topic);
    return { flaws, words: f.words, emphasised, topic: overlap, score };
  });
}

/** Index of the key point among a paragraph's sentences: the best score, the earliest on a tie. */
export function chooseKeyPoint(sentences: readonly (readonly Inline[])[], options: KeyPointOptions = {}): number {
  const count = Math.min(sentences.length, options.candidates ?? sentences.length, MAX_CANDIDATES);
  if (count <= 1) return 0;
  const verdicts = judgeSentences(sentences.slice(0, count), options.topic, options.afterShown);
  let best = 0;
  for (let i = 1; i < verdicts.length; i++) if (verdicts[i]!.score > verdicts[best]!.score) best = i;
  return best;
}

/** The key point of inline content: its chosen sentence, verbatim with its formatting. */
export function keyPoint(inlines: readonly Inline[], topic?: string): readonly Inline[] {
  const sentences = splitSentences(inlines, MAX_CANDIDATES);
  return sentences[chooseKeyPoint(sentences, topic === undefined ? {} : { topic })] ?? inlines;
}

/** A paragraph that is an aside from end to end (every sentence in italics or parentheses). */
export function isAsideParagraph(inlines: readonly Inline[]): boolean {
  const whole = sentenceFacts(inlines);
  if (whole.text === '' || isAside(whole)) return whole.text !== '';
  // Only a paragraph that opens in italics or with a parenthesis can be made of asides, and only a
  // short one: a paragraph of more sentences than MAX_CANDIDATES is not split to find out.
  if (whole.em === 0 && !whole.text.startsWith('(')) return false;
  const sentences = splitSentences(inlines, MAX_CANDIDATES + 1);
  return sentences.length <= MAX_CANDIDATES && sentences.every(isAside);
}

/**
 * The flaws of a point shown on a slide, for `lectern check`'s report of key points that are
 * fragments or meta sentences. With its paragraph, a short point that is the whole paragraph is no
 * fragment; without it, any point under FRAGMENT_WORDS words is one.
 */
export function classifyPoint(point: readonly Inline[], paragraph?: readonly Inline[]): PointFlaw[] {
  const facts = sentenceFacts(point);
  const paragraphWords = paragraph === undefined ? Number.POSITIVE_INFINITY : sentenceFacts(paragraph).words;
  return sentenceFlaws(facts, paragraphWords);
}
