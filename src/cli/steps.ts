/** The words a progress display uses for a deck's steps (check, and the PDF measuring phase). */
import type { DeckStep } from '../commands/measure.js';
import { assertNever } from '../model.js';

/** What a step is called on the progress line. */
export function stepName(step: { readonly type: 'compile' } | DeckStep): string {
  switch (step.type) {
    case 'compile':
      return 'compiling';
    case 'open':
      return 'opening in Chromium';
    case 'measure':
      return step.round === 0 ? 'measuring' : `re-planned what overflowed, measuring again (round ${step.round})`;
    case 'audit':
      return 'auditing accessibility (axe-core, every theme)';
    default:
      return assertNever(step);
  }
}
