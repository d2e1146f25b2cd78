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

/** A slide whose content does not fit its page. */
export interface OverflowInfo {
  /** 1-based slide number. */
  readonly slide: number;
  readonly line?: number;
  readonly title: string;
  /** How far (in CSS px) content reaches past the page or is clipped inside a box. */
  readonly by: number;
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
  readonly overflows: readonly OverflowInfo[];
}

/**
 * In the page: read the print layout, turn reveal.js slide links (`#/slide-id`) into plain fragment
 * links (`#slide-id`, which Chromium prints as working PDF links), and find overflowing slides.
 */
export function readPrintLayout(): PrintInfo {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
  const config = readConfig();
  const width = config.width ?? pages[0]?.offsetWidth ?? 1280;
  const height = config.height ?? pages[0]?.offsetHeight ?? 720;
  const leaves: HTMLElement[] = [];
  const pageOf = new Map<HTMLElement, number>();
  pages.forEach((page, index) => {
    const slide = page.querySelector<HTMLElement>(':scope > section');
    if (slide === null || pageOf.has(slide)) return;
    leaves.push(slide);
    pageOf.set(slide, index);
  });
  // With fragment steps a slide is printed on several (cloned) pages: its first page counts.
  const firstPage = (slide: HTMLElement): number => pageOf.get(slide) ?? 0;
  const seenIds = new Set<string>();
  const unique = leaves.filter((slide) => {
    if (slide.id === '') return true;
    if (seenIds.has(slide.id)) return false; // A clone for a fragment step.
    seenIds.add(slide.id);
    return true;
  });
  // A handle for later steps (the handout builder, destinations) that survives DOM moves.
  unique.forEach((slide, index) => slide.setAttribute('data-lectern-slide', String(index)));

  rewriteSlideLinks();
  const headings: HeadingInfo[] = [];
  unique.forEach((slide, index) => {
    const level = Number(slide.getAttribute('data-heading-level'));
    const title = slide.getAttribute('data-heading');
    if (title !== null && title.trim() !== '' && level > 0) {
      headings.push({ title: title.trim(), level, page: firstPage(slide), slide: index });
    }
  });
  const overflows: OverflowInfo[] = [];
  unique.forEach((slide, index) => {
    const page = slide.closest<HTMLElement>('.pdf-page');
    const by = page === null ? 0 : measureOverflow(slide, page);
    // The client's fit pass marks slides it could not shrink enough (data-lectern-overflow).
    if (by > 2 || slide.dataset['lecternOverflow'] === 'true') {
      const line = Number(slide.getAttribute('data-line'));
      const title = slide.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
      overflows.push({ slide: index + 1, title, by: Math.round(by), ...(line > 0 ? { line } : {}) });
    }
  });
  // reveal.js sizes the body to one print page: the slide and its margin.
  const pageWidth = parseFloat(document.body.style.width) || width;
  const pageHeight = parseFloat(document.body.style.height) || height;
  const title = config.title ?? document.title;
  return { width, height, pageWidth, pageHeight, title, pages: pages.length, slides: unique.length, headings, overflows };

  function readConfig(): { width?: number; height?: number; title?: string } {
    try {
      const raw: unknown = JSON.parse(document.getElementById('lectern-config')?.textContent ?? '{}');
      const obj = (raw ?? {}) as Record<string, unknown>;
      const num = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined);
      const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
      return { width: num(obj['width']), height: num(obj['height']), title: str(obj['title']) } as {
        width?: number;
        height?: number;
        title?: string;
      };
    } catch {
      return {};
    }
  }

  function rewriteSlideLinks(): void {
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]'))) {
      const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(2).split('/')[0] ?? '');
      if (id !== '' && !/^\d+$/.test(id) && document.getElementById(id) !== null) link.setAttribute('href', `#${id}`);
    }
  }

  /** How far content reaches past the page, or is clipped inside a box with hidden overflow. */
  function measureOverflow(slide: HTMLElement, page: HTMLElement): number {
    const box = page.getBoundingClientRect();
    let worst = 0;
    for (const el of [slide, ...Array.from(slide.querySelectorAll<HTMLElement>('*'))]) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      worst = Math.max(worst, rect.bottom - box.bottom, rect.right - box.right);
      const style = getComputedStyle(el);
      if (style.overflowY !== 'visible' && el !== slide) worst = Math.max(worst, el.scrollHeight - el.clientHeight);
      if (style.overflowX !== 'visible' && el !== slide) worst = Math.max(worst, el.scrollWidth - el.clientWidth);
    }
    return worst;
  }
}

/**
 * In the page: give each target element a named destination (an empty block as its first child,
 * so the target should be a block whose top is where the destination belongs). Chromium writes a PDF named
 * destination for every element that a same-document link points at, so hidden links make
 * `dest-<i>` resolvable in the printed PDF to the exact page each target landed on.
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
