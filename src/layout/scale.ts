/**
 * The deck's type scale and box geometry: every CSS number that decides how tall slide content is,
 * mirrored from src/client/styles/*.css, src/client/base.css and themes/*.css. This is the one
 * place layout/ keeps them; tests/unit/layout/scale.test.ts reads those CSS files and fails when a
 * value mirrored here no longer matches (so a CSS change cannot silently break the planner's fit).
 * Lengths in `em` are relative to the element's own font size unless the name says otherwise.
 */

/** The numbers of one theme. */
export interface ThemeScale {
  readonly name: string;
  /** `--r-main-font-size`: the body text, in px. */
  readonly bodyPx: number;
  /** `--lectern-text-floor`: no text in a slide body is drawn smaller (each size is `max(floor, …em)`), px. */
  readonly textFloorPx: number;
  /** `.lectern-slide` padding (slides.css), px. */
  readonly slidePadX: number;
  readonly slidePadY: number;
  /** `.reveal .slides section` and `.reveal p` line height (typography.css). */
  readonly lineHeight: number;
  readonly heading: {
    /** `--r-heading1-size`, `--r-heading2-size`, in em of the body. */
    readonly h1Em: number;
    readonly h2Em: number;
    /** Section slides: `calc(var(--r-heading1-size) * 0.9)`. */
    readonly sectionFactor: number;
    readonly lineHeight: number;
    /** `--r-heading-letter-spacing`, em of the heading. */
    readonly letterSpacingEm: number;
    readonly weight: number;
    /** Bottom margins of `h1.lectern-title` / `h2.lectern-title` (slides.css). */
    readonly h1MarginEm: number;
    readonly h2MarginEm: number;
    /** A theme's rule drawn under titles (`::after`, eventlet): height + margin-top, em of the heading. */
    readonly h1RuleEm: number;
    readonly h2RuleEm: number;
    /** `.lectern-continued` "(2/3)": size in em of the title, weight. */
    readonly continuedEm: number;
  };
  readonly body: {
    /** `.lectern-body` flex gap, em of the body. */
    readonly gapEm: number;
  };
  readonly text: {
    /** `p.lectern-statement` (slides.css). */
    readonly statementEm: number;
    readonly statementLineHeight: number;
    readonly statementWeight: number;
    readonly statementMaxWidth: number;
    /** `.lectern-description, .lectern-subtitle` max-width share. */
    readonly subtitleMaxWidth: number;
    /** `.lectern-byline` size. */
    readonly bylineEm: number;
    /** A lone key point on a content slide shows larger (slides.css `li:only-child`). */
    readonly lonePointEm: number;
  };
  readonly list: {
    readonly indentEm: number;
    readonly lineHeight: number;
    readonly itemMarginEm: number;
    readonly pointMarginEm: number;
    readonly nestedEm: number;
    readonly nestedMarginTopEm: number;
  };
  readonly inlineCode: {
    readonly em: number;
    readonly padXEm: number;
  };
  readonly code: {
    /** `--lectern-code-size`, em of the body (22 px at 36 px). */
    readonly em: number;
    /** `--lectern-code-floor` (`max(var(--lectern-code-floor), …)` in blocks.css): the floor of the code's font size. */
    readonly minPx: number;
    readonly lineHeight: number;
    readonly padYEm: number;
    readonly padXEm: number;
    /** `--lectern-code-border` width, px. */
    readonly borderPx: number;
    /** `figure.lectern-code` gap, em of the body. */
    readonly figureGapEm: number;
    /** `.reveal code { tab-size }`. */
    readonly tabSize: number;
  };
  readonly caption: { readonly em: number; readonly lineHeight: number };
  readonly table: {
    readonly em: number;
    readonly padYEm: number;
    readonly padXEm: number;
    /** `--lectern-rule` width (each cell's bottom border), px. */
    readonly rulePx: number;
    readonly headWeight: number;
  };
  readonly quote: {
    readonly padYEm: number;
    readonly padLeftEm: number;
    readonly borderEm: number;
    readonly paragraphGapEm: number;
  };
  readonly callout: {
    readonly em: number;
    readonly padYEm: number;
    readonly padXEm: number;
    readonly borderEm: number;
    readonly childGapEm: number;
    readonly titleWeight: number;
  };
  readonly image: {
    /** `max-height: calc(var(--lectern-height) * 0.62)`. */
    readonly maxHeightShare: number;
    readonly captionEm: number;
    readonly gapEm: number;
  };
  /** `nav.lectern-nav` (closing slide buttons): link size, weight, line height, padding; row gap and top margin in em of the body. */
  readonly nav: {
    readonly em: number;
    readonly weight: number;
    readonly lineHeight: number;
    readonly padYEm: number;
    readonly padXEm: number;
    readonly gapEm: number;
    readonly marginTopEm: number;
    readonly closingGapEm: number;
    readonly closingMarginTopEm: number;
  };
  /** `p.lectern-kicker` above a title: size (em of the slide), weight, line height, bottom margin (em of itself). */
  readonly kicker: { readonly em: number; readonly weight: number; readonly lineHeight: number; readonly marginEm: number };
  /** `.lectern-row` (parts side by side): the gap between columns and between parts in a column, em of the body. */
  readonly row: { readonly gapEm: number };
  /** The closing slide's URL (`p.lectern-url`, em of the body) and QR code (`figure.lectern-qr svg`, px). */
  readonly url: { readonly em: number; readonly qrPx: number };
  /** `.lectern-byline .lectern-author` weight. */
  readonly authorWeight: number;
  /** `.lectern-html` size, em of the body. */
  readonly htmlEm: number;
}

