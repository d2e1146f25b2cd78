/**
 * The language of unnamed code, decided once per block (before the planner splits it, so every
 * piece of a block is coloured alike), in this order:
 * 1. a shell session (`$ ` prompts) is bash; program output stays uncoloured: stack traces,
 *    `file.go:12`, `0x…` addresses, WARNING/FAIL lines, or a block its lead-in says is output
 *    ("The program prints:", "Output:");
 * 2. the page's declared language (front matter `lectern: { codeLanguage: go }`) or, failing that,
 *    the article's dominant named language, when the code reads as that language at all;
 * 3. detection among common languages, when clear-cut (relevance 8 and more, and at least one point
 *    per two lines: a long log with a few keyword-like words is not code);
 * 4. the page's language by vote — each unnamed block votes for the language highlight.js finds
 *    most relevant, weighted by that relevance — when it holds over half the votes of at least two
 *    blocks and the code reads as it (a go.dev-style page of unnamed Go: its short fragments are Go).
 * Otherwise `plaintext`: a wrong colouring is worse than none.
 */
import type { Article, Block, Footnote, ListItem, Section } from '../model.js';
import { detectLanguage, isShellSession, languageName, relevanceIn } from '../render/highlight.js';
import { plainText } from '../text.js';

/** Languages that say "no colour": named blocks of these do not make a page's language. */
const PLAIN = new Set(['plaintext']);

/** Lines that only program output has. */
const OUTPUT_LINE = [
  /^\s*(?:WARNING|ERROR|FATAL|FAIL|PASS|ok|panic|Traceback|Exception|Caused by)\b/,
  /^\s*goroutine \d+|^\s*Goroutine \d+/,
  /[\w-]\.\w{1,5}:\d+(?::\d+)?\b/,
  /\b0x[0-9a-f]{4,}\b/i,
  /^\s*at \S+ \(|^\s*at \S+:\d+/,
  /^\s*File "[^"]+", line \d+/,
  /^\s*-{3} (?:FAIL|PASS)|^={5,}\s*$/,
];

/** Whether code is program output: at least 40 % of its lines have a mark of output. */
export function isProgramOutput(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const marked = lines.filter((l) => OUTPUT_LINE.some((re) => re.test(l))).length;
  return marked / lines.length >= 0.4;
}

type CodeBlock = Extract<Block, { type: 'code' }>;

/** What the page says about its unnamed code: a declared language (front matter) if any. */
export interface CodeContext {
  readonly declared?: string | undefined;
}

/** A lead-in that announces output: "The program prints its entries:", "Output:", "…gives this result:". */
const OUTPUT_LEAD_IN = /\b(?:prints|printed|outputs?|displays|result)\b[^.!?]*[:：]\s*$|^\s*output\s*[:：]\s*$/i;

/** The article with `inferred` set on every unnamed code block (a language, or `plaintext`). */
export function inferCodeLanguages(article: Article, context: CodeContext = {}): Article {
  const blocks = collectCode(article);
  const unnamed = blocks.filter((b) => b.block.lang === undefined);
  if (unnamed.length === 0) return article;
  const declared = context.declared === undefined ? undefined : languageName(context.declared.toLowerCase());
  const named = blocks.flatMap(({ block }) => (block.lang === undefined ? [] : [languageName(block.lang) ?? ''])).filter((n) => n !== '' && !PLAIN.has(n));
  const preferred = declared ?? dominant(named);
  const first = new Map(unnamed.map((c) => [c.block, firstGuess(c, preferred)]));
  const page = vote([...first.values()]);
  const decided = new Map<CodeBlock, string>();
  for (const [block, guess] of first) {
    const late = guess.language === undefined && page !== undefined && readsAs(block.code, page) ? page : undefined;
    decided.set(block, guess.language ?? late ?? 'plaintext');
  }
  return mapCode(article, (b) => (b.lang === undefined ? { ...b, inferred: decided.get(b) ?? 'plaintext' } : b));
}

