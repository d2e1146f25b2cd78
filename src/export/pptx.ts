/**
 * A planned deck → an editable PowerPoint file (pptxgenjs), from the model, not from pictures:
 * titles, points and text as text boxes, code as monospace text whose highlight.js tokens are
 * coloured runs in the theme's colours, tables as tables, lists as bulleted text, pictures as
 * pictures, callouts and quotes as shapes with their text, the speaker notes in the notes pane, at
 * the deck's slide size and in the theme's colours and fonts. Boxes are placed where the deck's
 * CSS puts them: layout/ measures every part from the deck's own fonts, as the planner does.
 *
 * A slide that cannot be drawn natively (an embed, an iframe, a diagram or a picture PowerPoint
 * cannot read, such as SVG) is the picture of the slide the caller took in the browser
 * (`pictures`), still with its notes. Pure but for the writer's own clock (the file's dates).
 */
import { createRequire } from 'node:module';
import type * as PptxModule from 'pptxgenjs';
import { bodyGap, bodyFlow, codePx, measureCaption, measurePart, measureSlide, measureTable, slideGeometry, type SlideGeometry } from '../layout/index.js';
import { assertNever, type Block, type Deck, type Inline, type ListItem, type Slide, type SlidePart } from '../model.js';
import { plainText } from '../text.js';
import { codeRuns } from './code.js';
import { touchPptx } from './ooxml.js';
import type { ExportTheme, Hex } from './theme.js';

type Pptx = PptxModule.default;
type PptxSlide = PptxModule.default.Slide;
type TextProps = PptxModule.default.TextProps;
type TextOptions = PptxModule.default.TextPropsOptions;
type TableRow = PptxModule.default.TableRow;
type TableCell = PptxModule.default.TableCell;

const require = createRequire(import.meta.url);

/** A picture an article shows, read by the caller. */
export interface PptxImage {
  readonly data: Uint8Array;
  /** `image/png`, `image/jpeg`, `image/gif`. */
  readonly mime: string;
  readonly width?: number;
  readonly height?: number;
}

/** What the writer needs besides the deck. */
export interface PptxInputs {
  readonly theme: ExportTheme;
  /** The bytes of a picture by the `src` the deck names; undefined: shown as its alt text. */
  readonly image?: (src: string) => PptxImage | undefined;
  /** PNGs of the slides `pictureSlides` named, by 0-based slide index. */
  readonly pictures?: ReadonlyMap<number, Uint8Array>;
  /** The date the file says it was made (SOURCE_DATE_EPOCH): the same deck then gives the same bytes. */
  readonly date?: Date;
}

/** The written presentation. */
export interface PptxResult {
  readonly bytes: Uint8Array;
  readonly slides: number;
  /** Slides written as a picture of the slide. */
  readonly pictures: number;
}

/**
 * Code is set in Consolas, the monospace every PowerPoint installation has (Office ships it on
 * Windows and macOS; LibreOffice substitutes a monospace for it): the deck's JetBrains Mono is
 * rarely on a conference machine, and PowerPoint would put a proportional font in its place.
 */
const CODE_FONT = 'Consolas';

const RASTER = /^(image\/png|image\/jpeg|image\/gif)$/;
const PX_PER_IN = 96;
const inch = (px: number): number => px / PX_PER_IN;
const pt = (px: number): number => Math.round(px * 0.75 * 100) / 100;

/**
 * The 0-based indexes of the slides that need a picture: an embed or other raw HTML, or a picture
 * PowerPoint cannot show (SVG, WebP, a remote URL) — `image` says which pictures the caller can give.
 */
export function pictureSlides(deck: Deck, image: (src: string) => PptxImage | undefined = () => undefined, missing: (src: string) => boolean = () => false): number[] {
  const out: number[] = [];
  deck.stacks.flat().forEach((slide, index) => {
    // Math (KaTeX in the deck) has no faithful PowerPoint form here: its slide is a picture too.
    if (slide.parts.some((p) => partNeedsPicture(p, image, missing)) || hasMath([slide.title, slide.kicker, slide.parts])) out.push(index);
  });
  return out;
}

/** Whether any node in `value` (inlines, blocks, parts) is math. */
function hasMath(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasMath);
  if (value === null || typeof value !== 'object') return false;
  if ((value as { type?: unknown }).type === 'math') return true;
  return Object.values(value).some(hasMath);
}

function partNeedsPicture(part: SlidePart, image: (src: string) => PptxImage | undefined, missing: (src: string) => boolean): boolean {
  if (part.type === 'row') return part.parts.some((p) => partNeedsPicture(p, image, missing));
  // A diagram is drawn by mermaid in the page.
  if (part.type === 'diagram') return true;
  if (part.type !== 'block') return false;
  return blockNeedsPicture(part.block, image, missing);
}

function blockNeedsPicture(block: Block, image: (src: string) => PptxImage | undefined, missing: (src: string) => boolean): boolean {
  switch (block.type) {
    case 'html':
    case 'math':
      return true;
    case 'image': {
      if (missing(block.src)) return false;
      const found = image(block.src);
      return found === undefined || !RASTER.test(found.mime);
    }
    case 'quote':
    case 'callout':
      return block.blocks.some((b) => blockNeedsPicture(b, image, missing));
    case 'list':
      return block.items.some((i) => i.blocks.some((b) => blockNeedsPicture(b, image, missing)));
    default:
      return false;
  }
}

