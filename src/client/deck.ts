/**
 * The deck runtime: the one script every deck page loads (built once by Vite into `runtime/`).
 * It starts reveal.js over the HTML that render/ wrote, after fitting every slide to its frame,
 * then announces `lectern:ready` (event on window + `data-lectern-ready` on <html>) that the
 * tests and the PDF export wait for instead of sleeping.
 */
import Reveal from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import 'reveal.js/reveal.css';
import './fonts.css';
import './base.css';
import { readDeckConfig, type DeckConfig } from './config.js';
import { waitForFonts, waitForImages } from './assets.js';
import { fitSlides, type FitReport } from './fit.js';
import { LazyNotes } from './notes.js';

declare global {
  interface Window {
    /** reveal.js, for the console, the tests and the PDF export. */
    Reveal: typeof Reveal;
    /** What the fit pass did, for the export's overflow diagnostics. */
    lecternFit?: FitReport;
    /** What drawing the diagrams did (set only on pages that have diagrams). */
    lecternDiagrams?: import('./diagrams.js').DiagramReport;
    /** Fit and mark slides again after their HTML was replaced (the dev server's live update). */
    lecternRefit?: () => void;
  }
}

/**
 * Slides that reveal.js centres vertically (its `center` class works on screen and in print): title
 * and statement slides, by class (`lectern-title-slide` or the contract's `lectern-title`) or data-kind.
 */
const CENTERED = [
  'section.lectern-slide.lectern-title-slide',
  'section.lectern-slide.lectern-title',
  'section.lectern-slide.lectern-statement',
  "section.lectern-slide[data-kind='title']",
  "section.lectern-slide[data-kind='statement']",
  "section.lectern-slide[data-kind='closing']",
  "section.lectern-slide[data-kind='section']",
].join(', ');

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('.reveal');
  if (root === null) throw new Error('lectern: no <div class="reveal"> in this page');
  const config = readDeckConfig(document);
  prepare(root, config);
  await waitForFonts(document);
  await waitForImages(root);
  // Diagrams are drawn by a chunk of their own, loaded only by a page that has one.
  if (root.querySelector('figure.lectern-diagram') !== null) {
    const { renderDiagrams } = await import('./diagrams.js');
    window.lecternDiagrams = await renderDiagrams(root, config.width, config.height);
  }
  // Fit before reveal.js starts: the slides measure the same at the configured width either way,
  // and reveal.js's own layout (centring `center` slides, paginating print view) then sees the
  // final sizes, on screen and with `?print-pdf` alike, with no second layout pass.
  window.lecternFit = fitSlides(root, config.width, config.height);
  window.lecternRefit = () => {
    prepare(root, config);
    window.lecternFit = fitSlides(root, config.width, config.height);
  };

  // Print view (`?print-pdf`) lays each slide out as a page after `ready`; the PDF waits for that.
  const printing = /print-pdf/i.test(window.location.search);
  // A talk being followed (`lectern present`, a multiplex relay): its code is a separate chunk,
  // loaded only then — never by an ordinary deck, a print view or the speaker view's previews.
  // A chunk that fails to load leaves a deck that does not follow, not a blank page.
  const follow =
    config.follow === undefined || printing || /receiver/i.test(window.location.search)
      ? undefined
      : await import('./follow.js').catch((err: unknown) => {
          console.error('lectern: the code that follows the talk did not load; this page will not follow', err);
          return undefined;
        });
  const role = follow?.prepare(root);
  const pdfReady = printing ? new Promise<void>((resolve) => Reveal.on('pdf-ready', () => resolve())) : null;
  window.Reveal = Reveal;
  // The speaker view's pacing timer: each slide's data-timing against the talk's total. reveal.js
  // reads `totalTime` through getConfig, but its typings do not list it.
  const pacing: object = config.totalTime === undefined ? {} : { totalTime: config.totalTime };
  await Reveal.initialize({
    ...pacing,
    hash: true,
    slideNumber: 'c/t',
    width: config.width,
    height: config.height,
    margin: 0.04,
    center: false,
    transition: 'slide',
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
    plugins: [LazyNotes, Search, Zoom],
    ...role?.reveal,
  });
  if (pdfReady !== null) await pdfReady;
  reachable(root, config.title);
  followAliases(root);
  if (config.reading !== undefined) bindReadingView(config.reading);
  if (follow !== undefined && role !== undefined && config.follow !== undefined) follow.start(Reveal, config.follow, role);
  announce('true');
}

/**
 * Sections the planner merged into one slide keep their hash links: `#/<section-id>` of a merged
 * section lands on the slide that shows it (`data-lectern-aliases`), on load and on every change.
 */
function followAliases(root: HTMLElement): void {
  const go = (): void => {
    const id = decodeURIComponent(window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '');
    if (id === '' || /^\d+$/.test(id) || document.getElementById(id) !== null) return;
    const slide = Array.from(root.querySelectorAll<HTMLElement>('section[data-lectern-aliases]')).find((s) => (s.dataset['lecternAliases'] ?? '').split(' ').includes(id));
    if (slide === undefined) return;
    const { h, v } = Reveal.getIndices(slide);
    Reveal.slide(h, v ?? 0);
  };
  go();
  window.addEventListener('hashchange', go);
}

/**
 * R opens the reading view at the current slide (listed in reveal.js's help, `?`). Not in the
 * speaker view's previews (`?receiver`): it forwards every key to them, and R would navigate the
 * preview away from the deck.
 */
function bindReadingView(path: string): void {
  if (/receiver/i.test(window.location.search)) return;
  Reveal.addKeyBinding({ keyCode: 82, key: 'R', description: 'Reading view (slides and notes as text)' }, () => {
    const id = Reveal.getCurrentSlide()?.id ?? '';
    window.location.href = `${path}${id === '' ? '' : `#${encodeURIComponent(id)}`}`;
  });
}

/**
 * reveal.js marks the deck `role="application"`, which takes screen readers out of browse mode:
 * the slides' headings, lists and links could then not be read with the reader's own keys. The
 * deck is a labelled region instead (reveal.js's keys still work, as they listen on the document);
 * reveal.js keeps hiding the slides that are not shown and announces each new one in its live region.
 */
function reachable(root: HTMLElement, title: string): void {
  root.setAttribute('role', 'region');
  root.setAttribute('aria-roledescription', 'slide deck');
  root.setAttribute('aria-label', title !== '' ? title : document.title || 'Slides');
}

/** Slide size as CSS variables (base.css reads them), and the centred slide kinds marked. */
function prepare(root: HTMLElement, config: DeckConfig): void {
  const style = document.documentElement.style;
  style.setProperty('--lectern-width', `${config.width}px`);
  style.setProperty('--lectern-height', `${config.height}px`);
  for (const slide of Array.from(root.querySelectorAll(CENTERED))) slide.classList.add('center');
}

/** Tell the page's waiters that the deck is ready (or failed: the export then stops at once). */
function announce(state: 'true' | 'error'): void {
  document.documentElement.dataset['lecternReady'] = state;
  window.dispatchEvent(new Event(state === 'true' ? 'lectern:ready' : 'lectern:error'));
}

start().catch((err: unknown) => {
  console.error('lectern: the deck failed to start', err);
  announce('error');
});
