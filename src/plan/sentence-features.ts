/**
 * What makes a sentence a weak key point, one feature at a time: each function is a verdict on one
 * sentence read alone, for the key-point choice (keypoint.ts) and for `lectern check`'s report.
 * The phrase patterns are English; in other languages only the language-independent features
 * (lead-ins, fragments, asides, emphasis, the words shared with the heading) apply.
 */
import type { Inline } from '../model.js';
import { countWords, eachWord, plainText, wordsOf } from '../text.js';

/** A sentence shorter than this (in words) is a fragment unless it is the whole paragraph. */
export const FRAGMENT_WORDS = 5;

// Discourse markers that may open a sentence without changing what it is ("Next, we look at…").
const OPENER = String.raw`(?:(?:first|firstly|next|now|so|then|finally|also|ok|okay|well|by the way|to start|to begin|in short|below|today)\s*,?\s+)?`;

/** Sentences about the article or talk itself, pointers elsewhere, greetings and thanks. */
const META_PATTERNS: readonly RegExp[] = [
  // "Here are some typical data races." "Here's what is happening:"
  new RegExp(`^${OPENER}here(?:'s|’s| is| are)\\b`, 'i'),
  // "Let's look at the explicit drops first." "To see what I mean, let's start by…"
  new RegExp(`^(?:[^,;:]{0,80},\\s*)?let(?:'s|’s| us)\\s`, 'i'),
  // "In this post, we will guide you…" "The following sections will take you through…" (framing
  // the sentence: "…in this tutorial" at its end is usually said of something else)
  new RegExp(
    `^${OPENER}(?:(?:in|throughout|with|for|as (?:\\w+\\s+){1,3}in)\\s+)?(?:this|the following|the next|the previous|the rest of this|an earlier|a later|the last)\\s+(?:[\\w-]+\\s+)?(?:post|article|guide|tutorial|section|chapter|write-?up)s?\\b`,
    'i',
  ),
  // "Next, we look at how MIR will help…" "We will now see…"
  new RegExp(
    `^${OPENER}(?:we|i)(?:'ll|’ll| will| are going to|'re going to|’re going to|'m going to|’m going to| want to| would like to|'d like to|’d like to)?\\s+(?:now\\s+|then\\s+|first\\s+|briefly\\s+|also\\s+|next\\s+)?` +
      `(?:look at|look into|see how|cover|discuss|explore|walk you|walk through|guide you|show you|take a look|dive|turn to|focus on|go through|go over|review|recap|summari[sz]e)\\b`,
    'i',
  ),
  // "See the Go Memory Model for details." "For more info, see the docs…" "Check out X for…"
  // "If after this post you are hungry for more, have a look at the RFC…": a pointer after a clause
  // or two ("If you have more sophisticated requirements around navigation, such as when building a
  // documentation site, see the detailed tutorial on navigation.")
  /^(?:[^,;:]{0,80},\s*){0,2}(?:please\s+)?(?:see|check out|refer to|take a look at|have a look at|read more|head over to)\b/i,
  /^for (?:more|further|additional|a (?:full |complete )?list|details|an overview|the full)\b[^.!?]*?,\s*(?:please\s+)?(?:see|check|read|refer|visit)\b/i,
  /^you can (?:read|find out|learn) more\b/i,
  /^(?:welcome to|thanks\b|thank you|special thanks|many thanks)/i,
];

/** A meta sentence: about the article itself ("In this post we will…", "Here are some…", "Let's look at…"), a pointer elsewhere, or a lead-in. */
export function isMetaSentence(text: string): boolean {
  const t = text.trim();
  return isLeadIn(t) || META_PATTERNS.some((p) => p.test(t));
}

/** A lead-in: a sentence ending in a colon ("The options are:"), which only makes sense with what follows it. */
export function isLeadIn(text: string): boolean {
  return /[:：]\s*$/u.test(text);
}

/** A fragment: fewer than FRAGMENT_WORDS words, while the paragraph has more ("Python advocate for explicit."). */
export function isFragment(words: number, paragraphWords: number): boolean {
  return words < FRAGMENT_WORDS && paragraphWords > words;
}

