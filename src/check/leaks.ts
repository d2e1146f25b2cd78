/**
 * Leaks: article syntax shown on a slide as text — HTML tags, Liquid/Hugo/Docusaurus/MkDocs markers,
 * Markdown punctuation — which means a parser let markup through. Pure: it reads the slides' screen
 * text (deck-text.ts), which already leaves out code blocks, inline code and speaker notes, where
 * such characters are the article's own content.
 */

/** What kind of syntax leaked. */
export type LeakKind =
  | 'html-tag'
  | 'html-entity'
  | 'liquid'
  | 'hugo-shortcode'
  | 'docusaurus-admonition'
  | 'mkdocs-admonition'
  | 'mkdocs-tabs'
  | 'pymdownx-block'
  | 'github-alert'
  | 'heading-attributes'
  | 'markdown-emphasis'
  | 'markdown-code'
  | 'markdown-link'
  | 'markdown-image'
  | 'markdown-heading'
  | 'markdown-quote'
  | 'markdown-list'
  | 'tex-math';

/** One leak on one slide. */
export interface Leak {
  readonly slide: string;
  readonly line?: number;
  readonly kind: LeakKind;
  /** The matched text with a little context, on one line. */
  readonly excerpt: string;
}

/** A slide's screen text, as leak detection needs it. */
export interface ScreenText {
  readonly id: string;
  readonly line?: number;
  readonly screen: string;
}

/** Element names of HTML (and SVG/MathML roots) that an article could leave in its text. */
const HTML_TAGS =
  'a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|code|col|colgroup|dd|del|details|div|dl|dt|em|embed|' +
  'figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|math|meta|nav|' +
  'noscript|object|ol|option|p|picture|pre|s|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|' +
  'tbody|td|template|textarea|tfoot|th|thead|tr|u|ul|video';

/**
 * The patterns, tried on each line of a slide's screen text. Line-anchored ones (`^`) only match
 * where a block starts, since deck-text puts every block element on a line of its own.
 */
const PATTERNS: readonly { readonly kind: LeakKind; readonly re: RegExp }[] = [
  // A known tag name followed by an attribute, `>` or `/>`: `<div class=...`, `</p>`, `<br/>`.
  { kind: 'html-tag', re: new RegExp(`</?(?:${HTML_TAGS})(?=[\\s/>])`, 'i') },
  // An MDX/JSX component: a capitalised name after a space or line start, closed on the same line.
  { kind: 'html-tag', re: /(?:^|[\s(])<\/?[A-Z][A-Za-z0-9]+(?:\s+[^<>]*)?\/?>/ },
  // A named or numeric character reference that was escaped twice: `&amp;`, `&#39;` on screen.
  { kind: 'html-entity', re: /&(?:[a-z][a-z0-9]{1,7}|#\d{1,6}|#x[0-9a-f]{1,6});/i },
  { kind: 'hugo-shortcode', re: /\{\{[<%]|[>%]\}\}/ },
  { kind: 'liquid', re: /\{%|%\}|\{\{|\}\}/ },
  { kind: 'docusaurus-admonition', re: /(?:^|\s):::\s*[a-z]*/ },
  { kind: 'mkdocs-admonition', re: /^\s*(?:!!!|\?\?\?\+?)\s*[a-z]/i },
  { kind: 'mkdocs-tabs', re: /^\s*===\+?\s*["']/ },
  { kind: 'pymdownx-block', re: /^\s*\/{3}(?:\s|$)/ },
  { kind: 'github-alert', re: /\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i },
  { kind: 'heading-attributes', re: /\{:?\s*[#.][A-Za-z][\w-]*(?:\s[^}]*)?\}/ },
  { kind: 'markdown-emphasis', re: /\*\*\S|\S\*\*|(?:^|\s)__[A-Za-z]|[A-Za-z]__(?:\s|$)/ },
  { kind: 'markdown-code', re: /```|`[^`\s][^`]*`/ },
  { kind: 'markdown-image', re: /!\[[^\]]*\]/ },
  { kind: 'markdown-link', re: /\]\(|\]\[[^\]]*\]/ },
  { kind: 'markdown-heading', re: /^\s*#{1,6}\s+\S/ },
  { kind: 'markdown-quote', re: /^\s*>\s/ },
  // Not numbers (`1. `): headings and cells often start with one on purpose.
  { kind: 'markdown-list', re: /^\s*[-*+]\s+\S/ },
  // TeX that was not typeset: display delimiters, or a command that only means something to TeX
  // (a lone `$` is a price; KaTeX's own glyphs and its MathML copy are not screen text).
  { kind: 'tex-math', re: /\$\$\S|\\[([]\S|\\(?:frac|sqrt|sum|int|begin|end|left|right|mathbb|mathrm|cdot|times|alpha|beta|gamma|delta|lambda|sigma|infty|partial)(?![A-Za-z])/ },
];

/** Every leak on the given slides (at most one per kind and line of a slide). */
export function findLeaks(slides: readonly ScreenText[]): Leak[] {
  const leaks: Leak[] = [];
  for (const slide of slides) {
    for (const text of slide.screen.split('\n')) {
      const seen = new Set<LeakKind>();
      for (const { kind, re } of PATTERNS) {
        if (seen.has(kind)) continue;
        const match = re.exec(text);
        if (match === null) continue;
        seen.add(kind);
        // `{{<` is both Hugo and Liquid: report it once, as Hugo.
        if (kind === 'liquid' && seen.has('hugo-shortcode')) continue;
        leaks.push({ slide: slide.id, ...(slide.line === undefined ? {} : { line: slide.line }), kind, excerpt: excerpt(text, match.index, match[0].length) });
      }
    }
  }
  return leaks;
}

/** Up to 30 characters either side of a match, whitespace collapsed. */
function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
