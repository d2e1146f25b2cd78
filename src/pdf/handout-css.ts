/**
 * The handout's style sheet: paper white, notes in dark readable text, slides as drawn by their
 * theme (or its print variant), scaled into boxes. Every vertical space is a margin-bottom in CSS
 * pixels, so the pagination (handout-measure.ts, handout-pages.ts, handout-apply.ts) can add up
 * what it measured and get what prints.
 */
import type { HandoutGeometry } from './handout-dom.js';

/** Vertical spacing of the handout, in CSS pixels (96 per inch). */
export const HANDOUT_SPACING = {
  /** Between a slide (and its label) and the notes beneath it. */
  slideToNotes: 10,
  /** After each slide with its notes. */
  entry: 26,
} as const;

/** The handout style sheet for a geometry. */
export function handoutCss(g: HandoutGeometry): string {
  const box = (width: number): string => `width: ${width}px; height: ${Math.ceil(g.height * (width / g.width))}px;`;
  const scale = (width: number): number => width / g.width;
  return `
@page { size: ${g.pageSize}; }
html.lectern-handout-print, html.lectern-handout-print body {
  background: #fff !important; width: auto !important; height: auto !important;
  margin: 0 !important; padding: 0 !important; overflow: visible !important;
}
.lectern-handout { width: ${g.contentWidth}px; color: #1f2328; font-family: var(--lh-font); font-size: 11pt; line-height: 1.45; }
.lh-page { display: flow-root; break-before: page; }
.lh-page:first-child { break-before: auto; }
.lh-entry { display: flow-root; margin: 0 0 ${HANDOUT_SPACING.entry}px; }
.lh-slide { display: flow-root; margin: 0; }
.lectern-handout:not([data-layout='3up']) .lh-slide:not(:last-child) { margin-bottom: ${HANDOUT_SPACING.slideToNotes}px; }
/* inline-block makes the frame monolithic: without it Chromium fragments the slide by its unscaled
   (layout) height, slicing the bottom of any slide box that starts low on a page. */
.lh-frame { --lh-scale: ${scale(g.boxWidth)}; display: inline-block; vertical-align: top; position: relative; ${box(g.boxWidth)}
  overflow: hidden; break-inside: avoid; }
/* The hairline is drawn inside the frame: a box-shadow would bleed onto the page before. */
.lh-frame::after { content: ''; position: absolute; inset: 0; border: 0.75pt solid #c8ccd1; pointer-events: none; z-index: 2; }
.lh-scale { position: absolute; top: 0; left: 0; width: ${g.width}px; height: ${g.height}px;
  transform: scale(var(--lh-scale)); transform-origin: 0 0; }
.lh-scale > .reveal { position: relative !important; width: ${g.width}px !important; height: ${g.height}px !important; overflow: hidden !important; }
.lectern-handout .reveal .slides .pdf-page { width: ${g.width}px; height: ${g.height}px !important;
  page-break-after: auto !important; break-after: auto !important; }
/* Each box is labelled "Slide n of N" already. */
.lectern-handout .reveal .slide-number-pdf { display: none !important; }
.lh-label, .lh-cont-label { margin: 0; font-size: 8pt; line-height: 1.5; color: #57606a; letter-spacing: 0.02em; }
.lh-label { padding-top: 1.5mm; }
.lh-cont-label { margin-bottom: 1.5mm; }
.lh-notes { display: flow-root; }
.lh-notes > * { display: flow-root; margin: 0 0 0.7em; }
.lh-notes > :last-child { margin-bottom: 0; }
.lh-notes p, .lh-notes blockquote { orphans: 1; widows: 1; }
.lh-notes li { margin: 0.15em 0; }
.lh-notes ul, .lh-notes ol { padding-left: 1.4em; }
.lh-notes li.lh-split { list-style-type: none; }
.lh-notes blockquote { margin-left: 0; margin-right: 0; padding-left: 0.9em; border-left: 2pt solid #d0d7de; }
.lh-notes a { color: #0b5cad; text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 1.5pt; }
.lh-notes code { font-family: var(--lh-mono); font-size: 0.9em; background: #f3f4f6; border-radius: 3px; padding: 0 0.2em; }
.lh-notes pre { font-size: 8.5pt; line-height: 1.4; background: #f6f8fa; padding: 2.5mm 3mm; border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.lh-notes pre code { background: none; padding: 0; font-size: inherit; }
.lh-notes img { max-width: 100%; }
.lh-notes :is(h1, h2, h3, h4, h5, h6) { font-size: 1em; padding-top: 0.3em; margin-bottom: 0.3em; }
.lectern-handout[data-layout='3up'] .lh-entry { display: grid; grid-template-columns: ${g.boxWidth}px 1fr; column-gap: 6mm; align-items: start; }
.lectern-handout[data-layout='3up'] .lh-entry:not(.lh-cont) { min-height: ${g.minEntryHeight}px; }
.lectern-handout[data-layout='3up'] :is(.lh-notes, .lh-cont-label) { grid-column: 2; }
.lectern-handout[data-layout='3up'] .lh-notes { font-size: 9pt; line-height: 1.4; }
`;
}
