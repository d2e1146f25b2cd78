/**
 * check: pure lint of a compiled deck — article syntax leaked onto slides, code highlighting, words
 * kept (conservation) — and the report of `lectern check` with its pass rule. The browser side
 * (measuring overflow) is fit/; running it over many decks is commands/check.ts.
 */
export { checkCompiled, staticDiagnostics, withCheckDiagnostics, MIN_CONSERVATION, percent, type StaticCheck } from './static.js';
export { deckReport, failedLoadReport, failedReport, type CheckReport, type DeckCheck, type MeasuredDeck } from './report.js';
export { compositionReport, compositionPasses, CODE_FLOOR_PX, TEXT_FLOOR_PX, type CompositionReport } from './composition.js';
export type { CodeCheck, CodeStatus } from './code.js';
export type { Conservation } from './conservation.js';
export type { Leak, LeakKind } from './leaks.js';
