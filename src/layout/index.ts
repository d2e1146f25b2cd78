/**
 * layout/: how tall (and how wide) slide content will be when Chromium lays it out with the deck's
 * own fonts, without a browser. Pure: the font tables are a generated module (metrics/tables.ts),
 * decoded on first use. All sizes are CSS px of the slide (1280 × 720 by default).
 *
 * For the planner:
 *   const g = slideGeometry({ width, height, theme });
 *   const box = measureSlide(slide, g);            // box.fits, box.overflowY, box.parts[i].height
 *   measureTitle(title, g).height + …marginBottom  // room a title takes
 *   measurePoints(items, g), measureParagraph(inlines, g), measureBlock(block, bodyFlow(g))
 *   measureCodePanel(code, codePx(scale, g), g)    // rows × line height; .width is what it needs
 * Lower level: breakLines(inlineRuns(inlines, ctx), width), textWidth(text, style).
 */
export { slideGeometry, bodyFlow, scaled, type SlideGeometry, type GeometryOptions, type Flow } from './geometry.js';
export { THEME_SCALES, BASE_SCALE, themeScale, type ThemeScale } from './scale.js';
export type { Box, FlowBox } from './flow.js';
export { measureSlide, measurePart, roomBelowTitle, bodyGap, type SlideBox, type SlideMeasureOptions } from './slide.js';
export { measureTitle, measureParagraph, measurePoints, measureCaption, measureInlines, type TitleOptions, type ParagraphKind } from './text.js';
export { measureBlock, measureImage, imageBox, measureHtml, type ImageOptions, type ImageSize } from './blocks.js';
export { measureList, measureCallout, measureQuote, calloutTitle } from './blocks.js';
export { measureTable, distributeColumns, type TableBox } from './table.js';
export { measureCodePanel, measureCodeFigure, measureCodeText, codePx, codeRows, fitCode, type CodeText, type CodeFigure, type CodeFit } from './code.js';
export { measureByline, measureNav } from './nav.js';
export { breakLines, inlineSizes, textWidth, charWidth, type LineLayout, type InlineSizes } from './lines.js';
export { inlineRuns, textRun, type Run, type TextStyle, type InlineContext } from './runs.js';
export { getFace, faceKeyFor, type Face, type FaceKey } from './fonts.js';
export { FONT_PACKAGES } from './metrics/tables.js';
