/**
 * Auditing a deck with axe-core for `lectern check`: the deck is opened in its print view (every
 * slide laid out and drawn at once, in order, as it is printed), the slides reveal.js hides from
 * assistive technology while they are not shown are exposed for the audit, and axe-core's WCAG 2.x
 * A/AA and best-practice rules run once per built-in theme (the theme's stylesheet swapped in the
 * page). Each violation is located on its slide.
 */
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { openDeck, printQuery, type DeckTarget } from '../browser/deck-page.js';
import type { Deadline } from '../browser/wait.js';
import type { A11yReport, A11yViolation } from '../check/a11y.js';

let axeSource: string | undefined;

/** axe-core's browser bundle (read once). */
function axeScript(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = (require('axe-core') as { source: string }).source;
  }
  return axeSource;
}

/** The themes to audit: name → stylesheet (relative to runtime/), and the one the deck uses. */
export interface AuditThemes {
  readonly files: Readonly<Record<string, string>>;
  readonly current: string;
}

/** Open `deck` in `page` (print view) and audit it in every theme of `themes`. */
export async function auditDeck(page: Page, deck: DeckTarget, themes: AuditThemes, deadline: Deadline): Promise<A11yReport> {
  await openDeck(page, deck, printQuery(false), deadline);
  await page.evaluate(exposeForAudit);
  // Through the debugger, not a <script>: a deck's Content-Security-Policy cannot block it.
  await page.evaluate(axeScript());
  const names = Object.keys(themes.files).sort((a, b) => Number(b === themes.current) - Number(a === themes.current) || a.localeCompare(b));
  const currentFile = basename(themes.files[themes.current] ?? '');
  const violations: A11yViolation[] = [];
  for (const theme of names) {
    const file = basename(themes.files[theme] ?? '');
    if (theme !== themes.current) await page.evaluate(swapStylesheet, currentFile, file);
    violations.push(...(await page.evaluate(runAxe, theme)));
  }
  return { themes: names, violations };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * In the page: what the audit reads is every slide. reveal.js's print view leaves all but the first
 * slide `aria-hidden` (on screen it hides the slides that are not shown, as it should): exposed here
 * as the PDF export exposes them. The screen furniture (controls, progress bar) stays as it is.
 */
function exposeForAudit(): void {
  // Colours are read at once after a theme is swapped in: no transition may be half-way.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(still);
  for (const el of Array.from(document.querySelectorAll('.reveal .slides section, .reveal .slides .pdf-page'))) {
    for (const attr of ['aria-hidden', 'hidden', 'inert']) el.removeAttribute(attr);
  }
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
  pages.forEach((p, i) => p.setAttribute('data-lectern-audit-slide', String(i + 1)));
  // reveal.js paints each print page with a copy of the theme's background as it was computed:
  // pages painted so follow the theme variable, so that another theme swapped in repaints them.
  const painted = pages[0]?.style.background ?? '';
  if (painted !== '') for (const p of pages) if (p.style.background === painted) p.style.background = 'var(--r-background-color)';
}

/** In the page: replace the stylesheet whose file is `from` with `to` (same folder); resolves when it has loaded. */
async function swapStylesheet(from: string, to: string): Promise<void> {
  const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
  const link = links.find((l) => (l.getAttribute('href') ?? '').endsWith(`/${from}`) || l.getAttribute('href') === from) ?? links.find((l) => /theme-/.test(l.getAttribute('href') ?? ''));
  if (link === undefined) return;
  const href = link.getAttribute('href') ?? '';
  const next = document.createElement('link');
  next.rel = 'stylesheet';
  next.href = href.slice(0, href.lastIndexOf('/') + 1) + to;
  await new Promise<void>((resolve) => {
    next.onload = () => resolve();
    next.onerror = () => resolve();
    link.after(next);
  });
  link.remove();
  await document.fonts.ready;
}

/** In the page: run axe-core over the document and locate each violation on its slide. */
async function runAxe(theme: string): Promise<A11yViolation[]> {
  type AxeNode = { target: unknown[]; failureSummary?: string };
  type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
  const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeResult[] }> } }).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
    // The print view's pages, one after the other, are not a page a reader scrolls: landmark rules
    // are about the screen view, which is one region.
    rules: { region: { enabled: false } },
  });
  const out: A11yViolation[] = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const selector = node.target.map(String).join(' ');
      let el: Element | null = null;
      try {
        el = typeof node.target[0] === 'string' ? document.querySelector(node.target[0]) : null;
      } catch {
        el = null;
      }
      const slide = Number(el?.closest('[data-lectern-audit-slide]')?.getAttribute('data-lectern-audit-slide') ?? NaN);
      out.push({
        theme,
        rule: v.id,
        impact: (v.impact ?? null) as A11yViolation['impact'],
        help: v.help,
        ...(Number.isFinite(slide) ? { slide } : {}),
        target: selector,
        summary: (node.failureSummary ?? '').replace(/^Fix (any|all) of the following:\s*/i, '').trim(),
      });
    }
  }
  return out;
}
