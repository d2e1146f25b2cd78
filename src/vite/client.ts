/**
 * The script the dev server adds to its pages (never to built decks). It listens on Vite's HMR
 * connection: a `lectern:update` for this deck swaps the slides in place and returns to the same
 * slide (no reload, so the speaker keeps their place); a deck whose page shell changed (theme,
 * size) reloads; a failed article shows Vite's error overlay, cleared by the next good save.
 */

/** URL path (under the Vite base) the client is served at. */
export const DEV_CLIENT_PATH = '@lectern/dev-client.js';

/** Custom HMR events between the plugin and the client. */
export const UPDATE_EVENT = 'lectern:update';
export const INDEX_EVENT = 'lectern:index';

/** Data of an UPDATE_EVENT. */
export interface UpdatePayload {
  readonly slug: string;
  /** The new content of `.reveal .slides`. */
  readonly slides: string;
  /** True when more than the slides changed: the page must reload. */
  readonly reload: boolean;
}

/**
 * The client module's source; `base` is where the decks are mounted (`/`, `/talks/`), `viteBase`
 * Vite's own base (where `@vite/client` is). Plain ES2020: served as is, not bundled.
 */
export function devClientSource(base: string, viteBase = base): string {
  return `import { createHotContext, ErrorOverlay } from ${JSON.stringify(`${viteBase}@vite/client`)};
const hot = createHotContext(${JSON.stringify(`${base}${DEV_CLIENT_PATH}`)});
const configEl = document.getElementById('lectern-config');
const slug = configEl ? JSON.parse(configEl.textContent || '{}').slug : document.documentElement.dataset.lecternSlug;
const isIndex = document.documentElement.dataset.lecternIndex === 'true';

function clearOverlay() {
  for (const overlay of document.querySelectorAll('vite-error-overlay')) overlay.close ? overlay.close() : overlay.remove();
}

const failure = document.getElementById('lectern-error');
if (failure) document.body.appendChild(new ErrorOverlay(JSON.parse(failure.textContent || '{}')));

hot.on(${JSON.stringify(UPDATE_EVENT)}, (data) => {
  if (isIndex) return location.reload();
  if (data.slug !== slug) return;
  clearOverlay();
  const slides = document.querySelector('.reveal .slides');
  const Reveal = window.Reveal;
  if (data.reload || !slides || !Reveal || !Reveal.isReady()) return location.reload();
  const { h, v, f } = Reveal.getIndices();
  slides.innerHTML = data.slides;
  if (typeof window.lecternRefit === 'function') window.lecternRefit();
  Reveal.sync();
  Reveal.slide(h, v || 0, f);
  window.dispatchEvent(new CustomEvent('lectern:updated', { detail: { slug } }));
});

hot.on(${JSON.stringify(INDEX_EVENT)}, () => {
  if (isIndex) location.reload();
});
`;
}
