/**
 * Touches to the PPTX pptxgenjs writes, on the zipped bytes (fflate), so PowerPoint opens it
 * without a "repair" prompt and it says what the deck says:
 *
 * - a paragraph's properties (`<a:pPr>`) only once, first: pptxgenjs 4 repeats them before every
 *   run of a paragraph of several runs, which the schema forbids (pptxgenjs PR #1083);
 * - a slide background's `<p:bgPr>` gets the `<a:effectLst/>` the schema requires (pptxgenjs #1442);
 * - the title text box as the slide's title placeholder (`<p:ph type="title"/>`), so PowerPoint's
 *   outline, slide list and accessibility checker see each slide's title;
 * - bullets in the theme's accent colour (the deck's `li::marker`; pptxgenjs has no option for it);
 * - the code font marked fixed-pitch (pptxgenjs marks every font proportional), so that where it is
 *   missing the substitute is a monospace too;
 * - with a `date` (SOURCE_DATE_EPOCH), the document's dates and every zip entry's time are that
 *   date, so two runs give the same bytes.
 * Pure.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** What to change besides the schema fixes. */
export interface OoxmlTouches {
  /** Fonts to mark as fixed-pitch (`pitchFamily` 49: modern, fixed), so a machine without them substitutes a monospace. */
  readonly monospace?: readonly string[];
  /** Bullet colour, six hex digits. */
  readonly bulletColor?: string;
  /** The date the file says it was made (and its zip entries' times). */
  readonly date?: Date;
}

/** The PPTX `bytes` with the fixes above. */
export function touchPptx(bytes: Uint8Array, touches: OoxmlTouches = {}): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  // Entries in the writer's order, [Content_Types].xml first as Office expects.
  for (const [name, data] of Object.entries(files)) {
    let content: Uint8Array = data;
    if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) content = strToU8(fixSlideXml(strFromU8(data), touches));
    else if (name === 'docProps/core.xml' && touches.date !== undefined) content = strToU8(fixCoreDates(strFromU8(data), touches.date));
    out[name] = touches.date === undefined ? content : [content, { mtime: touches.date }];
  }
  return zipSync(out, { level: 6, ...(touches.date === undefined ? {} : { mtime: touches.date }) });
}

/** One slide's XML with its paragraphs' properties first and once, its background valid, bullets coloured. */
export function fixSlideXml(xml: string, touches: OoxmlTouches = {}): string {
  let out = xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => `<a:p>${onePPr(inner)}</a:p>`);
  out = out.replace(/<p:bgPr>([\s\S]*?)<\/p:bgPr>/g, (all, inner: string) => (inner.includes('<a:effectLst') || inner.includes('<a:effectDag') ? all : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`));
  // The title text box (named `Title` by the writer) becomes the slide's title placeholder.
  out = out.replace(/<p:sp><p:nvSpPr><p:cNvPr id="(\d+)" name="Title"><\/p:cNvPr><p:cNvSpPr txBox="1"\/><p:nvPr><\/p:nvPr><\/p:nvSpPr>/g, '<p:sp><p:nvSpPr><p:cNvPr id="$1" name="Title"></p:cNvPr><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>');
  for (const face of touches.monospace ?? []) {
    out = out.split(`typeface="${face}" pitchFamily="34"`).join(`typeface="${face}" pitchFamily="49"`);
  }
  if (touches.bulletColor !== undefined && /^[0-9A-Fa-f]{6}$/.test(touches.bulletColor)) {
    // Inside a pPr, buClr comes before the bullet's size and character (CT_TextParagraphProperties order).
    out = out.replace(/<a:buSzPct val="(\d+)"\/>(<a:bu(?:Char|AutoNum)\b)/g, `<a:buClr><a:srgbClr val="${touches.bulletColor.toUpperCase()}"/></a:buClr><a:buSzPct val="$1"/>$2`);
  }
  return out;
}

const PPR = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;

function onePPr(inner: string): string {
  let first = true;
  const startsWithPPr = /^\s*<a:pPr\b/.test(inner);
  return inner.replace(PPR, (ppr, offset: number) => {
    const keep = first && startsWithPPr && offset === inner.search(/<a:pPr\b/);
    first = false;
    return keep ? ppr : '';
  });
}

function fixCoreDates(xml: string, date: Date): string {
  const iso = `${date.toISOString().slice(0, 19)}Z`;
  return xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}
