/**
 * src/layout/scale.ts mirrors the deck's CSS. This reads the CSS files and fails when a value the
 * layout mirrors changes (update scale.ts with it), and when a theme sets a layout property that
 * scale.ts does not know about.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_SCALE, THEME_SCALES, type ThemeScale } from '../../../src/layout/scale.js';

const ROOT = new URL('../../../', import.meta.url);
/** A stylesheet without comments and `@import` statements (what is left is flat rules). */
const read = (path: string): string =>
  readFileSync(new URL(path, ROOT), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@import[^;]*;/g, '');

/** Every rule of a flat stylesheet: its selectors (whitespace normalised) and declarations. */
function rules(css: string): { selectors: string[]; decls: Map<string, string> }[] {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selectors: m[1]!.split(/,(?![^(]*\))/).map((s) => s.trim().replace(/\s+/g, ' ')),
    decls: new Map([...m[2]!.matchAll(/([\w-]+)\s*:\s*([^;]+);?/g)].map((d) => [d[1]!, d[2]!.trim()])),
  }));
}

/** The value `file` gives `property` in the last rule that names `selector`. */
function value(file: string, selector: string, property: string): string | undefined {
  const found = rules(read(file)).filter((r) => r.selectors.includes(selector) && r.decls.has(property));
  return found[found.length - 1]?.decls.get(property);
}

const em = (n: number): string => `${n}em`;
/** A body text size as the CSS writes it: never under the text floor. */
const floor = (size: string): string => `max(var(--lectern-text-floor), ${size})`;
const S = 'src/client/styles/';
const b = BASE_SCALE;