interface Guess {
  readonly language?: string | undefined;
  /** For code not yet decided: the language highlight.js finds most relevant, and how much. */
  readonly vote?: { readonly language: string; readonly weight: number } | undefined;
}

function firstGuess({ block, leadIn }: FoundCode, preferred: string | undefined): Guess {
  const code = block.code;
  if (isShellSession(code)) return { language: 'bash' };
  if (isProgramOutput(code) || (leadIn !== undefined && OUTPUT_LEAD_IN.test(leadIn))) return { language: 'plaintext' };
  if (preferred !== undefined && readsAs(code, preferred)) return { language: preferred };
  const auto = detectLanguage(code);
  const lines = code.split('\n').filter((l) => l.trim() !== '').length;
  if (auto !== undefined && auto.relevance >= 8 && auto.relevance * 2 >= lines) return { language: auto.language, vote: { language: auto.language, weight: auto.relevance } };
  return auto !== undefined && auto.relevance >= 2 ? { vote: { language: auto.language, weight: auto.relevance } } : {};
}

/** The language most unnamed blocks read as: over half the weight of the votes, from two blocks or more. */
function vote(guesses: readonly Guess[]): string | undefined {
  const weights = new Map<string, { weight: number; blocks: number }>();
  let total = 0;
  for (const g of guesses) {
    if (g.vote === undefined) continue;
    const w = weights.get(g.vote.language) ?? { weight: 0, blocks: 0 };
    weights.set(g.vote.language, { weight: w.weight + g.vote.weight, blocks: w.blocks + 1 });
    total += g.vote.weight;
  }
  const [language, best] = [...weights].sort((a, b) => b[1].weight - a[1].weight)[0] ?? [];
  return language !== undefined && best !== undefined && best.blocks >= 2 && best.weight * 2 > total ? language : undefined;
}

/** Code reads as `lang` when it matches something of it and no other language clearly beats it. */
function readsAs(code: string, lang: string): boolean {
  const own = relevanceIn(code, lang);
  if (own < 1) return false;
  const auto = detectLanguage(code);
  return auto === undefined || auto.language === lang || auto.relevance < 8 || auto.relevance <= 2 * own;
}

/** The most frequent name, when it is at least `least` of them and over half of all. */
function dominant(names: readonly string[], least = 1): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return best !== undefined && count !== undefined && count >= least && count * 2 > names.length ? best : undefined;
}

/** A code block, and the text of the paragraph just before it (its lead-in, when it has one). */
interface FoundCode {
  readonly block: CodeBlock;
  readonly leadIn?: string | undefined;
}

function collectCode(article: Article): FoundCode[] {
  const out: FoundCode[] = [];
  mapCode(article, (block, before) => (out.push({ block, leadIn: before?.type === 'paragraph' ? plainText(before.inlines) : undefined }), block));
  return out;
}

/** The article with `fn` applied to every code block (with the block before it), in document order (footnotes last). */
function mapCode(article: Article, fn: (b: CodeBlock, before: Block | undefined) => CodeBlock): Article {
  const list = (blocks: readonly Block[]): Block[] => blocks.map((b, i) => block(b, blocks[i - 1]));
  const block = (b: Block, before?: Block): Block => {
    switch (b.type) {
      case 'code':
        return fn(b, before);
      case 'list':
        return { ...b, items: b.items.map((i): ListItem => ({ ...i, blocks: list(i.blocks) })) };
      case 'quote':
      case 'callout':
        return { ...b, blocks: list(b.blocks) };
      default:
        return b;
    }
  };
  const section = (s: Section): Section => ({ ...s, blocks: list(s.blocks), children: s.children.map(section) });
  const footnote = (f: Footnote): Footnote => ({ ...f, blocks: list(f.blocks) });
  const intro = list(article.intro);
  const sections = article.sections.map(section);
  return { ...article, intro, sections, ...(article.footnotes === undefined ? {} : { footnotes: article.footnotes.map(footnote) }) };
}