/** The scale of src/client/styles/variables.css (a deck without a theme). */
export const BASE_SCALE: ThemeScale = {
  name: 'base',
  bodyPx: 36,
  textFloorPx: 24,
  slidePadX: 40,
  slidePadY: 8,
  lineHeight: 1.35,
  heading: {
    h1Em: 2.1,
    h2Em: 1.3333,
    sectionFactor: 0.9,
    lineHeight: 1.15,
    letterSpacingEm: -0.01,
    weight: 700,
    h1MarginEm: 0.35,
    h2MarginEm: 0.4,
    h1RuleEm: 0,
    h2RuleEm: 0,
    continuedEm: 0.55,
  },
  body: { gapEm: 0.55 },
  text: {
    statementEm: 1.7,
    statementLineHeight: 1.2,
    statementWeight: 700,
    statementMaxWidth: 0.88,
    subtitleMaxWidth: 0.85,
    bylineEm: 0.7,
    lonePointEm: 1.2,
  },
  list: { indentEm: 1.15, lineHeight: 1.3, itemMarginEm: 0.3, pointMarginEm: 0.45, nestedEm: 0.9, nestedMarginTopEm: 0.25 },
  inlineCode: { em: 0.85, padXEm: 0.25 },
  code: { em: 0.6111, minPx: 18, lineHeight: 1.45, padYEm: 0.65, padXEm: 0.9, borderPx: 1, figureGapEm: 0.4, tabSize: 4 },
  caption: { em: 0.75, lineHeight: 1.3 },
  table: { em: 0.75, padYEm: 0.3, padXEm: 0.7, rulePx: 1, headWeight: 600 },
  quote: { padYEm: 0.2, padLeftEm: 0.9, borderEm: 0.2, paragraphGapEm: 0.4 },
  callout: { em: 0.85, padYEm: 0.5, padXEm: 0.9, borderEm: 0.22, childGapEm: 0.35, titleWeight: 700 },
  image: { maxHeightShare: 0.62, captionEm: 0.7, gapEm: 0.3 },
  nav: { em: 0.8, weight: 600, lineHeight: 1.2, padYEm: 0.45, padXEm: 1.1, gapEm: 0.6, marginTopEm: 0.4, closingGapEm: 1.2, closingMarginTopEm: 0.8 },
  kicker: { em: 0.7, weight: 600, lineHeight: 1.2, marginEm: 0.2 },
  row: { gapEm: 0.55 },
  url: { em: 0.75, qrPx: 240 },
  authorWeight: 600,
  htmlEm: 0.9,
};

/** What the shipped themes (themes/*.css) change: tighter tracking; eventlet draws a rule under titles. */
const THEMED = { ...BASE_SCALE, heading: { ...BASE_SCALE.heading, letterSpacingEm: -0.015 } };

/** The scale of each shipped theme. */
export const THEME_SCALES: Readonly<Record<string, ThemeScale>> = {
  light: { ...THEMED, name: 'light' },
  dark: { ...THEMED, name: 'dark' },
  eventlet: {
    ...THEMED,
    name: 'eventlet',
    // h2::after: height 0.09em + margin-top 0.22em; h1::after: height 0.07em + margin-top 0.3em.
    heading: { ...THEMED.heading, h2RuleEm: 0.09 + 0.22, h1RuleEm: 0.07 + 0.3 },
  },
};

/** The scale of a theme by name; an unknown theme gets the shipped themes' common scale. */
export function themeScale(name: string): ThemeScale {
  return THEME_SCALES[name] ?? { ...THEMED, name };
}
