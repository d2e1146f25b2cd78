/**
 * The types that pass between Lectern's stages: load → parse → plan → render → export.
 * They are the contract between stages: tests build each stage's input by hand from these.
 * Every node that comes from the article keeps the 1-based line of the article file it came from.
 */

// ---------------------------------------------------------------------------------------------
// Diagnostics: recoverable problems, collected rather than thrown (`--strict` makes them fatal).

/** How bad a diagnostic is: `error` fails the build, `warning` fails it only with --strict. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in an article, located at a file and (where known) a line. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code, e.g. `liquid-unknown-tag`, `code-unknown-language`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly hint?: string;
}

// ---------------------------------------------------------------------------------------------
// load → Source

/** Whether an article body is read as Markdown (marked, GFM) or as HTML (parse5). */
export type SourceFormat = 'markdown' | 'html';

/** What the front matter (YAML, TOML or an HTML JSON comment) says, normalised. */
export interface ArticleMeta {
  readonly title?: string;
  readonly description?: string;
  readonly author?: string;
  /** ISO date (YYYY-MM-DD) when the front matter has one. */
  readonly date?: string;
  readonly lang?: string;
  readonly slug?: string;
  readonly theme?: string;
  /** Every front matter key as written, for options the stages read (e.g. `lectern:` settings). */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One article file, read and pre-processed (front matter split, Liquid resolved). */
export interface Source {
  /** Path of the file as the user named it (relative to the working directory when possible). */
  readonly path: string;
  /** Output folder name: front matter `slug`, else the file name without extension. */
  readonly slug: string;
  readonly meta: ArticleMeta;
  /**
   * The body with Liquid resolved (or a notebook's cells as Markdown). Unless `lineMap` is set, its
   * line count is the file's, so body line n (1-based) is file line `bodyLine + n - 1`.
   */
  readonly body: string;
  /** 1-based line of the file at which `body` starts (after the front matter). */
  readonly bodyLine: number;
  /**
   * Set only when the body's lines are not the file's one for one (a Liquid loop or include that
   * added lines, a notebook's cells): the file line of each body line, index 0 for body line 1.
   * The parse stage reads lines as `bodyLine + n - 1` and maps them through this (load/line-map.ts).
   */
  readonly lineMap?: readonly number[];
  readonly format: SourceFormat;
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// parse → Article

/** Inline content: the text of paragraphs, list items, headings, table cells. */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'del'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly title?: string; readonly children: readonly Inline[] }
  | { readonly type: 'image'; readonly src: string; readonly alt: string; readonly title?: string }
  | { readonly type: 'break' }
  /** TeX math (`$…$`, `\(…\)`, kramdown's inline `$$…$$`): KaTeX on slides, the TeX source in notes. */
  | { readonly type: 'math'; readonly tex: string; readonly display: boolean }
  /** A footnote reference (`[^label]`): a superscript number; its definition goes to the notes. */
  | { readonly type: 'footnote'; readonly label: string; readonly number: number };

/** Lines of a code block, 1-based and inclusive. */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Lines an article highlights in a code block: one step per entry (reveal.js's `1|2-3` is two
 * steps, shown one after the other as fragments); an empty step highlights nothing.
 */
export type LineHighlights = readonly (readonly LineRange[])[];

/** One item of a list: its own text, then any nested blocks (sub-lists, extra paragraphs, code). */
export interface ListItem {
  readonly inlines: readonly Inline[];
  readonly blocks: readonly Block[];
  /** GFM task list state, when the item is a task. */
  readonly checked?: boolean;
}

/** Column alignment of a table. */
export type Align = 'left' | 'center' | 'right' | null;

/** Kinds of callout (admonitions, GitHub alerts, MDX <Note>...). Free text: the article's own word. */
export type CalloutKind = string;

/**
 * What an author can say to the planner in an HTML comment: `<!-- lectern: break -->` etc. `backup`
 * sends the section it is written in to the backup slides; `keep` (besides keeping the next
 * paragraph whole on screen) keeps that section in the talk whatever the time slot.
 */
export type DirectiveName = 'break' | 'keep' | 'hide' | 'notes' | 'backup';

/** A block of the article. Every block keeps the source line it starts at. */
export type Block =
  | { readonly type: 'paragraph'; readonly line: number; readonly inlines: readonly Inline[] }
  | {
      readonly type: 'list';
      readonly line: number;
      readonly ordered: boolean;
      readonly start?: number;
      readonly items: readonly ListItem[];
    }
  | {
      readonly type: 'code';
      readonly line: number;
      /** Language as the article names it (`python`, `js`...), lower-cased; undefined when unnamed. */
      readonly lang?: string;
      readonly code: string;
      /** A title given by the article (e.g. MkDocs `title="..."`). */
      readonly title?: string;
      /** Lines the article highlights (`{2-3}`, `hl_lines="2"`, `data-line`, `code-line-numbers`). */
      readonly highlight?: LineHighlights;
      /**
       * For unnamed code: the language Lectern reads it in (the page's declared language, the
       * article's dominant named one, or detection); unset for output, logs and unclear code.
       */
      readonly inferred?: string;
    }
  /** Display math (`$$…$$`, `\[…\]`, `\begin{align}…`): shown whole, like a picture. */
  | { readonly type: 'math'; readonly line: number; readonly tex: string }
  | { readonly type: 'quote'; readonly line: number; readonly blocks: readonly Block[] }
  | {
      readonly type: 'table';
      readonly line: number;
      readonly align: readonly Align[];
      readonly header: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | {
      readonly type: 'image';
      readonly line: number;
      readonly src: string;
      readonly alt: string;
      readonly title?: string;
      readonly caption?: readonly Inline[];
    }
  | {
      readonly type: 'callout';
      readonly line: number;
      readonly kind: CalloutKind;
      readonly title?: readonly Inline[];
      readonly blocks: readonly Block[];
    }
  /** HTML the parser could not map to a block kind; `text` is its visible text (never lost). */
  | { readonly type: 'html'; readonly line: number; readonly html: string; readonly text: string }
  | { readonly type: 'directive'; readonly line: number; readonly name: DirectiveName; readonly text?: string }
  /** A rule (`---`, `<hr>`): a hint that a new slide may start here. */
  | { readonly type: 'rule'; readonly line: number };

/** The `type` of a Block. */
export type BlockType = Block['type'];

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** 1..6 */
  readonly depth: number;
  readonly heading: readonly Inline[];
  /** The heading as plain text. */
  readonly title: string;
  /** The heading's id (`{#id}`, `id="..."`) or one made from its text. */
  readonly id: string;
  readonly line: number;
  readonly blocks: readonly Block[];
  readonly children: readonly Section[];
}

/** A footnote's definition: numbered in the order of first reference, shown in the notes of the slide citing it. */
export interface Footnote {
  readonly label: string;
  /** 1-based, by first reference (0 for a definition nothing refers to). */
  readonly number: number;
  readonly line: number;
  readonly blocks: readonly Block[];
}

/** One article, the same shape whether it was Markdown or HTML. */
export interface Article {
  readonly path: string;
  readonly slug: string;
  readonly meta: ArticleMeta;
  /** The h1 as plain text, when the article has one. */
  readonly h1?: string;
  /** Line of the h1 (or 1). */
  readonly line: number;
  /** Blocks before the first section heading below the h1 (the lede). */
  readonly intro: readonly Block[];
  readonly sections: readonly Section[];
  /** Footnote definitions, in number order (never blocks of a section: they are not points). */
  readonly footnotes?: readonly Footnote[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An image an article references by a relative path or an http(s) URL, and the first line that names it. */
export interface ImageRef {
  readonly src: string;
  readonly line: number;
}

/** A referenced image found on disk: the file, and the content-hashed name of its copy beside the deck. */
export interface ImageFile {
  /** The `src` as the article writes it. */
  readonly src: string;
  /** Absolute path of the file. */
  readonly from: string;
  /** `<stem>-<8 hex>.<ext>`: the name the site writes it under, next to the deck page. */
  readonly name: string;
  /** Its natural size in CSS px, when the file says (the planner lays it out with it). */
  readonly width?: number;
  readonly height?: number;
}

/** What the file-system edge found of an article's images: the files, and a warning per missing one. */
export interface LoadedImages {
  readonly files: readonly ImageFile[];
  /** The `src` of each referenced image that is not there (shown as its alt text). */
  readonly missing?: readonly string[];
  /**
   * The `src` of each remote picture that could not be fetched (also in `missing`): the deck shows
   * its alt text and never asks its host for it.
   */
  readonly unreachable?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Sources refused (outside the article's project, or hidden files): the deck shows their alt text. */
  readonly blocked?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// plan → Deck

/** What a slide is for; the renderer styles each kind. */
export type SlideKind = 'title' | 'section' | 'content' | 'code' | 'diagram' | 'statement' | 'closing' | 'agenda';

/** A navigation link of the closing slide (the article's previous/next pages). */
export interface NavLink {
  readonly rel: 'prev' | 'next' | 'related';
  readonly href: string;
  readonly children: readonly Inline[];
}

/** One thing shown on a slide. */
export type SlidePart =
  /** Key points taken verbatim from the article (each paragraph's lead sentence, say). */
  | { readonly type: 'points'; readonly items: readonly (readonly Inline[])[] }
  /** A paragraph kept whole on screen (short, or an author's `keep`). */
  | { readonly type: 'text'; readonly inlines: readonly Inline[] }
  /** A block shown as the article has it (list, table, quote, image, callout, html). */
  | { readonly type: 'block'; readonly block: Block }
  /** A code block; `caption` is the sentence that introduced it; `firstLine` numbers a split. */
  | {
      readonly type: 'code';
      readonly lang?: string;
      readonly code: string;
      readonly caption?: readonly Inline[];
      readonly title?: string;
      readonly firstLine: number;
      /** Font scale chosen so the longest line and all rows fit (1 = theme default). */
      readonly scale: number;
      /** Highlighted lines, counted in this part's own lines (a split piece's ranges are its own). */
      readonly highlight?: LineHighlights;
      /** For unnamed code, the language it is read in (see the code Block). */
      readonly inferred?: string;
    }
  /**
   * A diagram written as text (a ```` ```mermaid ```` fence): the deck carries its source and the
   * runtime draws it as SVG, scaled to fit the room below the title (render/diagram.ts, client/diagrams.ts).
   */
  | { readonly type: 'diagram'; readonly lang: DiagramLanguage; readonly code: string; readonly caption?: readonly Inline[]; readonly line: number }
  | { readonly type: 'byline'; readonly author?: string; readonly date?: string; readonly description?: string }
  | { readonly type: 'nav'; readonly links: readonly NavLink[] }
  /** Parts side by side in equal columns (a Before/After pair of code blocks, say). */
  | { readonly type: 'row'; readonly parts: readonly SlidePart[] }
  /** A URL to follow after the talk (the article's, or the hosted deck's): the link, and its QR code. */
  | { readonly type: 'url'; readonly url: string; readonly qr: boolean };

/** Languages of code fences that are drawn as diagrams rather than shown as code. */
export const DIAGRAM_LANGUAGES = ['mermaid'] as const;

/** A language drawn as a diagram. */
export type DiagramLanguage = (typeof DIAGRAM_LANGUAGES)[number];

/** True when a code block's language is one drawn as a diagram. */
export function isDiagramLanguage(lang: string | undefined): lang is DiagramLanguage {
  return lang !== undefined && (DIAGRAM_LANGUAGES as readonly string[]).includes(lang);
}

/** One slide: what is on screen, what the speaker reads, where it came from. */
export interface Slide {
  readonly kind: SlideKind;
  /** Unique within the deck; the slide's hash link (`#/<id>`). */
  readonly id: string;
  readonly title?: readonly Inline[];
  readonly parts: readonly SlidePart[];
  /** Speaker notes: the article's prose, whole, as blocks. */
  readonly notes: readonly Block[];
  /** First and last source line this slide covers. */
  readonly line: number;
  readonly endLine: number;
  /** Set on the 2nd.. slide of content that was split: 2 for "(2/3)". */
  readonly continued?: { readonly index: number; readonly total: number };
  /** Set on the first slide of an article heading (level 1 for the title): PDF outlines follow it. */
  readonly heading?: { readonly level: number; readonly text: string };
  /**
   * Headings of enclosing sections that have no slide of their own (no text before their first
   * subsection): shown small above the title, and in the PDF outline at their level.
   */
  readonly kicker?: { readonly inlines: readonly Inline[]; readonly headings: readonly { readonly level: number; readonly text: string }[] };
  /** Ids of article sections shown on this slide besides its own (merged sections): `#/<alias>` lands here. */
  readonly aliases?: readonly string[];
  /** The article section the slide comes from (unset for the title, agenda and closing slides). */
  readonly section?: SlideSection;
  /** Expected speaking time in seconds (reveal.js `data-timing`), from the notes, code and pictures. */
  readonly timing?: number;
  /** A backup slide: after the closing slide, out of the talk's main flow and its timing (a time slot). */
  readonly backup?: true;
  /** The article's URL at the section the slide comes from (`…/article/#heading-id`), when the URL is known. */
  readonly source?: string;
}

/** Where in the article a slide comes from. */
export interface SlideSection {
  /** The heading's id in the article (`{#id}`, `id="…"`, or GitHub's slug of its text). */
  readonly id: string;
  /** The heading's level (2 for h2…); a merged slide has its sections' level. */
  readonly depth: number;
  /** The heading as plain text. */
  readonly title: string;
  /** What the author said about the section for a time slot: `<!-- lectern: backup|keep -->` (inherited by subsections). */
  readonly pin?: 'backup' | 'keep';
}

/** A horizontal slide with the vertical slides beneath it (a reveal.js stack when length > 1). */
export type SlideStack = readonly Slide[];

/** The deck-wide settings the renderer needs. */
export interface DeckMeta {
  readonly title: string;
  readonly description?: string;
  readonly author?: string;
  readonly date?: string;
  readonly lang: string;
  readonly slug: string;
  readonly theme: string;
  /** Slide size in CSS pixels (reveal.js width/height). */
  readonly width: number;
  readonly height: number;
  /** The article file the deck was made from. */
  readonly source: string;
  /** Render the article's raw HTML as written instead of sanitized (`--unsafe-html`); set only when true. */
  readonly unsafeHtml?: boolean;
  /** The article's public URL (front matter `url`/`canonical`, or `permalink` on the site URL), when known. */
  readonly url?: string;
  /** How the talk was paced: the speaking rate, and the time slot (seconds) when one was given. */
  readonly pacing?: { readonly wordsPerMinute: number; readonly slot?: number };
}

/**
 * What a browser measurement tells the planner about a previous plan of the same article: the
 * slides that overflowed, keyed by their source `line` (ids shift when a section is split again;
 * lines come from the article and do not). The planner plans every slide that starts at such a line
 * with budgets multiplied by the factor: `tighter` for content too tall (points, words, list items,
 * table rows, code lines), `narrower` for content too wide (table columns, code line length).
 */
export interface FitHints {
  /** Slide `line` → height budget factor, 0 < factor < 1 (smaller is tighter). */
  readonly tighter: Readonly<Record<number, number>>;
  /** Slide `line` → width budget factor, 0 < factor < 1. */
  readonly narrower?: Readonly<Record<number, number>>;
}

/** The planned deck: slides grouped in horizontal stacks. */
export interface Deck {
  readonly meta: DeckMeta;
  readonly stacks: readonly SlideStack[];
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// render → RenderedDeck

/** Paths of the shared runtime files (relative to the deck's HTML) that a deck page links. */
export interface RuntimeAssets {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
  /** Stylesheets linked only by a deck that has math (KaTeX's, with its fonts). */
  readonly mathStyles?: readonly string[];
}

/** A deck as an HTML document, ready to be written or served. */
export interface RenderedDeck {
  readonly slug: string;
  readonly html: string;
  /** The content of `.reveal .slides` inside `html` (the dev server swaps it in place on save). */
  readonly slides: string;
  readonly slideCount: number;
  readonly codeBlockCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Fails the type check when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