/** Write `deck` as a PPTX, in memory. */
export async function deckToPptx(deck: Deck, inputs: PptxInputs): Promise<PptxResult> {
  const loaded = require('pptxgenjs') as { default?: new () => Pptx } | (new () => Pptx);
  const Ctor = typeof loaded === 'function' ? loaded : loaded.default!;
  const pptx = new Ctor();
  const { meta } = deck;
  pptx.defineLayout({ name: 'LECTERN', width: inch(meta.width), height: inch(meta.height) });
  pptx.layout = 'LECTERN';
  pptx.title = meta.title;
  if (meta.author !== undefined) pptx.author = meta.author;
  if (meta.description !== undefined) pptx.subject = meta.description;
  pptx.company = 'Lectern';
  const theme = inputs.theme;
  const fonts = { body: theme.font('--r-main-font', 'Arial'), heading: theme.font('--r-heading-font', 'Arial'), code: CODE_FONT };
  pptx.theme = { headFontFace: fonts.heading, bodyFontFace: fonts.body };
  const slides = deck.stacks.flat();
  // `#/<id>` links inside the deck go to the slide (its aliases too), numbered from 1.
  const slideNumbers = new Map<string, number>();
  slides.forEach((s, i) => {
    for (const id of [s.id, ...(s.aliases ?? [])]) if (!slideNumbers.has(id)) slideNumbers.set(id, i + 1);
  });
  const geometry = slideGeometry({ width: meta.width, height: meta.height, theme: meta.theme });
  const ctx: Ctx = { pptx, theme, fonts, geometry, slideNumbers, image: inputs.image ?? (() => undefined) };
  let pictures = 0;
  for (const [index, slide] of slides.entries()) {
    const s = pptx.addSlide();
    s.background = { color: theme.color('--r-background-color', 'FFFFFF') };
    const picture = inputs.pictures?.get(index);
    if (picture !== undefined) {
      s.addImage({ data: dataUrl(picture, 'image/png'), x: 0, y: 0, w: inch(meta.width), h: inch(meta.height), altText: slide.title ? plainText(slide.title) : meta.title });
      pictures++;
    } else {
      drawSlide(s, slide, ctx);
    }
    const notes = notesText(slide.notes);
    if (notes !== '') s.addNotes(notes);
  }
  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const bytes = touchPptx(written, { monospace: [CODE_FONT], bulletColor: theme.color('--lectern-accent', theme.color('--r-main-color')), ...(inputs.date === undefined ? {} : { date: inputs.date }) });
  return { bytes, slides: slides.length, pictures };
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
  readonly pptx: Pptx;
  readonly theme: ExportTheme;
  readonly fonts: { readonly body: string; readonly heading: string; readonly code: string };
  readonly geometry: SlideGeometry;
  readonly slideNumbers: ReadonlyMap<string, number>;
  readonly image: (src: string) => PptxImage | undefined;
}

/** A text style for runs: size in px, colour, weight, slant. */
interface RunStyle {
  readonly px: number;
  readonly color: Hex;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly font?: string;
}

const CENTRED = new Set(['title', 'statement', 'closing', 'section']);

function drawSlide(s: PptxSlide, slide: Slide, ctx: Ctx): void {
  const g = ctx.geometry;
  const { scale } = g;
  const imageSize = (src: string): { width: number; height: number } | null | undefined => {
    const img = ctx.image(src);
    if (img === undefined) return null;
    return img.width !== undefined && img.height !== undefined ? { width: img.width, height: img.height } : undefined;
  };
  const box = measureSlide(slide, g, { imageSize });
  const centred = CENTRED.has(slide.kind);
  let y = scale.slidePadY + (centred ? Math.max(0, (g.contentHeight - box.height) / 2) : 0);
  const x = scale.slidePadX;
  const w = g.contentWidth;
  const align = centred ? 'center' : 'left';
  if (box.title !== undefined && slide.title !== undefined) {
    drawTitle(s, slide, ctx, x, y, w, box.title.height, align);
    y += box.title.height + box.title.marginBottom;
  }
  const gap = bodyGap(g);
  slide.parts.forEach((part, i) => {
    const h = box.parts[i]?.height ?? 0;
    if (h <= 0) return;
    drawPart(s, part, slide, ctx, g, x, y, w, h, align);
    y += h + gap;
  });
}

