/**
 * Whether a deck is composed as a talk (issue "Decks that are talks"), from what the browser drew
 * (fit/composition.ts) and from the plan: sparse slides, lone lead-ins, the smallest text and code
 * in pixels, and the estimated length of the talk. A deck fails on a lone lead-in or a size under
 * the floors; sparse slides are reported (a share over 10% is a composition to improve, not an
 * error in the article).
 */
import type { SlideComposition } from '../fit/composition.js';
import type { Deck } from '../model.js';
import { SPARSE_FILL } from '../plan/compose.js';
import { classifyPoint } from '../plan/keypoint.js';
import { deckMinutes } from '../plan/pacing.js';
import { plainText } from '../text.js';

/** Body text is never drawn smaller than this (CSS px at the deck's size). */
export const TEXT_FLOOR_PX = 24;
/** Code is never drawn smaller than this. */
export const CODE_FLOOR_PX = 18;
/** A slide whose content spans less than this share of the room below its title is sparse: the planner's own threshold. */
export { SPARSE_FILL };

/** A slide named in the composition report. */
export interface SlideRef {
  readonly slide: number;
  readonly id: string;
  readonly title: string;
  readonly line?: number;
}

/** The composition of one deck. */
export interface CompositionReport {
  /** Sparse slides (the first and the last slide and big short statements excepted). */
  readonly sparse: readonly (SlideRef & { readonly fill: number })[];
  /** Sparse slides as a share of all slides. */
  readonly sparseShare: number;
  readonly leadIns: readonly SlideRef[];
  /** Smallest text and code drawn in the deck (px; 0 when there is none). */
  readonly minText: number;
  readonly minCode: number;
  /** Slides with text or code under the floors. */
  readonly small: readonly (SlideRef & { readonly text: number; readonly code: number })[];
  /** Key points on screen that are fragments or meta sentences (reported, not failed on). */
  readonly weakPoints: readonly { readonly slide: number; readonly id: string; readonly text: string; readonly flaws: readonly string[] }[];
  /** Estimated length of the talk in minutes (backup slides excepted): the notes at the deck's pace (130 words a minute), code and pictures to read. */
  readonly minutes: number;
}

/** The composition report of a deck from its measured slides. */
export function compositionReport(deck: Deck, measured: readonly SlideComposition[]): CompositionReport {
  const ref = (s: SlideComposition): SlideRef => ({ slide: s.slide, id: s.id, title: s.title, ...(s.line === undefined ? {} : { line: s.line }) });
  const last = measured.length;
  const sparse = measured.filter((s) => s.slide !== 1 && s.slide !== last && !s.statement && s.fill < SPARSE_FILL).map((s) => ({ ...ref(s), fill: Math.round(s.fill * 100) / 100 }));
  const sizes = (pick: (s: SlideComposition) => number): number => Math.min(...measured.map(pick).filter((n) => n > 0), Infinity);
  const minText = sizes((s) => s.minText);
  const minCode = sizes((s) => s.minCode);
  const under = (size: number, floor: number): boolean => size > 0 && size < floor - 0.05;
  return {
    sparse,
    sparseShare: measured.length === 0 ? 0 : sparse.length / measured.length,
    leadIns: measured.filter((s) => s.leadIn).map(ref),
    minText: Number.isFinite(minText) ? Math.round(minText * 10) / 10 : 0,
    minCode: Number.isFinite(minCode) ? Math.round(minCode * 10) / 10 : 0,
    small: measured.filter((s) => under(s.minText, TEXT_FLOOR_PX) || under(s.minCode, CODE_FLOOR_PX)).map((s) => ({ ...ref(s), text: Math.round(s.minText * 10) / 10, code: Math.round(s.minCode * 10) / 10 })),
    weakPoints: weakPoints(deck),
    minutes: deckMinutes(deck),
  };
}

/** Points on the slides whose sentence is a fragment, a meta sentence or a lead-in, by slide. */
function weakPoints(deck: Deck): CompositionReport['weakPoints'] {
  const out: CompositionReport['weakPoints'][number][] = [];
  deck.stacks.flat().forEach((slide, index) => {
    if (slide.kind === 'agenda' || slide.kind === 'section') return;
    for (const part of slide.parts) {
      if (part.type !== 'points') continue;
      for (const item of part.items) {
        const flaws = classifyPoint(item).filter((f) => f === 'fragment' || f === 'meta' || f === 'lead-in');
        if (flaws.length > 0) out.push({ slide: index + 1, id: slide.id, text: plainText(item).slice(0, 80), flaws });
      }
    }
  });
  return out;
}

/** The composition rule of `lectern check`: no lone lead-in, nothing drawn under the floors. */
export function compositionPasses(report: CompositionReport): boolean {
  return report.leadIns.length === 0 && report.small.length === 0;
}
