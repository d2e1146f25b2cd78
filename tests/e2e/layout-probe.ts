/**
 * For tests/e2e/layout.test.ts: what Chromium shows of every slide of an open deck, read back as
 * the model layout/ measures (title and parts as Inline[] and Blocks, rebuilt from the DOM) with
 * the sizes the browser gave them (unscaled CSS px) and the line count of each text element.
 * The page script is a string so that no bundler rewrites it (tsx/esbuild add `__name` calls the
 * page does not define).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { SlidePart } from '../../src/model.js';

/** A text element's measured line count, for the elements layout/ predicts lines of. */
export interface TextProbe {
  /** `title`, `point`, `text`, `caption`, `cell` … */
  readonly role: string;
  readonly lines: number;
  readonly height: number;
  readonly text: string;
}

/** One flex item of a slide body: its element, its box. */
export interface ItemProbe {
  readonly tag: string;
  readonly height: number;
  readonly width: number;
  /** A code figure's panel (`pre`). */
  readonly panel?: { readonly height: number; readonly width: number };
}

/** One slide as the browser laid it out. */
export interface SlideProbe {
  readonly id: string;
  readonly kind: string;
  readonly fit: number;
  readonly title?: readonly unknown[];
  readonly continued?: { readonly index: number; readonly total: number };
  readonly parts: readonly SlidePart[];
  /** Title top to body bottom. */
  readonly contentHeight: number;
  readonly titleHeight: number;
  readonly items: readonly ItemProbe[];
  readonly texts: readonly TextProbe[];
  /** Natural sizes of the slide's pictures by src (null: the picture did not load). */
  readonly images: Readonly<Record<string, { width: number; height: number } | null>>;
}

