/**
 * The PPTX writer (src/export/pptx.ts) on the seed deck, read back: unzip (fflate) and the slide,
 * notes and presentation XML. One slide per deck slide at the deck's size, every slide's notes in
 * its notes page, both Python examples as monospace text whose tokens are coloured runs in the
 * eventlet theme's highlight.js colours, the theme's background, titles as text. Also: slides that
 * cannot be native are pictures, the XML fixes (one pPr per paragraph), and byte-identical output
 * with a fixed date. No browser.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledDeck } from '../../../src/compile.js';
import { resolveConfig } from '../../../src/config.js';
import { deckToPptx, notesText, pictureSlides } from '../../../src/export/pptx.js';
import { fixSlideXml } from '../../../src/export/ooxml.js';
import { loadTheme, type ExportTheme } from '../../../src/export/theme.js';
import { loadSources } from '../../../src/load/index.js';
import type { Deck, Slide } from '../../../src/model.js';
import { plainText } from '../../../src/text.js';
import { compileForTest } from '../helpers/compile.js';

const SEED = new URL('../../../decks/eventlet.md', import.meta.url).pathname;

let compiled: CompiledDeck;
let slides: Slide[];
let theme: ExportTheme;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  const [source] = await loadSources([SEED]);
  compiled = compileForTest(source!, resolveConfig({ overrides: { theme: 'eventlet' } }));
  slides = compiled.deck.stacks.flat();
  theme = await loadTheme('eventlet');
  const { bytes } = await deckToPptx(compiled.deck, { theme });
  files = unzipSync(bytes);
});

const xml = (name: string): string => strFromU8(files[name]!);
const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each paragraph of a piece of slide XML. */
function paragraphs(part: string): string[] {
  return (part.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []).map((p) => decode((p.match(/<a:t>([^<]*)<\/a:t>/g) ?? []).map((t) => t.slice(5, -6)).join('')));
}