/** [file, selector, property, the value scale.ts implies]. */
const BASE_MIRRORS: [string, string, string, string][] = [
  [`${S}variables.css`, ':root', '--r-main-font-size', `${b.bodyPx}px`],
  [`${S}variables.css`, ':root', '--lectern-text-floor', `${b.textFloorPx}px`],
  [`${S}variables.css`, ':root', '--lectern-code-floor', `${b.code.minPx}px`],
  [`${S}variables.css`, ':root', '--r-heading1-size', em(b.heading.h1Em)],
  [`${S}variables.css`, ':root', '--r-heading2-size', em(b.heading.h2Em)],
  [`${S}variables.css`, ':root', '--r-heading-line-height', String(b.heading.lineHeight)],
  [`${S}variables.css`, ':root', '--r-heading-letter-spacing', em(b.heading.letterSpacingEm)],
  [`${S}variables.css`, ':root', '--r-heading-font-weight', String(b.heading.weight)],
  [`${S}variables.css`, ':root', '--lectern-code-size', em(b.code.em)],
  [`${S}variables.css`, ':root', '--lectern-height', '720px'],
  [`${S}typography.css`, '.reveal .slides section', 'line-height', String(b.lineHeight)],
  [`${S}typography.css`, '.reveal p', 'line-height', String(b.lineHeight)],
  [`${S}typography.css`, '.reveal strong', 'font-weight', '700'],
  [`${S}typography.css`, '.reveal em', 'font-style', 'italic'],
  [`${S}typography.css`, '.reveal code', 'tab-size', String(b.code.tabSize)],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide', 'padding', `${b.slidePadY}px ${b.slidePadX}px`],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide', 'overflow-wrap', 'break-word'],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > h2.lectern-title', 'margin', `0 0 ${em(b.heading.h2MarginEm)}`],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > h2.lectern-title', 'font-size', 'calc(var(--r-heading2-size) * (0.5 + 0.5 * var(--lectern-fit, 1)))'],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > h1.lectern-title', 'margin', `0 0 ${em(b.heading.h1MarginEm)}`],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > h1.lectern-title', 'font-size', 'calc(var(--r-heading1-size) * (0.5 + 0.5 * var(--lectern-fit, 1)))'],
  [`${S}slides.css`, ".reveal .slides section.lectern-slide[data-kind='section'] > h2.lectern-title", 'font-size', `calc(var(--r-heading1-size) * ${b.heading.sectionFactor})`],
  [`${S}slides.css`, '.reveal .lectern-continued', 'font-size', em(b.heading.continuedEm)],
  [`${S}slides.css`, '.reveal .lectern-continued', 'white-space', 'nowrap'],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide .lectern-body', 'gap', em(b.body.gapEm)],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide .lectern-body', 'font-size', floor('calc(1em * var(--lectern-fit, 1))')],
  [`${S}slides.css`, '.reveal p.lectern-statement', 'font-size', em(b.text.statementEm)],
  [`${S}slides.css`, '.reveal p.lectern-statement', 'line-height', String(b.text.statementLineHeight)],
  [`${S}slides.css`, '.reveal p.lectern-statement', 'font-weight', String(b.text.statementWeight)],
  [`${S}slides.css`, '.reveal p.lectern-statement', 'max-width', `${b.text.statementMaxWidth * 100}%`],
  [`${S}slides.css`, '.reveal :is(.lectern-description, .lectern-subtitle)', 'max-width', `${b.text.subtitleMaxWidth * 100}%`],
  [`${S}slides.css`, '.reveal .lectern-byline', 'font-size', floor(em(b.text.bylineEm))],
  [`${S}slides.css`, '.reveal .lectern-byline .lectern-author', 'font-weight', String(b.authorWeight)],
  [`${S}slides.css`, ".reveal section.lectern-slide[data-kind='content'] .lectern-body > .lectern-points:only-child > li:only-child", 'font-size', em(b.text.lonePointEm)],
  [`${S}slides.css`, '.reveal nav.lectern-nav', 'gap', em(b.nav.gapEm)],
  [`${S}slides.css`, '.reveal nav.lectern-nav', 'margin-top', em(b.nav.marginTopEm)],
  [`${S}slides.css`, '.reveal nav.lectern-nav a', 'padding', `${em(b.nav.padYEm)} ${em(b.nav.padXEm)}`],
  [`${S}slides.css`, '.reveal nav.lectern-nav a', 'font-size', floor(em(b.nav.em))],
  [`${S}slides.css`, '.reveal nav.lectern-nav a', 'font-weight', String(b.nav.weight)],
  [`${S}slides.css`, '.reveal nav.lectern-nav a', 'line-height', String(b.nav.lineHeight)],
  [`${S}slides.css`, ".reveal section.lectern-slide[data-kind='closing'] nav.lectern-nav", 'gap', em(b.nav.closingGapEm)],
  [`${S}slides.css`, ".reveal section.lectern-slide[data-kind='closing'] nav.lectern-nav", 'margin-top', em(b.nav.closingMarginTopEm)],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > p.lectern-kicker', 'font-size', floor(em(b.kicker.em))],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > p.lectern-kicker', 'font-weight', String(b.kicker.weight)],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > p.lectern-kicker', 'line-height', String(b.kicker.lineHeight)],
  [`${S}slides.css`, '.reveal .slides section.lectern-slide > p.lectern-kicker', 'margin', `0 0 ${em(b.kicker.marginEm)}`],
  [`${S}slides.css`, '.reveal p.lectern-url', 'font-size', floor(em(b.url.em))],
  [`${S}slides.css`, '.reveal figure.lectern-qr svg', 'height', `${b.url.qrPx}px`],
  [`${S}blocks.css`, '.reveal .lectern-row', 'gap', em(b.row.gapEm)],
  [`${S}blocks.css`, '.reveal .lectern-row > .lectern-col', 'gap', em(b.row.gapEm)],
  [`${S}blocks.css`, '.reveal .lectern-body ul', 'padding', `0 0 0 ${em(b.list.indentEm)}`],
  [`${S}blocks.css`, '.reveal .lectern-body li', 'margin', `${em(b.list.itemMarginEm)} 0`],
  [`${S}blocks.css`, '.reveal .lectern-body li', 'line-height', String(b.list.lineHeight)],
  [`${S}blocks.css`, '.reveal .lectern-body li > ul', 'margin-top', em(b.list.nestedMarginTopEm)],
  [`${S}blocks.css`, '.reveal .lectern-body li > ul', 'font-size', floor(em(b.list.nestedEm))],
  [`${S}blocks.css`, '.reveal ul.lectern-points > li', 'margin', `${em(b.list.pointMarginEm)} 0`],
  [`${S}blocks.css`, '.reveal .lectern-body :not(pre) > code', 'font-size', floor(em(b.inlineCode.em))],
  [`${S}blocks.css`, '.reveal .lectern-body :not(pre) > code', 'padding', `0.05em ${em(b.inlineCode.padXEm)}`],
  [`${S}blocks.css`, '.reveal figure.lectern-code', 'gap', em(b.code.figureGapEm)],
  [`${S}blocks.css`, '.reveal figcaption.lectern-caption', 'font-size', floor(em(b.caption.em))],
  [`${S}blocks.css`, '.reveal figcaption.lectern-caption', 'line-height', String(b.caption.lineHeight)],
  [`${S}blocks.css`, '.reveal figure.lectern-code pre', 'padding', `${em(b.code.padYEm)} ${em(b.code.padXEm)}`],
  [`${S}blocks.css`, '.reveal figure.lectern-code pre', 'line-height', String(b.code.lineHeight)],
  [`${S}blocks.css`, '.reveal figure.lectern-code pre', 'font-size', 'max(var(--lectern-code-floor), calc(var(--lectern-code-size) * var(--lectern-code-scale, 1)))'],
  [`${S}blocks.css`, '.reveal figure.lectern-code pre', 'white-space', 'pre'],
  [`${S}blocks.css`, '.reveal table.lectern-table', 'font-size', floor(em(b.table.em))],
  [`${S}blocks.css`, '.reveal table.lectern-table', 'border-collapse', 'collapse'],
  [`${S}blocks.css`, '.reveal table.lectern-table td', 'padding', `${em(b.table.padYEm)} ${em(b.table.padXEm)}`],
  [`${S}blocks.css`, '.reveal table.lectern-table td', 'border-bottom', 'var(--lectern-rule)'],
  [`${S}blocks.css`, '.reveal table.lectern-table th', 'font-weight', String(b.table.headWeight)],
  [`${S}blocks.css`, '.reveal blockquote.lectern-quote', 'padding', `${em(b.quote.padYEm)} 0 ${em(b.quote.padYEm)} ${em(b.quote.padLeftEm)}`],
  [`${S}blocks.css`, '.reveal blockquote.lectern-quote', 'border-left', `${em(b.quote.borderEm)} solid var(--lectern-quote-border)`],
  [`${S}blocks.css`, '.reveal blockquote.lectern-quote p', 'margin', `0 0 ${em(b.quote.paragraphGapEm)}`],
  [`${S}blocks.css`, '.reveal figure.lectern-image', 'gap', em(b.image.gapEm)],
  [`${S}blocks.css`, '.reveal figure.lectern-image img', 'max-height', `calc(var(--lectern-height) * ${b.image.maxHeightShare})`],
  [`${S}blocks.css`, '.reveal figure.lectern-image figcaption', 'font-size', floor(em(b.image.captionEm))],
  [`${S}blocks.css`, '.reveal .lectern-callout', 'padding', `${em(b.callout.padYEm)} ${em(b.callout.padXEm)}`],
  [`${S}blocks.css`, '.reveal .lectern-callout', 'font-size', floor(em(b.callout.em))],
  [`${S}blocks.css`, '.reveal .lectern-callout', 'border-left', `${em(b.callout.borderEm)} solid var(--lectern-callout-accent)`],
  [`${S}blocks.css`, '.reveal .lectern-body .lectern-callout > *', 'margin', `0 0 ${em(b.callout.childGapEm)}`],
  [`${S}blocks.css`, '.reveal .lectern-callout p.lectern-callout-title', 'font-weight', String(b.callout.titleWeight)],
  [`${S}blocks.css`, '.reveal .lectern-html', 'font-size', floor(em(b.htmlEm))],
];