function drawTitle(s: PptxSlide, slide: Slide, ctx: Ctx, x: number, y: number, w: number, h: number, align: 'left' | 'center'): void {
  const g = ctx.geometry;
  const hs = g.scale.heading;
  const level = slide.kind === 'title' ? 1 : 2;
  const px = g.scale.bodyPx * (level === 1 ? hs.h1Em : slide.kind === 'section' ? hs.h1Em * hs.sectionFactor : hs.h2Em);
  const heading = ctx.theme.color('--r-heading-color', '000000');
  const runs: TextProps[] = [];
  if (slide.kicker !== undefined) {
    const k = g.scale.kicker;
    const kpx = Math.max(g.scale.textFloorPx, g.scale.bodyPx * k.em);
    runs.push(...inlineRuns(slide.kicker.inlines, ctx, { px: kpx, color: ctx.theme.color('--lectern-muted'), bold: true }, { align, lineSpacing: pt(kpx * k.lineHeight), paraSpaceAfter: pt(k.marginEm * kpx) }));
    endParagraph(runs);
  }
  const titleOpts: TextOptions = { align, lineSpacing: pt(px * hs.lineHeight) };
  runs.push(...inlineRuns(slide.title ?? [], ctx, { px, color: heading, bold: true, font: ctx.fonts.heading }, titleOpts));
  if (slide.continued) runs.push({ text: ` (${slide.continued.index}/${slide.continued.total})`, options: { ...titleOpts, fontSize: pt(px * hs.continuedEm), color: ctx.theme.color('--lectern-muted'), bold: false } });
  // Named `Title`: made the slide's title placeholder (export/ooxml.ts), for PowerPoint's outline,
  // slide list and accessibility checker.
  s.addText(runs, { ...boxOptions(x, y, w, h), charSpacing: pt(px * hs.letterSpacingEm), objectName: 'Title' });
  // A theme that draws a rule under titles (eventlet): its gradient's first colour.
  const ruleEm = level === 1 ? hs.h1RuleEm : hs.h2RuleEm;
  if (ruleEm > 0 && slide.kind !== 'statement') {
    const ruleH = (level === 1 ? 0.07 : 0.09) * px;
    const ruleW = (level === 1 ? 3 : 2.2) * px;
    const rx = align === 'center' ? x + (w - ruleW) / 2 : x;
    const color = ctx.theme.color('--lectern-gradient-prev', ctx.theme.color('--lectern-accent'));
    s.addShape(ctx.pptx.ShapeType.rect, { x: inch(rx), y: inch(y + h - ruleH), w: inch(ruleW), h: inch(ruleH), fill: { color } });
  }
}

function drawPart(s: PptxSlide, part: SlidePart, slide: Slide, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number, align: 'left' | 'center'): void {
  const main = ctx.theme.color('--r-main-color', '000000');
  const body = g.bodyPx;
  const lh = g.scale.lineHeight;
  switch (part.type) {
    case 'points': {
      const lone = slide.kind === 'content' && slide.parts.length === 1 && part.items.length === 1;
      const px = lone ? body * g.scale.text.lonePointEm : body;
      drawBullets(s, part.items.map((inlines) => ({ inlines, depth: 0 })), false, ctx, { px, color: main }, x, y, w, h, g.scale.list.pointMarginEm * px);
      return;
    }
    case 'text': {
      if (slide.kind === 'statement') {
        const t = g.scale.text;
        const px = body * t.statementEm;
        const tw = w * t.statementMaxWidth;
        const opts: TextOptions = { align: 'center', lineSpacing: pt(px * t.statementLineHeight) };
        s.addText(inlineRuns(part.inlines, ctx, { px, color: ctx.theme.color('--lectern-statement-color', main), bold: true }, opts), boxOptions(x + (w - tw) / 2, y, tw, h));
        return;
      }
      const share = slide.kind === 'title' ? g.scale.text.subtitleMaxWidth : 1;
      const tw = w * share;
      s.addText(inlineRuns(part.inlines, ctx, { px: body, color: main }, { align, lineSpacing: pt(body * lh) }), boxOptions(x + (w - tw) / 2, y, tw, h));
      return;
    }
    case 'code':
      drawCode(s, part, ctx, g, x, y, w, h);
      return;
    case 'block':
      drawBlock(s, part.block, ctx, g, x, y, w, h, align);
      return;
    case 'byline': {
      const muted = ctx.theme.color('--lectern-muted');
      let at = y;
      if (part.description) {
        const d = measurePart({ type: 'byline', description: part.description }, slide, g)[0]?.height ?? body * lh;
        s.addText([{ text: part.description, options: { fontSize: pt(body), color: main, align, lineSpacing: pt(body * lh) } }], boxOptions(x, at, w, d));
        at += d + bodyGap(g);
      }
      const words = [part.author, part.date].filter((v): v is string => v !== undefined && v !== '');
      if (words.length > 0) {
        const px = Math.max(g.scale.textFloorPx, body * g.scale.text.bylineEm);
        s.addText([{ text: words.join(' · '), options: { fontSize: pt(px), color: muted, align, lineSpacing: pt(px * lh) } }], boxOptions(x, at, w, Math.max(px * lh, y + h - at)));
      }
      return;
    }
    case 'nav':
      drawNav(s, part, slide, ctx, g, x, y, w, h);
      return;
    case 'diagram':
      // Reached only without a picture of the slide: the diagram's source, so nothing is lost.
      drawCode(s, { type: 'code', lang: 'plaintext', code: part.code, firstLine: 1, scale: 1, ...(part.caption === undefined ? {} : { caption: part.caption }) }, ctx, g, x, y, w, h);
      return;
    case 'row': {
      const gap = g.scale.row.gapEm * body;
      const n = Math.max(1, part.parts.length);
      const cw = (w - gap * (n - 1)) / n;
      const share: SlideGeometry = { ...g, contentWidth: cw };
      part.parts.forEach((p, i) => {
        let at = y;
        const boxes = measurePart(p, slide, share);
        const ph = boxes.reduce((sum, b) => sum + b.height, 0) + gap * Math.max(0, boxes.length - 1);
        drawPart(s, p, slide, ctx, share, x + i * (cw + gap), at, cw, ph, 'left');
        at += ph;
      });
      return;
    }
    case 'url': {
      const u = g.scale.url;
      const px = Math.max(g.scale.textFloorPx, body * u.em);
      let at = y;
      if (part.qr) {
        const png = qrPng(part.url);
        const qx = align === 'center' ? x + (w - u.qrPx) / 2 : x;
        if (png !== undefined) s.addImage({ data: dataUrl(png, 'image/png'), x: inch(qx), y: inch(at), w: inch(u.qrPx), h: inch(u.qrPx), altText: `QR code: ${part.url}` });
        at += u.qrPx + bodyGap(g);
      }
      const link = ctx.theme.color('--r-link-color');
      s.addText([{ text: part.url, options: { fontSize: pt(px), color: link, align, hyperlink: { url: part.url } } }], boxOptions(x, at, w, Math.max(px * lh, y + h - at)));
      return;
    }
    default:
      assertNever(part);
  }
}