/** The shapes of a slide named `name` (pptxgenjs's objectName). */
function shapesNamed(slideXml: string, name: string): string[] {
  return (slideXml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((sp) => sp.includes(`name="${name}"`));
}

/** The runs of a shape: text and colour. */
function runs(shape: string): { text: string; color?: string }[] {
  return (shape.match(/<a:r>[\s\S]*?<\/a:r>/g) ?? []).map((r) => ({
    text: decode(/<a:t>([^<]*)<\/a:t>/.exec(r)?.[1] ?? ''),
    ...(/<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(r)?.[1] === undefined ? {} : { color: /<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(r)![1]! }),
  }));
}

/** The notes page of slide n (1-based), through the slide's relationships. */
function notesOf(n: number): string {
  const rels = xml(`ppt/slides/_rels/slide${n}.xml.rels`);
  const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
  expect(target, `slide ${n} has a notes page`).toBeDefined();
  return paragraphs(xml(`ppt/notesSlides/${target!}`)).join('\n');
}

describe('the seed deck as PPTX', () => {
  it('has one slide per deck slide, at the deck size (1280×720 px = 13.333×7.5 in)', () => {
    const names = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThan(5);
    expect(names).toHaveLength(slides.length);
    expect(xml('ppt/presentation.xml')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('puts every slide’s speaker notes in its notes page, whole', () => {
    slides.forEach((slide, i) => {
      const expected = notesText(slide.notes);
      expect(expected.length, `slide ${i + 1} has notes`).toBeGreaterThan(0);
      const notes = notesOf(i + 1).replace(/\s+/g, ' ');
      for (const paragraph of expected.split('\n\n')) expect(notes).toContain(paragraph.replace(/\s+/g, ' ').trim());
    });
  });

  it('writes titles and key points as text, in the theme’s colours on its background', () => {
    slides.forEach((slide, i) => {
      const text = paragraphs(xml(`ppt/slides/slide${i + 1}.xml`)).join('\n');
      if (slide.title !== undefined && slide.kind !== 'statement') {
        expect(text).toContain(plainText(slide.title));
        // The title is the slide's title placeholder (PowerPoint's outline and accessibility checker read it).
        const [title] = shapesNamed(xml(`ppt/slides/slide${i + 1}.xml`), 'Title');
        expect(title).toContain('<p:nvPr><p:ph type="title"/></p:nvPr>');
        expect(paragraphs(title!).join(' ')).toContain(plainText(slide.title));
      }
      for (const part of slide.parts) {
        if (part.type === 'points') for (const item of part.items) expect(text).toContain(plainText(item));
        if (part.type === 'text') expect(text).toContain(plainText(part.inlines));
      }
      expect(xml(`ppt/slides/slide${i + 1}.xml`)).toContain('<p:bgPr><a:solidFill><a:srgbClr val="111827"/></a:solidFill><a:effectLst/></p:bgPr>');
    });
  });

  it('writes both Python examples as monospace text, line for line, with coloured runs', () => {
    const examples = slides.flatMap((s, i) => s.parts.filter((p) => p.type === 'code').map((p) => ({ index: i, code: p.code })));
    expect(examples).toHaveLength(2);
    const keyword = theme.color('--hl-keyword');
    const string = theme.color('--hl-string');
    const comment = theme.color('--hl-comment');
    for (const { index, code } of examples) {
      const [box, ...more] = shapesNamed(xml(`ppt/slides/slide${index + 1}.xml`), 'Code');
      expect(more).toEqual([]);
      // Line for line (an empty line is a paragraph with one space).
      expect(paragraphs(box!).map((l) => l.trimEnd())).toEqual(code.split('\n').map((l) => l.trimEnd()));
      expect(box).toContain('typeface="Consolas" pitchFamily="49"');
      const coloured = runs(box!);
      expect(coloured.every((r) => r.color !== undefined)).toBe(true);
      expect(new Set(coloured.map((r) => r.color)).size).toBeGreaterThanOrEqual(4);
      expect(coloured.find((r) => r.text === 'import')?.color).toBe(keyword);
      expect(coloured.find((r) => r.text.startsWith('# '))?.color).toBe(comment);
      expect(coloured.filter((r) => r.text.startsWith('"')).every((r) => r.color === string)).toBe(true);
      // The panel in the theme's code background.
      expect(box).toContain(`<a:srgbClr val="${theme.color('--lectern-code-bg')}"/>`);
    }
    expect(keyword).toBe('F472B6');
  });

  it('gives each paragraph its properties once, first (as the schema wants)', () => {
    for (const name of Object.keys(files).filter((f) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(f))) {
      for (const p of xml(name).match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
        expect((p.match(/<a:pPr\b/g) ?? []).length, name).toBeLessThanOrEqual(1);
        if (p.includes('<a:pPr')) expect(p.startsWith('<a:p><a:pPr')).toBe(true);
      }
    }
  });

  it('is byte for byte the same for the same deck and date', async () => {
    const date = new Date('2024-01-02T03:04:05Z');
    const a = await deckToPptx(compiled.deck, { theme, date });
    const b = await deckToPptx(compiled.deck, { theme, date });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(strFromU8(unzipSync(a.bytes)['docProps/core.xml']!)).toContain('2024-01-02T03:04:05Z');
  });
});

describe('slides that cannot be native', () => {
  const embedDeck = (): Deck => {
    const base = compiled.deck;
    const embed: Slide = {
      kind: 'content',
      id: 'embed',
      title: [{ type: 'text', text: 'A video' }],
      parts: [{ type: 'block', block: { type: 'html', line: 3, html: '<iframe src="https://example.org/v"></iframe>', text: '' } }],
      notes: [{ type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Watch this.' }] }],
      line: 2,
      endLine: 3,
    };
    return { ...base, stacks: [...base.stacks, [embed]] };
  };

  it('are the embeds and the pictures PowerPoint cannot show; missing pictures stay alt text', () => {
    const deck = embedDeck();
    expect(pictureSlides(deck)).toEqual([slides.length]);
    const svg: Slide = { ...slides[1]!, parts: [{ type: 'block', block: { type: 'image', line: 1, src: 'd-1.svg', alt: 'a diagram' } }] };
    const withSvg: Deck = { ...deck, stacks: [[svg]] };
    expect(pictureSlides(withSvg, () => ({ data: new Uint8Array(), mime: 'image/svg+xml' }))).toEqual([0]);
    expect(pictureSlides(withSvg, () => ({ data: new Uint8Array(), mime: 'image/png', width: 10, height: 10 }))).toEqual([]);
    expect(pictureSlides(withSvg, () => undefined, () => true)).toEqual([]);
  });

  it('are diagrams and math too (display or inline), but not footnote numbers', () => {
    const base = slides[1]!;
    const diagram: Slide = { ...base, parts: [{ type: 'diagram', lang: 'mermaid', code: 'graph LR; A-->B', line: 1 }] };
    const inlineMath: Slide = { ...base, parts: [{ type: 'points', items: [[{ type: 'text', text: 'So ' }, { type: 'math', tex: 'a^2', display: false }]] }] };
    const blockMath: Slide = { ...base, parts: [{ type: 'block', block: { type: 'math', line: 1, tex: '\\int_0^1 x\\,dx' } }] };
    const footnote: Slide = { ...base, parts: [{ type: 'points', items: [[{ type: 'text', text: 'Said' }, { type: 'footnote', label: 'a', number: 1 }]] }] };
    expect(pictureSlides({ ...compiled.deck, stacks: [[diagram, inlineMath], [blockMath], [footnote]] })).toEqual([0, 1, 2]);
  });

  it('become the picture the caller took, full slide, with their notes', async () => {
    const deck = embedDeck();
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const result = await deckToPptx(deck, { theme, pictures: new Map([[slides.length, png]]) });
    expect(result).toMatchObject({ slides: slides.length + 1, pictures: 1 });
    const out = unzipSync(result.bytes);
    const last = strFromU8(out[`ppt/slides/slide${slides.length + 1}.xml`]!);
    expect(last).toContain('<p:pic>');
    expect(last).toMatch(/<a:off x="0" y="0"\/>\s*<a:ext cx="12192000" cy="6858000"\/>/);
    expect(Object.keys(out).some((f) => f.startsWith('ppt/media/') && f.endsWith('.png'))).toBe(true);
    files = out;
    expect(notesOf(slides.length + 1)).toContain('Watch this.');
  });
});

describe('theme colours from the theme CSS', () => {
  it('follows _highlight.css, compound and descendant selectors included', () => {
    expect(theme.token([['hljs-keyword']])).toEqual({ color: 'F472B6' });
    expect(theme.token([['hljs-comment']])).toEqual({ color: '9CA3AF', italic: true });
    expect(theme.token([['hljs-meta'], ['hljs-keyword']]).color).toBe('F472B6');
    expect(theme.token([['hljs-title', 'function_']]).color).toBe('67E8F9');
    expect(theme.token([['hljs-title', 'class_']]).color).toBe('5EEAD4');
    // Inherited from the enclosing span.
    expect(theme.token([['hljs-string'], ['hljs-unknown']]).color).toBe('FDE047');
    // Gradients give their first colour; var() is followed.
    expect(theme.color('--lectern-nav-prev-bg')).toBe('FACC15');
    expect(theme.font('--r-main-font', 'Arial')).toBe('Inter');
  });

  it('fixSlideXml keeps the first pPr of a paragraph and colours bullets', () => {
    const p = '<a:p><a:pPr algn="l"><a:buSzPct val="100000"/><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p>';
    expect(fixSlideXml(p, { bulletColor: '5eead4' })).toBe(
      '<a:p><a:pPr algn="l"><a:buClr><a:srgbClr val="5EEAD4"/></a:buClr><a:buSzPct val="100000"/><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>',
    );
  });
});
