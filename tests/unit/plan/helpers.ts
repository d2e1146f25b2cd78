/** Builders for hand-made Articles: each stage's input is built from the model types alone. */
import type { Article, Block, Inline, Section } from '../../../src/model.js';

export const t = (text: string): Inline => ({ type: 'text', text });
export const para = (line: number, ...inlines: (Inline | string)[]): Block => ({
  type: 'paragraph',
  line,
  inlines: inlines.map((i) => (typeof i === 'string' ? t(i) : i)),
});
export const code = (line: number, text: string, lang?: string): Block => ({ type: 'code', line, code: text, ...(lang ? { lang } : {}) });
export const link = (href: string, text: string): Inline => ({ type: 'link', href, children: [t(text)] });

export function section(depth: number, title: string, line: number, blocks: Block[], children: Section[] = []): Section {
  return { depth, title, heading: [t(title)], id: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), line, blocks, children };
}

export function article(parts: Partial<Article> & Pick<Article, 'sections'>): Article {
  return { path: 'talk.md', slug: 'talk', meta: { raw: {} }, line: 1, intro: [], diagnostics: [], ...parts };
}