function drawCode(s: PptxSlide, part: Extract<SlidePart, { type: 'code' }>, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number): void {
  const gap = g.scale.code.figureGapEm * g.bodyPx;
  let at = y;
  if (part.caption !== undefined && part.caption.length > 0) {
    const c = g.scale.caption;
    const px = Math.max(g.scale.textFloorPx, g.bodyPx * c.em);
    const ch = measureCaption(part.caption, g).height;
    s.addText(inlineRuns(part.caption, ctx, { px, color: ctx.theme.color('--lectern-muted') }, { lineSpacing: pt(px * c.lineHeight) }), boxOptions(x, at, w, ch));
    at += ch + gap;
  }
  if (part.title !== undefined && part.title !== '') {
    const th = g.bodyPx * g.scale.lineHeight;
    s.addText([{ text: part.title, options: { fontSize: pt(g.bodyPx), color: ctx.theme.color('--r-main-color'), fontFace: ctx.fonts.body } }], boxOptions(x, at, w, th));
    at += th + gap;
  }
  drawCodePanel(s, part.code, part.lang ?? part.inferred, codePx(part.scale, g), ctx, g, x, at, w, Math.max(0, y + h - at));
}

/** A code panel: the theme's code background and border, the code as coloured runs, one paragraph a line. */
function drawCodePanel(s: PptxSlide, code: string, lang: string | undefined, px: number, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number): void {
  const c = g.scale.code;
  const fg = ctx.theme.color('--lectern-code-fg');
  const border = ctx.theme.color('--lectern-code-border', fg);
  const lines = codeRuns(code, lang, ctx.theme, c.tabSize);
  const runs: TextProps[] = [];
  const lineOpts: TextOptions = { lineSpacing: pt(px * c.lineHeight) };
  for (const line of lines) {
    if (line.length === 0) runs.push({ text: ' ', options: { ...lineOpts, fontSize: pt(px), color: fg, fontFace: ctx.fonts.code } });
    for (const run of line) {
      runs.push({ text: run.text, options: { ...lineOpts, fontSize: pt(px), fontFace: ctx.fonts.code, color: run.color ?? fg, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) } });
    }
    endParagraph(runs);
  }
  const padY = c.padYEm * px;
  const padX = c.padXEm * px;
  s.addText(runs, {
    x: inch(x),
    y: inch(y),
    w: inch(w),
    h: inch(h),
    margin: [pt(padY), pt(padX), pt(padY), pt(padX)],
    valign: 'top',
    wrap: true,
    fit: 'none',
    fill: { color: ctx.theme.color('--lectern-code-bg') },
    line: { color: border, width: 0.75 },
    rectRadius: 0.05,
    shape: ctx.pptx.ShapeType.roundRect,
    objectName: 'Code',
  });
}

