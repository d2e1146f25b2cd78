/** The deck index page (`dist/index.html`): every deck with its title, description, size and files. */
import { escapeHtml } from '../text.js';

/** What the index shows of one deck. */
export interface IndexEntry {
  readonly slug: string;
  readonly title: string;
  readonly description?: string;
  readonly slideCount: number;
  /** PDF file names inside the deck folder, when exported. */
  readonly pdfs: readonly { readonly label: string; readonly file: string }[];
  /** The thumbnail, relative to the index page (`eventlet/thumbnail.png`). */
  readonly thumbnail?: string;
  /** The reading view inside the deck folder (`read/`), when the site has one. */
  readonly reading?: string;
  /** Estimated minutes of the talk (backup slides excepted). */
  readonly minutes?: number;
  /** Slides a time slot moved after the closing slide (counted in slideCount). */
  readonly backupSlides?: number;
}

/** The index page HTML. Self-contained (inline CSS, no script): it loads nothing from anywhere. */
export function renderIndexPage(entries: readonly IndexEntry[], title = 'Talks'): string {
  const cards = entries
    .map((e) => {
      const description = e.description ? `<p>${escapeHtml(e.description)}</p>` : '';
      const reading = e.reading === undefined ? '' : ` · <a href="${escapeHtml(`${e.slug}/${e.reading}`)}">reading view</a>`;
      const pdfs = reading + e.pdfs.map((p) => ` · <a href="${escapeHtml(`${e.slug}/${p.file}`)}">${escapeHtml(p.label)}</a>`).join('');
      const minutes = e.minutes === undefined ? '' : `, ≈ ${Math.max(1, Math.round(e.minutes))} min`;
      const thumb = e.thumbnail ? `<a class="thumb" href="${escapeHtml(`${e.slug}/`)}" tabindex="-1"><img src="${escapeHtml(e.thumbnail)}" alt="" width="320" height="180" loading="lazy"></a>` : '';
      return `<li>${thumb}<div><h2><a href="${escapeHtml(`${e.slug}/`)}">${escapeHtml(e.title)}</a></h2>${description}<p class="meta">${slidesText(e)}${minutes}${pdfs}</p></div></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Lectern">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
body{font:18px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:52rem;margin:0 auto;padding:3rem 1.5rem}
h1{font-size:2rem;margin:0 0 2rem}
ul{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
li{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:1.25rem 1.5rem;display:flex;gap:1.25rem;align-items:flex-start}
.thumb img{display:block;width:12rem;height:auto;aspect-ratio:16/9;border-radius:6px;border:1px solid #e2e8f0;object-fit:cover}
@media (max-width:36rem){li{flex-direction:column}.thumb img{width:100%}}
h2{font-size:1.3rem;margin:0 0 .25rem}
a{color:#1d4ed8}
.meta{color:#475569;font-size:.9rem;margin:.25rem 0 0}
p{margin:.25rem 0}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<ul>
${cards}
</ul>
</main>
</body>
</html>
`;
}

/** `9 slides`, or with a time slot `23 slides + 23 backup`. */
function slidesText(e: IndexEntry): string {
  const backup = e.backupSlides ?? 0;
  return backup === 0 ? `${e.slideCount} slides` : `${e.slideCount - backup} slides + ${backup} backup`;
}