/** What each theme file must say for its scale. */
function themeMirrors(t: ThemeScale): [string, string, string][] {
  return [
    [':root', '--r-main-font-size', `${t.bodyPx}px`],
    [':root', '--r-heading1-size', em(t.heading.h1Em)],
    [':root', '--r-heading2-size', em(t.heading.h2Em)],
    [':root', '--r-heading-line-height', String(t.heading.lineHeight)],
    [':root', '--r-heading-letter-spacing', em(t.heading.letterSpacingEm)],
    [':root', '--r-heading-font-weight', String(t.heading.weight)],
    [':root', '--lectern-code-size', em(t.code.em)],
  ];
}

/** Properties that change a box's size: a theme rule setting one must be mirrored in scale.ts. */
const LAYOUT = /^(font-size|font-weight|line-height|letter-spacing|padding|margin|gap|border(-(left|right|top|bottom))?(-width)?|width|height|max-width|max-height|min-width|min-height|display|white-space)$/;

describe('scale.ts mirrors the deck CSS', () => {
  it.each(BASE_MIRRORS)('%s %s { %s }', (file, selector, property, expected) => {
    expect(value(file, selector, property), `update src/layout/scale.ts with ${file}`).toBe(expected);
  });

  it.each(Object.keys(THEME_SCALES))('themes/%s.css matches its scale', (name) => {
    const t = THEME_SCALES[name]!;
    for (const [selector, property, expected] of themeMirrors(t)) expect(value(`themes/${name}.css`, selector, property), `${name}: ${property}`).toBe(expected);
    expect(value(`themes/${name}.css`, ':root', '--lectern-code-border')?.startsWith(`${t.code.borderPx}px `)).toBe(true);
    expect(value(`themes/${name}.css`, ':root', '--lectern-rule')?.startsWith(`${t.table.rulePx}px `)).toBe(true);
  });

  it('knows every layout property a theme sets outside :root (eventlet: the rule under titles)', () => {
    for (const name of Object.keys(THEME_SCALES)) {
      const t = THEME_SCALES[name]!;
      for (const rule of rules(read(`themes/${name}.css`))) {
        if (rule.selectors.includes(':root')) continue;
        const layout = [...rule.decls.keys()].filter((p) => LAYOUT.test(p));
        if (layout.length === 0) continue;
        const h2 = rule.selectors.some((s) => s.endsWith('h2.lectern-title::after'));
        const h1 = rule.selectors.some((s) => s.endsWith('h1.lectern-title::after'));
        expect(h1 || h2, `themes/${name}.css: ${rule.selectors.join(', ')} sets ${layout.join(', ')}: mirror it in src/layout/scale.ts`).toBe(true);
        const sum = (margin: string | undefined): number => parseFloat(rule.decls.get('height') ?? '0') + parseFloat(margin ?? '0');
        if (h2 && rule.decls.has('height')) expect(sum(rule.decls.get('margin-top')), name).toBeCloseTo(t.heading.h2RuleEm, 6);
        if (h1 && !h2 && rule.decls.has('height')) expect(sum(rule.decls.get('margin')), name).toBeCloseTo(t.heading.h1RuleEm, 6);
      }
      const ruled = rules(read(`themes/${name}.css`)).some((r) => r.selectors.some((s) => s.endsWith('h2.lectern-title::after')));
      expect(ruled, `${name}: h2RuleEm`).toBe(t.heading.h2RuleEm > 0);
    }
  });
});