function drawBlock(s: PptxSlide, block: Block, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number, align: 'left' | 'center'): void {
  const main = ctx.theme.color('--r-main-color', '000000');
  const body = g.bodyPx;
  switch (block.type) {
    case 'paragraph':
      s.addText(inlineRuns(block.inlines, ctx, { px: body, color: main }, { align, lineSpacing: pt(body * g.scale.lineHeight) }), boxOptions(x, y, w, h));
      return;
    case 'list':
      drawBullets(s, listItems(block.items, 0), block.ordered, ctx, { px: body, color: main }, x, y, w, h, g.scale.list.itemMarginEm * body, block.start);
      return;
    case 'code':
      drawCodePanel(s, block.code, block.lang ?? block.inferred, codePx(1, g), ctx, g, x, y, w, h);
      return;
    case 'quote': {
      const q = g.scale.quote;
      const bar = q.borderEm * body;
      s.addShape(ctx.pptx.ShapeType.rect, { x: inch(x), y: inch(y), w: inch(bar), h: inch(h), fill: { color: ctx.theme.color('--lectern-quote-border') } });
      const runs = blocksRuns(block.blocks, ctx, { px: body, color: main, italic: true }, g);
      s.addText(runs, boxOptions(x + bar + q.padLeftEm * body, y + q.padYEm * body, w - bar - q.padLeftEm * body, h - 2 * q.padYEm * body));
      return;
    }
    case 'table':
      drawTable(s, block, ctx, g, x, y, w, h);
      return;
    case 'image':
      drawImage(s, block, ctx, g, x, y, w, h);
      return;
    case 'callout': {
      const co = g.scale.callout;
      const px = Math.max(g.scale.textFloorPx, body * co.em);
      const accent = calloutAccent(block.kind, ctx.theme);
      const bar = co.borderEm * px;
      s.addShape(ctx.pptx.ShapeType.rect, { x: inch(x), y: inch(y), w: inch(w), h: inch(h), fill: { color: ctx.theme.color('--lectern-callout-bg') } });
      s.addShape(ctx.pptx.ShapeType.rect, { x: inch(x), y: inch(y), w: inch(bar), h: inch(h), fill: { color: accent } });
      const runs: TextProps[] = [];
      const title = block.title !== undefined && block.title.length > 0 ? block.title : TITLED.has(block.kind) ? [{ type: 'text' as const, text: block.kind.charAt(0).toUpperCase() + block.kind.slice(1) }] : [];
      if (title.length > 0) {
        runs.push(...inlineRuns(title, ctx, { px, color: accent, bold: true }, { lineSpacing: pt(px * g.scale.lineHeight), paraSpaceAfter: pt(co.childGapEm * px) }));
        endParagraph(runs);
      }
      runs.push(...blocksRuns(block.blocks, ctx, { px, color: main }, g));
      const padX = co.padXEm * px;
      const padY = co.padYEm * px;
      s.addText(runs, boxOptions(x + bar + padX, y + padY, w - bar - 2 * padX, h - 2 * padY));
      return;
    }
    case 'html': {
      // Reached only without a picture of the slide: the embed's text, so nothing is lost.
      const px = Math.max(g.scale.textFloorPx, body * g.scale.htmlEm);
      s.addText([{ text: block.text, options: { fontSize: pt(px), color: main } }], boxOptions(x, y, w, h));
      return;
    }
    case 'math': {
      // Reached only without a picture of the slide: the TeX source.
      s.addText([{ text: block.tex, options: { fontSize: pt(body), color: main, fontFace: ctx.fonts.code } }], boxOptions(x, y, w, h));
      return;
    }
    case 'rule':
      s.addShape(ctx.pptx.ShapeType.line, { x: inch(x), y: inch(y + h / 2), w: inch(w), h: 0, line: { color: ctx.theme.color('--lectern-rule', main), width: 0.75 } });
      return;
    case 'directive':
      return;
    default:
      assertNever(block);
  }
}

const TITLED = new Set(['note', 'tip', 'hint', 'info', 'todo', 'important', 'warning', 'caution', 'attention', 'danger', 'error', 'success', 'check', 'done', 'failure', 'fail', 'missing', 'bug', 'example', 'quote', 'cite', 'abstract', 'summary', 'tldr', 'question', 'help', 'faq', 'seealso', 'pitfall', 'deprecated']);

function calloutAccent(kind: string, theme: ExportTheme): Hex {
  if (kind === 'tip' || kind === 'success') return theme.color('--lectern-callout-tip');
  if (kind === 'warning' || kind === 'caution') return theme.color('--lectern-callout-warning');
  if (kind === 'danger' || kind === 'important') return theme.color('--lectern-callout-danger');
  return theme.color('--lectern-callout-note');
}

function drawTable(s: PptxSlide, block: Extract<Block, { type: 'table' }>, ctx: Ctx, g: SlideGeometry, x: number, _y: number, w: number, _h: number): void {
  const t = g.scale.table;
  const px = Math.max(g.scale.textFloorPx, g.bodyPx * t.em);
  const main = ctx.theme.color('--r-main-color', '000000');
  const rule = ctx.theme.color('--lectern-rule', main);
  const padY = pt(t.padYEm * px);
  const padX = pt(t.padXEm * px);
  const cell = (inlines: readonly Inline[], i: number, head: boolean): TableCell => ({
    text: inlineRuns(inlines, ctx, { px, color: main, bold: head }, {}),
    options: {
      align: block.align[i] ?? 'left',
      valign: 'top',
      margin: [padY, padX, padY, padX],
      border: [{ type: 'none' }, { type: 'none' }, { type: 'solid', color: rule, pt: 0.75 }, { type: 'none' }],
      ...(head ? { fill: { color: ctx.theme.color('--lectern-table-head-bg') } } : {}),
    },
  });
  const rows: TableRow[] = [];
  if (block.header.length > 0) rows.push(block.header.map((c, i) => cell(c, i, true)));
  for (const r of block.rows) rows.push(r.map((c, i) => cell(c, i, false)));
  if (rows.length === 0) return;
  // The columns as the deck's CSS lays the table out (auto layout over the deck's fonts).
  const measured = measureTable(block, bodyFlow(g));
  const cols = Math.max(...rows.map((r) => r.length));
  // 15 % more than Inter needs: a machine without the deck's font sets a wider one, and a word
  // cut inside a narrow column reads worse than a table a little wider than the deck's.
  const widths = (measured.columns.length === cols ? measured.columns : Array.from({ length: cols }, () => Math.min(w, measured.width) / cols)).map((c) => c * 1.15);
  const scaleDown = Math.min(1, w / widths.reduce((a, b) => a + b, 0));
  const colW = widths.map((c) => inch(c * scaleDown));
  const width = colW.reduce((a, b) => a + b, 0);
  s.addTable(rows, { x: inch(x), y: inch(_y), w: width, colW, fontSize: pt(px), fontFace: ctx.fonts.body, color: main, autoPage: false });
}

