/**
 * The checks that need no browser: leaks, code highlighting and conservation, read from a compiled
 * deck (its source, its plan and its HTML). Pure and cheap (a parse5 pass over the deck page and
 * one over the source), so `lectern build` can run them on every deck.
 */
import type { Diagnostic } from '../model.js';
import type { CompiledDeck } from '../compile.js';
import { checkCode, type CodeCheck } from './code.js';
import { measureConservation, type Conservation } from './conservation.js';
import { readDeckText } from './deck-text.js';
import { findLeaks, type Leak } from './leaks.js';
import { articleText } from './source-text.js';
import { blockText } from '../text.js';

/** Conservation under this share fails a check. */
export const MIN_CONSERVATION = 0.99;

/** What the browser-free checks found in one deck. */
export interface StaticCheck {
  readonly slides: number;
  readonly leaks: readonly Leak[];
  readonly code: readonly CodeCheck[];
  readonly conservation: Conservation;
}

/** Leaks, code and conservation of a compiled deck. */
export function checkCompiled(compiled: CompiledDeck): StaticCheck {
  const slides = readDeckText(compiled.rendered.html);
  // A site built without its notes (`--no-notes`) leaves them out on purpose: the deck still holds
  // them, so conservation counts them from the plan.
  const withheld = compiled.inputs.config.notes === false ? compiled.deck.stacks.flat().flatMap((s) => s.notes.map(blockText)) : [];
  const deckText = [...slides.map((s) => s.all), ...withheld].join('\n');
  const source = articleText(compiled.source.body, compiled.source.format);
  return {
    slides: slides.length,
    leaks: findLeaks(slides),
    code: checkCode(compiled.deck),
    conservation: measureConservation(source, deckText),
  };
}

/** The static findings (leaks, conservation) as warnings located in the article, for `lectern build`. */
export function staticDiagnostics(check: StaticCheck, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const leak of check.leaks) {
    out.push({
      severity: 'warning',
      code: 'check-leak',
      message: `article syntax shown on slide #${leak.slide} as text (${leak.kind}): ${leak.excerpt}`,
      file,
      ...(leak.line === undefined ? {} : { line: leak.line }),
      hint: 'Lectern did not understand this markup; report it with the article, or rewrite it in plain Markdown',
    });
  }
  // Code in an unknown language is not repeated here: render/ already warns (code-unknown-language).
  const { conservation: c } = check;
  if (c.ratio < MIN_CONSERVATION) {
    const missing = c.missing.slice(0, 8).map((m) => `${m.word}${m.count > 1 ? ` ×${m.count}` : ''}`).join(', ');
    out.push({
      severity: 'warning',
      code: 'check-conservation',
      message: `the deck keeps ${percent(c.ratio)} of the article's words (${c.keptWords}/${c.articleWords}); missing: ${missing}`,
      file,
      line: 1,
      hint: 'some article text did not reach the slides or the notes; report it with the article',
    });
  }
  return out;
}

/** A compiled deck with the static checks' findings added to its diagnostics (what `lectern build` reports). */
export function withCheckDiagnostics(compiled: CompiledDeck): CompiledDeck {
  const found = staticDiagnostics(checkCompiled(compiled), compiled.source.path);
  if (found.length === 0) return compiled;
  return { ...compiled, rendered: { ...compiled.rendered, diagnostics: [...compiled.rendered.diagnostics, ...found] } };
}

/** A share as a percentage with one decimal, e.g. `99.4%`. */
export function percent(ratio: number): string {
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}