// "It's common to…", "It is possible that…": the dummy "it" of English refers to nothing before.
const DUMMY_IT = /^it(?:'s|’s| is| was| will be| would be| can be| may be| might be| seems| becomes)\s+(?:\S+\s+){0,3}?(?:to|that|for|how|whether|when|if)\b/i;
/** Pronouns and demonstratives that point back: "This trick…", "It depends…", "Here we see…". */
const REFERRING =
  /^(?:this|these|those|they|them|their|theirs|it|its|such|he|she|his|her|that(?!\s+is,)|here(?!(?:'s|’s| is| are)\b)|(?:all|some|many|most|each|both|none|one|any|either|neither) of (?:them|these|those|this|it|which))\b/i;
/** Connectives that continue the sentence before: "However, …", "For example, …", "Collaboration is also affected…". */
const CONNECTIVE =
  /^(?:but|however|also|so|thus|hence|therefore|thereby|instead|otherwise|similarly|likewise|then|still|yet|and|or|nor|moreover|furthermore|besides|meanwhile|consequently|indeed|again|in other words|in fact|as a result|for (?:example|instance)|on the other hand|of course|after that|even so|that said|as such)\b|^\S+(?:\s+\S+){0,2}\s+also\b(?!\s+(?:known|called|named|referred))/i;

/** The sentence without opening quotes and brackets, for the patterns above. */
function opening(text: string): string {
  return text.trim().replace(/^[("'“‘¿¡]+/u, '');
}

/** Whether a sentence opens with a pronoun or demonstrative that points back ("This", "It", "They"…; not the dummy "It's common to…"). */
export function refersBack(text: string): boolean {
  const t = opening(text);
  return REFERRING.test(t) && !DUMMY_IT.test(t);
}

/** Whether a sentence continues the one before it ("However, …", "For example, …", "X is also…"). */
export function continuesPrevious(text: string): boolean {
  return CONNECTIVE.test(opening(text));
}

/** A sentence that leans on what came before it: it points back or continues (see refersBack, continuesPrevious). */
export function leansOnContext(text: string): boolean {
  return refersBack(text) || continuesPrevious(text);
}

/** What the features read of one sentence, computed once: its text, words and emphasis. */
export interface SentenceFacts {
  readonly text: string;
  readonly words: number;
  /** Share of its letters and digits in italics, and in bold (0 to 1). */
  readonly em: number;
  readonly strong: number;
}

/** The facts of one sentence (one walk over its inlines). */
export function sentenceFacts(inlines: readonly Inline[]): SentenceFacts {
  let em = 0;
  let strong = 0;
  const walk = (nodes: readonly Inline[], inEm: boolean, inStrong: boolean): void => {
    for (const node of nodes) {
      if ('children' in node) walk(node.children, inEm || node.type === 'em', inStrong || node.type === 'strong');
      else if (inEm || inStrong) {
        const n = letters(plainText([node]));
        if (inEm) em += n;
        if (inStrong) strong += n;
      }
    }
  };
  walk(inlines, false, false);
  const text = plainText(inlines).trim();
  // Letters and digits only: the period after "_…codemod_." does not make it less of an aside.
  const total = em + strong === 0 ? 0 : letters(text);
  return { text, words: countWords(text), em: total === 0 ? 0 : em / total, strong: total === 0 ? 0 : strong / total };
}

/** How many letters and digits a string holds. */
function letters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').length;
}

/** An aside: wholly in italics, or wholly in parentheses ("(This program typically prints 55555, not 01234.)"). */
export function isAside(inlines: readonly Inline[] | SentenceFacts): boolean {
  const facts = 'text' in inlines ? inlines : sentenceFacts(inlines);
  if (facts.text.startsWith('(') && closesAtEnd(facts.text)) return true;
  return facts.em === 1;
}

/** Whether the parenthesis that opens `text` closes at its end (its final punctuation aside). */
function closesAtEnd(text: string): boolean {
  const body = text.replace(/[.!?。！？]+$/u, '');
  if (!body.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')' && --depth === 0 && i < body.length - 1) return false;
  }
  return depth === 0;
}

/** The author's own emphasis: a sentence mostly in bold ("**MIR construction is type-driven.**"). */
export function isEmphasised(inlines: readonly Inline[] | SentenceFacts): boolean {
  return ('text' in inlines ? inlines : sentenceFacts(inlines)).strong >= 0.6;
}

// Words too common to say what a heading is about.
const STOPWORDS = new Set(
  'the a an and or of to in on for with from by as at is are be was were it its this that these those how what why when which who your you we our not no vs into out up about over than then there their can will'.split(' '),
);

/** A crude stem so that "layouts" meets "layout" and "asynchronous" meets "asynchronicity". */
function stem(word: string): string {
  const w = word.replace(/(?:'s|’s)$/, '').replace(/(?<=\p{L}{3})s$/u, '');
  return /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+$/u.test(w) ? w.slice(0, 5) : w;
}

/** The content words of a heading (stems), to compare sentences with. */
export function topicWords(heading: string): ReadonlySet<string> {
  return new Set(wordsOf(heading).filter((w) => !STOPWORDS.has(w) && (w.length >= 3 || !/^[\p{Script=Latin}\p{N}]+$/u.test(w))).map(stem));
}

/** How many of the heading's content words a sentence uses (read word by word: a sentence may be a million words). */
export function topicOverlap(text: string, topic: ReadonlySet<string>): number {
  if (topic.size === 0) return 0;
  const seen = new Set<string>();
  for (const word of eachWord(text)) {
    const s = stem(word);
    if (topic.has(s) && !seen.has(s)) {
      seen.add(s);
      if (seen.size === topic.size) break;
    }
  }
  return seen.size;
}

