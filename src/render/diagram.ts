/**
 * A diagram slide part → HTML. The page carries the diagram's source, never a drawing made at build
 * time: the deck runtime draws it (client/diagrams.ts, a chunk loaded only by pages that have a
 * diagram), in the viewer's browser and in the browser Lectern runs for PDFs and `lectern check`
 * alike. So the page is byte-identical whether or not a browser ran during the build, and the
 * source stays readable where scripts do not run (and counts as the deck's words for `check`).
 */
import type { SlidePart } from '../model.js';
import { escapeHtml } from '../text.js';
import { renderInlines } from './inline.js';

/** `<figure class="lectern-diagram">`: caption, then the source the runtime replaces with an SVG. */
export function renderDiagram(part: Extract<SlidePart, { type: 'diagram' }>): string {
  const caption = part.caption && part.caption.length > 0 ? `<figcaption class="lectern-caption">${renderInlines(part.caption)}</figcaption>` : '';
  const lang = escapeHtml(part.lang);
  return `<figure class="lectern-diagram" data-diagram="${lang}" data-line="${part.line}">${caption}<pre class="lectern-diagram-source"><code class="language-${lang}" data-lang="${lang}">${escapeHtml(part.code)}</code></pre></figure>`;
}