/** The page script: returns SlideProbe[] for every `section.lectern-slide`. */
export const PROBE_SCRIPT = String.raw`(() => {
  const BLOCKS = new Set(['ul', 'ol', 'p', 'pre', 'blockquote', 'table', 'div', 'figure', 'hr', 'nav']);
  const root = document.querySelector('.reveal');
  root.classList.add('lectern-measuring');
  const inl = (node) => {
    const out = [];
    for (const c of node.childNodes) {
      if (c.nodeType === 3) { out.push({ type: 'text', text: c.data }); continue; }
      if (c.nodeType !== 1) continue;
      const t = c.tagName.toLowerCase();
      if (BLOCKS.has(t) || c.classList.contains('lectern-continued') || t === 'input') continue;
      if (t === 'strong' || t === 'b') out.push({ type: 'strong', children: inl(c) });
      else if (t === 'em' || t === 'i') out.push({ type: 'em', children: inl(c) });
      else if (t === 'code') out.push({ type: 'code', text: c.textContent });
      else if (t === 'a') out.push({ type: 'link', href: c.getAttribute('href') || '', children: inl(c) });
      else if (t === 'del') out.push({ type: 'del', children: inl(c) });
      else if (t === 'br') out.push({ type: 'break' });
      else if (t === 'img') out.push({ type: 'image', src: c.getAttribute('src') || '', alt: c.alt });
      else out.push(...inl(c));
    }
    return out;
  };
  const kids = (el) => Array.from(el.children);
  const block = (el) => {
    const t = el.tagName.toLowerCase();
    if (t === 'p') return { type: 'paragraph', line: 0, inlines: inl(el) };
    if (t === 'ul' || t === 'ol') return { type: 'list', line: 0, ordered: t === 'ol', items: kids(el).map((li) => ({ inlines: inl(li), blocks: kids(li).filter((k) => BLOCKS.has(k.tagName.toLowerCase())).map(block) })) };
    if (t === 'pre') return { type: 'code', line: 0, code: el.textContent };
    if (t === 'blockquote') return { type: 'quote', line: 0, blocks: kids(el).map(block) };
    if (t === 'hr') return { type: 'rule', line: 0 };
    if (t === 'table') {
      const head = Array.from(el.querySelectorAll('thead th')).map(inl);
      const rows = Array.from(el.querySelectorAll('tbody tr')).map((tr) => kids(tr).map(inl));
      return { type: 'table', line: 0, align: head.map(() => null), header: head, rows };
    }
    if (el.classList.contains('lectern-image')) {
      const img = el.querySelector('img');
      const cap = el.querySelector('figcaption');
      return { type: 'image', line: 0, src: img ? img.getAttribute('src') : '', alt: img ? img.alt : '', ...(cap ? { caption: inl(cap) } : {}) };
    }
    if (el.classList.contains('lectern-callout')) {
      const title = kids(el).find((k) => k.classList.contains('lectern-callout-title'));
      return { type: 'callout', line: 0, kind: el.dataset.kind, title: title ? inl(title) : [], blocks: kids(el).filter((k) => k !== title).map(block) };
    }
    return { type: 'html', line: 0, html: el.innerHTML, text: el.textContent };
  };
  const lines = (el) => {
    const lh = parseFloat(getComputedStyle(el).lineHeight);
    const tops = [];
    for (const c of el.childNodes) {
      if (c.nodeType === 1 && (BLOCKS.has(c.tagName.toLowerCase()) || c.classList.contains('lectern-continued'))) continue;
      const range = document.createRange();
      range.selectNode(c);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.push(r.top);
    }
    tops.sort((a, b) => a - b);
    let count = 0; let last = -Infinity;
    const scale = el.getBoundingClientRect().height / el.offsetHeight || 1;
    for (const top of tops) if (top > last + (lh * scale) / 2) { count++; last = top; }
    return count;
  };
  return Array.from(document.querySelectorAll('section.lectern-slide')).map((slide) => {
    const r = slide.getBoundingClientRect().width / slide.offsetWidth;
    const size = (el) => { const b = el.getBoundingClientRect(); return { height: b.height / r, width: b.width / r }; };
    const texts = [];
    const text = (role, el) => texts.push({ role, lines: lines(el), height: size(el).height, text: el.textContent.trim().slice(0, 60) });
    const h = slide.querySelector(':scope > .lectern-title');
    const body = slide.querySelector(':scope > .lectern-body');
    if (h) text('title', h);
    const parts = [];
    const items = [];
    const codePart = (el) => {
      const cap = el.querySelector('figcaption');
      const title = el.querySelector('.lectern-code-title');
      const scale = parseFloat(el.style.getPropertyValue('--lectern-code-scale')) || 1;
      if (cap) text('caption', cap);
      // Line-highlighted code is drawn as a table of rows (reveal.js's markup): one row a line.
      const rows = el.querySelectorAll('pre table.hljs-ln tr');
      const code = rows.length > 0 ? Array.from(rows).map((tr) => tr.textContent.replace(/\n$/, '')).join('\n') : el.querySelector('pre').textContent;
      return { type: 'code', code, ...(cap ? { caption: inl(cap) } : {}), ...(title ? { title: title.textContent } : {}), firstLine: 1, scale };
    };
    let byline = null;
    for (const el of kids(body)) {
      items.push({ tag: el.tagName.toLowerCase() + '.' + el.className, ...size(el) });
      if (el.classList.contains('lectern-points')) {
        parts.push({ type: 'points', items: kids(el).map(inl) });
        kids(el).forEach((li) => text('point', li));
      } else if (el.matches('p.lectern-text, p.lectern-subtitle, p.lectern-statement')) {
        parts.push({ type: 'text', inlines: inl(el) });
        text(el.className.replace('lectern-', ''), el);
      } else if (el.matches('p.lectern-description, p.lectern-byline')) {
        if (!byline) { byline = { type: 'byline' }; parts.push(byline); }
        if (el.classList.contains('lectern-description')) { byline.description = el.textContent; text('description', el); }
        else { const a = el.querySelector('.lectern-author'); const d = el.querySelector('time'); if (a) byline.author = a.textContent; if (d) byline.date = d.textContent; }
      } else if (el.classList.contains('lectern-code')) {
        parts.push(codePart(el));
        const pre = el.querySelector('pre');
        items[items.length - 1].panel = size(pre);
      } else if (el.matches('div.lectern-row')) {
        // Parts side by side (Before/After): the row is one item, its columns code or blocks.
        const cells = kids(el).map((col) => (col.classList.contains('lectern-col') ? kids(col)[0] : col)).filter(Boolean);
        parts.push({ type: 'row', parts: cells.map((cell) => (cell.classList.contains('lectern-code') ? codePart(cell) : { type: 'block', block: block(cell) })) });
      } else if (el.matches('nav.lectern-nav')) {
        parts.push({ type: 'nav', links: Array.from(el.querySelectorAll('a')).map((a) => ({ rel: a.className.includes('prev') ? 'prev' : a.className.includes('next') ? 'next' : 'related', href: a.getAttribute('href'), children: inl(a) })) });
      } else {
        parts.push({ type: 'block', block: block(el) });
        for (const p of Array.from(el.querySelectorAll('p'))) text(el.classList.contains('lectern-callout') ? 'callout' : 'paragraph', p);
        for (const li of Array.from(el.querySelectorAll('li'))) text('item', li);
        for (const cell of Array.from(el.querySelectorAll('td, th'))) text('cell', cell);
      }
    }
    const cont = h && h.querySelector('.lectern-continued');
    const m = cont && /\((\d+)\/(\d+)\)/.exec(cont.textContent);
    const images = {};
    for (const img of Array.from(body.querySelectorAll('img'))) images[img.getAttribute('src')] = img.naturalWidth > 0 ? { width: img.naturalWidth, height: img.naturalHeight } : null;
    const top = (h || body).getBoundingClientRect().top;
    return {
      id: slide.id, kind: slide.dataset.kind, fit: parseFloat(slide.style.getPropertyValue('--lectern-fit')) || 1,
      ...(h ? { title: inl(h) } : {}), ...(m ? { continued: { index: Number(m[1]), total: Number(m[2]) } } : {}),
      parts, contentHeight: (body.getBoundingClientRect().bottom - top) / r, titleHeight: h ? size(h).height : 0, items, texts, images,
    };
  });
})()`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serve `dir` on 127.0.0.1 (a deck's module scripts do not load from file://); resolves to its URL and a closer. */
export function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