function drawImage(s: PptxSlide, block: Extract<Block, { type: 'image' }>, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number): void {
  const img = ctx.image(block.src);
  const main = ctx.theme.color('--r-main-color', '000000');
  const captionPx = Math.max(g.scale.textFloorPx, g.bodyPx * g.scale.image.captionEm);
  const captionH = block.caption !== undefined && block.caption.length > 0 ? captionPx * g.scale.lineHeight : 0;
  const room = h - (captionH > 0 ? captionH + g.scale.image.gapEm * g.bodyPx : 0);
  if (img === undefined || !RASTER.test(img.mime)) {
    s.addText([{ text: block.alt, options: { fontSize: pt(g.bodyPx), color: main } }], boxOptions(x, y, w, Math.max(room, g.bodyPx)));
  } else {
    const maxH = Math.min(room, g.scale.image.maxHeightShare * g.height);
    const nw = img.width ?? w;
    const nh = img.height ?? maxH;
    const ratio = Math.min(1, w / nw, maxH / nh);
    const iw = nw * ratio;
    const ih = nh * ratio;
    s.addImage({ data: dataUrl(img.data, img.mime), x: inch(x + (w - iw) / 2), y: inch(y), w: inch(iw), h: inch(ih), altText: block.alt });
  }
  if (captionH > 0) {
    s.addText(inlineRuns(block.caption ?? [], ctx, { px: captionPx, color: ctx.theme.color('--lectern-muted') }, { align: 'center' }), boxOptions(x, y + h - captionH, w, captionH));
  }
}

