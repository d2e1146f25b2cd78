/**
 * What the export reads from a deck laid out by reveal.js's print view, and the touches it makes
 * before printing. The functions marked "in the page" run in the browser through `page.evaluate`:
 * they must not refer to anything outside themselves.
 */

/** An article heading (h2, h3...) and where its first slide is. */
export interface HeadingInfo {
  readonly title: string;
  readonly level: number;
  /** 0-based index of the print page (`.pdf-page`) that shows the heading's slide. */
  readonly page: number;
  /** 0-based index of the slide among the deck's slides. */
  readonly slide: number;
}

/** The deck as reveal.js laid it out for print. */
export interface PrintInfo {
  /** Slide size (the deck's width × height). */
  readonly width: number;
  readonly height: number;
  /** Print page size: the slide plus reveal.js's `margin` around it (equal to the slide size when 0). */
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly title: string;
  /** Print pages (one per slide, or per fragment step with `steps`). */
  readonly pages: number;
  readonly slides: number;
  readonly headings: readonly HeadingInfo[];
}

/**
 * In the page: read the print layout, number the slides (`data-lectern-slide`, which later steps
 * use), turn reveal.js slide links (`#/slide-id`) into plain fragment links (`#slide-id`, which
 * Chromium prints as working PDF links), and expose every slide to the accessibility tree, from
 * which Chromium tags the PDF: reveal.js leaves all but the first slide `aria-hidden` in its print
 * view, which would leave them out of the PDF's structure (headings, figures and their alt text).
 */
export function readPrintLayout(): PrintInfo {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
  exposeSlides();
  const config = readConfig();
  const width = config.width ?? pages[0]?.offsetWidth ?? 1280;
  const height = config.height ?? pages[0]?.offsetHeight ?? 720;
  // One entry per slide: with fragment steps a slide is printed on several cloned pages (same id),
  // and its first page is the one that counts.
  const slides: { slide: HTMLElement; page: number }[] = [];
  const seenIds = new Set<string>();
  pages.forEach((page, index) => {
    const slide = page.querySelector<HTMLElement>(':scope > section');
    if (slide === null || (slide.id !== '' && seenIds.has(slide.id))) return;
    if (slide.id !== '') seenIds.add(slide.id);
    slides.push({ slide, page: index });
  });
  slides.forEach(({ slide }, index) => slide.setAttribute('data-lectern-slide', String(index)));
  rewriteSlideLinks();

  const headings: HeadingInfo[] = [];
  slides.forEach(({ slide, page }, index) => {
    // Kickers are the headings of enclosing sections without a slide of their own: they come first.
    for (const k of kickersOf(slide)) headings.push({ title: k.text, level: k.level, page, slide: index });
    const level = Number(slide.getAttribute('data-heading-level'));
    const title = slide.getAttribute('data-heading')?.trim() ?? '';
    if (title !== '' && level > 0) headings.push({ title, level, page, slide: index });
  });
  // reveal.js sizes the body to one print page: the slide and its margin.
  const pageWidth = parseFloat(document.body.style.width) || width;
  const pageHeight = parseFloat(document.body.style.height) || height;
  const title = config.title ?? document.title;
  return { width, height, pageWidth, pageHeight, title, pages: pages.length, slides: slides.length, headings };

  function readConfig(): { width?: number; height?: number; title?: string } {
    let obj: Record<string, unknown> = {};
    try {
      const raw: unknown = JSON.parse(document.getElementById('lectern-config')?.textContent ?? '{}');
      if (raw !== null && typeof raw === 'object') obj = raw as Record<string, unknown>;
    } catch {
      // A broken config block: fall back to the page's own sizes and title.
    }
    const { width: w, height: h, title: t } = obj;
    return {
      ...(typeof w === 'number' && w > 0 ? { width: w } : {}),
      ...(typeof h === 'number' && h > 0 ? { height: h } : {}),
      ...(typeof t === 'string' && t !== '' ? { title: t } : {}),
    };
  }

  function kickersOf(slide: Element): { level: number; text: string }[] {
    try {
      const parsed: unknown = JSON.parse(slide.getAttribute('data-kickers') ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((k): k is { level: number; text: string } => typeof k?.level === 'number' && typeof k?.text === 'string') : [];
    } catch {
      return [];
    }
  }

  function exposeSlides(): void {
    document.querySelector('.reveal')?.removeAttribute('role');
    for (const el of Array.from(document.querySelectorAll('.reveal .slides section, .reveal .slides .pdf-page'))) {
      for (const attr of ['aria-hidden', 'hidden', 'inert']) el.removeAttribute(attr);
    }
    // Chromium tags a <figure> as a Figure of its own, without alt text (which PDF/UA requires of
    // every Figure); as a group it is a Div, and the picture inside is the Figure with the alt text.
    for (const figure of Array.from(document.querySelectorAll('.reveal .slides figure'))) figure.setAttribute('role', 'group');
    // Controls, progress bar and the live region are screen furniture, not part of a printed deck.
    for (const el of Array.from(document.querySelectorAll('.reveal > .controls, .reveal > .progress, .reveal > .aria-status, .reveal > .pause-overlay'))) {
      el.setAttribute('aria-hidden', 'true');
    }
  }

  function rewriteSlideLinks(): void {
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]'))) {
      const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(2).split('/')[0] ?? '');
      // Numeric hashes (`#/2/1`) name positions, not ids: left as they are.
      if (id !== '' && !/^\d+$/.test(id) && document.getElementById(id) !== null) link.setAttribute('href', `#${id}`);
    }
  }
}

/**
 * In the page: give each target a PDF named destination `lectern-dest-<i>` at its top (an empty
 * block as its first child). Chromium writes a named destination for every element that a
 * same-document link points at, so hidden links make the printed PDF say on which page each
 * target landed.
 */
export function markDestinations(selectors: readonly string[]): number {
  const nav = document.createElement('nav');
  nav.setAttribute('aria-hidden', 'true');
  nav.style.display = 'none';
  let count = 0;
  selectors.forEach((selector, index) => {
    const target = document.querySelector(selector);
    if (target === null) return;
    const anchor = document.createElement('span');
    anchor.id = `lectern-dest-${index}`;
    // In the flow, not absolutely positioned: Chromium misplaces destinations of abspos elements
    // inside fragmented (multi-page) boxes by a page or more.
    anchor.style.cssText = 'display:block;height:0;margin:0;padding:0;overflow:hidden';
    target.prepend(anchor);
    const link = document.createElement('a');
    link.href = `#${anchor.id}`;
    nav.append(link);
    count += 1;
  });
  document.body.append(nav);
  return count;
}

/**
 * In the page: heading levels without gaps, as the PDF's tags will have them (Chromium tags from
 * the accessibility tree, so `aria-level` is what counts): a heading more than one level below the
 * one before it is raised to the next level (a slide's h2 followed by an h4 in its body: h3).
 * Returns how many headings were changed.
 */
export function levelHeadings(): number {
  const headings = Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]'));
  let previous = 0;
  let changed = 0;
  for (const h of headings) {
    if (h.closest('[aria-hidden="true"], [hidden]') !== null || h.getClientRects().length === 0) continue;
    const own = Number(h.getAttribute('aria-level') ?? (/^H([1-6])$/.exec(h.tagName)?.[1] ?? '2'));
    const level = Math.min(own, previous + 1);
    if (level !== own) {
      h.setAttribute('aria-level', String(level));
      changed += 1;
    }
    previous = level;
  }
  return changed;
}
