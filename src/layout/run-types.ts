/** The types of styled inline runs (runs.ts makes them; lines, pieces, widths and geometry read them). */
import type { FaceKey } from './fonts.js';

/** How one run of text is drawn. */
export interface TextStyle {
  readonly face: FaceKey;
  /** Font size in CSS px. */
  readonly px: number;
  /** Letter spacing in CSS px (the headings' negative tracking), added after every character. */
  readonly letterSpacing: number;
}

/** A run of text in one style, or a forced line break (`<br>`). */
export type Run =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly style: TextStyle;
      /** Horizontal padding of the run's box (inline code's background), in px. */
      readonly padStart: number;
      readonly padEnd: number;
      /** `white-space: nowrap` (the "(2/3)" of a continued title): no break inside the run. */
      readonly nowrap?: boolean;
    }
  | { readonly type: 'break' };

/** The style inline content starts from, and how its inline code is drawn. */
export interface InlineContext {
  /** Font size of the element's text in px. */
  readonly px: number;
  /** CSS font-weight of the element (400 body, 600 table headers, 700 titles and callout titles). */
  readonly weight: number;
  /** The element is italic (quotes). */
  readonly italic: boolean;
  /** Letter spacing in px (computed at the element that declares it, inherited as a length). */
  readonly letterSpacing: number;
  /** Inline code's size relative to the text (0.85 in a slide body, 1 in a title). */
  readonly codeScale: number;
  /** Inline code's horizontal padding in em of the code (0.25 in a slide body, 0 in a title). */
  readonly codePad: number;
  /** Inline code is never smaller than this in a slide body (the text floor), px. */
  readonly codeFloor?: number;
}