function drawNav(s: PptxSlide, part: Extract<SlidePart, { type: 'nav' }>, slide: Slide, ctx: Ctx, g: SlideGeometry, x: number, y: number, w: number, h: number): void {
  const n = g.scale.nav;
  const px = Math.max(g.scale.textFloorPx, g.bodyPx * n.em);
  const closing = slide.kind === 'closing';
  const top = y + (closing ? n.closingMarginTopEm : n.marginTopEm) * g.bodyPx;
  const bh = Math.min(h, px * n.lineHeight + 2 * n.padYEm * px);
  const gap = (closing ? n.closingGapEm : n.gapEm) * g.bodyPx;
  const widths = part.links.map((l) => Math.min(w, (plainText(l.children).length + 2) * px * 0.55 + 2 * n.padXEm * px));
  const total = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1);
  let at = closing ? x + Math.max(0, (w - total) / 2) : x;
  part.links.forEach((link, i) => {
    const bw = widths[i]!;
    const bx = !closing && link.rel === 'next' ? x + w - bw : at;
    const label = link.rel === 'prev' ? `← ${plainText(link.children)}` : link.rel === 'next' ? `${plainText(link.children)} →` : plainText(link.children);
    const bg = ctx.theme.color(link.rel === 'next' ? '--lectern-nav-next-bg' : '--lectern-nav-prev-bg');
    const fg = ctx.theme.color(link.rel === 'next' ? '--lectern-nav-next-fg' : '--lectern-nav-prev-fg');
    const href = linkTarget(link.href, ctx);
    s.addText([{ text: label, options: { fontSize: pt(px), bold: true, color: fg, ...(href === undefined ? {} : { hyperlink: href }) } }], {
      x: inch(bx),
      y: inch(top),
      w: inch(bw),
      h: inch(bh),
      shape: ctx.pptx.ShapeType.roundRect,
      rectRadius: 0.08,
      fill: { color: bg },
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
    at += bw + gap;
  });
}

// ---------------------------------------------------------------------------------------------
// Text

interface BulletItem {
  readonly inlines: readonly Inline[];
  readonly depth: number;
}

function listItems(items: readonly ListItem[], depth: number): BulletItem[] {
  const out: BulletItem[] = [];
  for (const item of items) {
    out.push({ inlines: item.checked === undefined ? item.inlines : [{ type: 'text', text: item.checked ? '☑ ' : '☐ ' }, ...item.inlines], depth });
    for (const b of item.blocks) {
      if (b.type === 'list') out.push(...listItems(b.items, depth + 1));
      else if (b.type === 'paragraph') out.push({ inlines: b.inlines, depth: depth + 1 });
      else if (b.type === 'code') out.push({ inlines: [{ type: 'code', text: b.code }], depth: depth + 1 });
    }
  }
  return out;
}

function drawBullets(s: PptxSlide, items: readonly BulletItem[], ordered: boolean, ctx: Ctx, style: RunStyle, x: number, y: number, w: number, h: number, spaceAfterPx: number, start?: number): void {
  const g = ctx.geometry;
  const l = g.scale.list;
  const runs: TextProps[] = [];
  items.forEach((item) => {
    const px = item.depth > 0 ? Math.max(g.scale.textFloorPx, style.px * l.nestedEm) : style.px;
    const bullet: TextOptions['bullet'] = ordered && item.depth === 0 ? { type: 'number', indent: pt(l.indentEm * style.px), ...(start !== undefined && start !== 1 ? { numberStartAt: start } : {}) } : { indent: pt(l.indentEm * px) };
    runs.push(...inlineRuns(item.inlines, ctx, { ...style, px }, { bullet, indentLevel: item.depth, lineSpacing: pt(px * l.lineHeight), paraSpaceAfter: pt(spaceAfterPx) }));
    endParagraph(runs);
  });
  s.addText(runs, boxOptions(x, y, w, h));
}

/** The blocks of a quote or callout as paragraphs of runs. */
function blocksRuns(blocks: readonly Block[], ctx: Ctx, style: RunStyle, g: SlideGeometry): TextProps[] {
  const runs: TextProps[] = [];
  const para: TextOptions = { lineSpacing: pt(style.px * g.scale.lineHeight), paraSpaceAfter: pt(0.35 * style.px) };
  for (const b of blocks) {
    if (b.type === 'paragraph') runs.push(...inlineRuns(b.inlines, ctx, style, para));
    else if (b.type === 'list') {
      for (const item of listItems(b.items, 0)) {
        runs.push(...inlineRuns(item.inlines, ctx, style, { ...para, bullet: b.ordered ? { type: 'number' } : true, indentLevel: item.depth }));
        endParagraph(runs);
      }
      continue;
    } else if (b.type === 'code') {
      for (const line of codeRuns(b.code, b.lang, ctx.theme)) {
        runs.push(...(line.length === 0 ? [{ text: ' ' }] : line).map((r) => ({ text: r.text, options: { ...para, fontFace: ctx.fonts.code, fontSize: pt(style.px * 0.85), color: ('color' in r && r.color) || ctx.theme.color('--lectern-code-fg') } })));
        endParagraph(runs);
      }
      continue;
    } else {
      const text = plainText([{ type: 'text', text: blockPlain(b) }]);
      if (text === '') continue;
      runs.push({ text, options: { ...para, fontSize: pt(style.px), color: style.color } });
    }
    endParagraph(runs);
  }
  return runs;
}

/** Runs for inline content, with `paragraph` options on each (pptxgenjs reads them from a paragraph's runs). */
function inlineRuns(inlines: readonly Inline[], ctx: Ctx, style: RunStyle, paragraph: TextOptions): TextProps[] {
  const out: TextProps[] = [];
  const walk = (nodes: readonly Inline[], st: RunStyle & { strike?: boolean; link?: TextOptions['hyperlink'] }): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          if (node.text !== '') out.push({ text: oneLineText(node.text), options: runOptions(st, paragraph, ctx) });
          break;
        case 'code':
          // Inline code as blocks.css draws it: the code colours (a link's colour stays a link's).
          out.push({
            text: oneLineText(node.text),
            options: {
              ...runOptions({ ...st, font: ctx.fonts.code, px: Math.max(ctx.geometry.scale.textFloorPx, st.px * ctx.geometry.scale.inlineCode.em), ...(st.link === undefined ? { color: ctx.theme.color('--lectern-code-fg', st.color) } : {}) }, paragraph, ctx),
              highlight: ctx.theme.color('--lectern-code-bg'),
            },
          });
          break;
        case 'strong':
          walk(node.children, { ...st, bold: true });
          break;
        case 'em':
          walk(node.children, { ...st, italic: true });
          break;
        case 'del':
          walk(node.children, { ...st, strike: true });
          break;
        case 'link': {
          const target = linkTarget(node.href, ctx);
          walk(node.children, { ...st, color: ctx.theme.color('--r-link-color', st.color), ...(target === undefined ? {} : { link: target }) });
          break;
        }
        case 'image':
          if (node.alt !== '') out.push({ text: node.alt, options: runOptions(st, paragraph, ctx) });
          break;
        case 'break':
          out.push({ text: ' ', options: runOptions(st, paragraph, ctx) });
          break;
        case 'math':
          // Reached only without a picture of the slide: the TeX source, in italics.
          out.push({ text: oneLineText(node.tex), options: runOptions({ ...st, italic: true }, paragraph, ctx) });
          break;
        case 'footnote':
          out.push({ text: String(node.number), options: { ...runOptions(st, paragraph, ctx), superscript: true } });
          break;
        default:
          assertNever(node);
      }
    }
  };
  walk(inlines, style);
  if (out.length === 0) out.push({ text: ' ', options: runOptions(style, paragraph, ctx) });
  // pptxgenjs starts a paragraph at every run that has a bullet: only the first run keeps it.
  if (paragraph.bullet !== undefined) {
    for (let i = 1; i < out.length; i++) {
      const { bullet: _bullet, ...rest } = out[i]!.options ?? {};
      out[i] = { ...out[i]!, options: rest };
    }
  }
  return out;
}

