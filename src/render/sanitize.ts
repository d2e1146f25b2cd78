/**
 * Raw HTML from an article (embeds the parser keeps as `html` blocks) through sanitize-html with an
 * allowlist: media, figures, tables and text markup stay; scripts, event handlers, styles,
 * stylesheets, forms, plugins, `<base>` and unsafe URL schemes go. A dropped element keeps its text
 * (only the content of script-like elements, which is never visible text, is dropped with it).
 */
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// Loaded on first use (it brings postcss: ~60 ms of start-up) — most articles have no embeds.
const require = createRequire(import.meta.url);
let sanitizer: typeof sanitizeHtml | undefined;

/** Text markup and structure an embed may carry. */
const TEXT_TAGS = [
  'p', 'br', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code',
  'kbd', 'samp', 'var', 'pre', 'blockquote', 'q', 'cite', 'abbr', 'dfn', 'time', 'a', 'ul', 'ol', 'li', 'dl', 'dt',
  'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'figure', 'figcaption', 'div', 'section',
  'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
];
/** Media: the reason an article keeps HTML at all. */
const MEDIA_TAGS = ['img', 'picture', 'video', 'audio', 'source', 'track', 'iframe'];

/**
 * Elements whose content is not visible text (or is parsed as raw text, which would come out
 * unescaped): dropped with their content.
 */
const NON_TEXT_TAGS = ['script', 'style', 'xmp', 'noscript', 'noembed', 'noframes', 'plaintext', 'template', 'title', 'iframe'];

/** Data URLs allowed in `<img src>`: pictures only, never a document. */
const DATA_IMAGE = /^\s*data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml)[;,]/i;

/**
 * An `<iframe>` always gets a sandbox without `allow-same-origin`: whatever it loads runs in an
 * opaque origin and can never reach the deck, even when it points at the deck's own host.
 */
const IFRAME_SANDBOX = 'allow-scripts allow-popups allow-presentation';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...TEXT_TAGS, ...MEDIA_TAGS],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsinline', 'preload'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    source: ['src', 'type', 'media'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
    iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'sandbox', 'referrerpolicy', 'loading'],
    ol: ['start', 'reversed'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
    time: ['datetime'],
    details: ['open'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: {
    img: ['http', 'https', 'data'],
    iframe: ['http', 'https'],
    video: ['http', 'https'],
    audio: ['http', 'https'],
    source: ['http', 'https'],
    track: ['http', 'https'],
  },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  parseStyleAttributes: false,
  selfClosing: ['img', 'br', 'hr', 'source', 'track', 'wbr'],
  transformTags: {
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src === undefined || (/^\s*data:/i.test(src) && !DATA_IMAGE.test(src)) ? rest : attribs };
    },
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: { ...withoutKey(attribs, 'srcdoc'), sandbox: IFRAME_SANDBOX, referrerpolicy: 'no-referrer', loading: 'lazy' },
    }),
    // Media never start on their own: a hidden slide must stay silent.
    video: (tagName, attribs) => ({ tagName, attribs: { ...withoutKey(attribs, 'autoplay'), controls: '' } }),
    audio: (tagName, attribs) => ({ tagName, attribs: { ...withoutKey(attribs, 'autoplay'), controls: '' } }),
  },
};

/** Sanitized HTML of an article's embed: only the allowlisted elements and attributes remain. */
export function sanitizeEmbed(html: string): string {
  sanitizer ??= require('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, OPTIONS);
}

function withoutKey(attribs: sanitizeHtml.Attributes, key: string): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) if (name !== key) out[name] = value;
  return out;
}
