/** Diagrams (```mermaid fences): a slide of their own with their lead-in as caption, drawn by the runtime from the source in the page. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { parseSource } from '../../../src/load/index.js';
import { parseArticle } from '../../../src/parse/index.js';
import { planDeck } from '../../../src/plan/index.js';
import { renderSlide } from '../../../src/render/slide.js';
import { plainText } from '../../../src/text.js';

const FIXTURE = 'tests/fixtures/formats/media/diagrams.md';

function plan() {
  const article = parseArticle(parseSource(readFileSync(FIXTURE, 'utf8'), FIXTURE, { resolveLink: () => undefined }));
  return planDeck(article, DEFAULT_DECK_OPTIONS);
}

describe('diagrams', () => {
  it('puts each diagram on a slide of its own, captioned by its lead-in, with what is said about it in the notes', () => {
    const slides = plan().stacks.flat();
    const diagrams = slides.filter((s) => s.kind === 'diagram');
    expect(diagrams.map((s) => s.parts.map((p) => p.type))).toEqual([['diagram'], ['diagram']]);
    const [path, waits] = diagrams.map((s) => s.parts[0]) as Extract<(typeof slides)[number]['parts'][number], { type: 'diagram' }>[];
    expect(path!.lang).toBe('mermaid');
    expect(path!.code.startsWith('flowchart LR')).toBe(true);
    expect(plainText(path!.caption ?? [])).toBe('The request takes this path:');
    expect(waits!.caption).toBeUndefined();
    // The paragraph after each diagram is said while it shows: no slide of its own.
    expect(diagrams.map((s) => s.notes.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : '')).join(' '))).toEqual([
      'The request takes this path: The proxy ends TLS and the application server never sees a certificate.',
      'The browser waits for the application, and the application waits for the database.',
    ]);
    expect(slides.some((s) => s.continued !== undefined)).toBe(false);
  });

  it('renders the source for the runtime to draw (escaped, at its article line), never a code block to highlight', () => {
    const slide = plan().stacks.flat().find((s) => s.kind === 'diagram')!;
    const html = renderSlide(slide, { file: FIXTURE }, { codeBlocks: 0, diagnostics: [] });
    expect(html).toContain('data-kind="diagram"');
    expect(html).toContain('<figure class="lectern-diagram" data-diagram="mermaid" data-line="15">');
    expect(html).toContain('Browser --&gt;|HTTPS| Proxy[Reverse proxy]');
    expect(html).not.toContain('hljs');
  });
});