function runOptions(st: RunStyle & { strike?: boolean; link?: TextOptions['hyperlink'] }, paragraph: TextOptions, ctx: Ctx): TextOptions {
  return {
    ...paragraph,
    fontSize: pt(st.px),
    color: st.color,
    fontFace: st.font ?? ctx.fonts.body,
    ...(st.bold ? { bold: true } : {}),
    ...(st.italic ? { italic: true } : {}),
    ...(st.strike ? { strike: 'sngStrike' as const } : {}),
    ...(st.link === undefined ? {} : { hyperlink: st.link }),
  };
}

/** Where a link goes in the PPTX: another slide (`#/id`), a web or mail address, or nowhere (a relative path). */
function linkTarget(href: string, ctx: Ctx): TextOptions['hyperlink'] | undefined {
  if (href.startsWith('#/')) {
    const n = ctx.slideNumbers.get(decodeURIComponent(href.slice(2).split('/')[0] ?? ''));
    return n === undefined ? undefined : { slide: n };
  }
  if (/^(https?:|mailto:)/i.test(href)) return { url: href };
  return undefined;
}

/** Mark the last run as the end of its paragraph. */
function endParagraph(runs: TextProps[]): void {
  const last = runs.at(-1);
  if (last !== undefined) runs[runs.length - 1] = { ...last, options: { ...last.options, breakLine: true } };
}

function boxOptions(x: number, y: number, w: number, h: number): TextOptions {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(Math.max(h, 1)), margin: 0, valign: 'top', wrap: true, fit: 'none', isTextBox: true };
}

/** Text in a run: no line breaks of its own (pptxgenjs would start paragraphs at them). */
function oneLineText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Notes

/** Speaker notes as plain text: paragraphs apart, list items bulleted, code as written. */
export function notesText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => blockPlain(b))
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

function blockPlain(block: Block, depth = 0): string {
  const indent = '  '.repeat(depth);
  switch (block.type) {
    case 'paragraph':
      return oneLineText(plainText(block.inlines)).trim();
    case 'list':
      return block.items
        .map((item, i) => {
          const mark = block.ordered ? `${(block.start ?? 1) + i}.` : '•';
          const own = `${indent}${mark} ${oneLineText(plainText(item.inlines)).trim()}`;
          const nested = item.blocks.map((b) => blockPlain(b, depth + 1)).filter((t) => t !== '');
          return [own, ...nested].join('\n');
        })
        .join('\n');
    case 'code':
      return block.code;
    case 'quote':
    case 'callout': {
      const title = block.type === 'callout' && block.title !== undefined ? oneLineText(plainText(block.title)) : '';
      const inner = block.blocks.map((b) => blockPlain(b, depth)).filter((t) => t !== '');
      return [title, ...inner].filter((t) => t !== '').join('\n');
    }
    case 'table':
      return [block.header, ...block.rows].filter((r) => r.length > 0).map((r) => r.map((c) => oneLineText(plainText(c))).join(' | ')).join('\n');
    case 'image':
      return block.alt;
    case 'html':
      return block.text.trim();
    case 'math':
      return block.tex;
    case 'directive':
      return block.name === 'notes' && block.text !== undefined ? block.text : '';
    case 'rule':
      return '';
    default:
      return assertNever(block);
  }
}

// ---------------------------------------------------------------------------------------------

function dataUrl(bytes: Uint8Array, mime: string): string {
  return `${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

let qrcode: typeof import('qrcode') | undefined;

/** The QR code of a URL as a PNG drawn at build time (no browser), as the deck's SVG one reads. */
function qrPng(text: string): Uint8Array | undefined {
  qrcode ??= require('qrcode') as typeof import('qrcode');
  try {
    const { modules } = qrcode.create(text, { errorCorrectionLevel: 'M' });
    return pngOfModules(modules.size, (r, c) => Boolean(modules.get(r, c)));
  } catch {
    return undefined;
  }
}

/** A black-on-white PNG of a QR matrix with a 4-module quiet zone, 8 px a module (zlib from Node). */
function pngOfModules(size: number, dark: (row: number, col: number) => boolean): Uint8Array {
  const { deflateSync, crc32 } = require('node:zlib') as typeof import('node:zlib') & { crc32?: (data: Uint8Array) => number };
  const quiet = 4;
  const scale = 8;
  const n = (size + 2 * quiet) * scale;
  const raw = Buffer.alloc((n + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n + 1)] = 0;
    for (let x = 0; x < n; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      const on = r >= 0 && c >= 0 && r < size && c < size && dark(r, c);
      raw[y * (n + 1) + 1 + x] = on ? 0 : 255;
    }
  }
  const crc = crc32 ?? crc32Fallback;
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body) >>> 0);
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32Fallback(data: Uint8Array): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c;
}
