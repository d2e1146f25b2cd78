/**
 * Reads a deck that is open in the browser: what each slide shows, what its notes say, its code,
 * its links, and (slide by slide, through reveal.js) whether anything sticks out of the frame.
 * The functions given to page.evaluate run in the page, so they use nothing from this module.
 */
import type { Page } from 'puppeteer-core';

/** The page globals the deck runtime sets (typed here: the client's own declarations are not in this program). */
type DeckWindow = Window & {
  Reveal: {
    configure(options: Record<string, unknown>): void;
    slide(h: number, v: number): void;
    getCurrentSlide(): Element;
    getScale(): number;
    getTotalSlides(): number;
  };
  lecternFit?: { shrunk: number; overflowing: readonly string[] };
};

/** A code block as the browser shows it. */
export interface CodeInfo {
  readonly text: string;
  readonly className: string;
  /** How many `.hljs-keyword` spans it holds. */
  readonly keywords: number;
}

/** A link as the browser shows it. */
export interface LinkInfo {
  readonly text: string;
  /** The href attribute as written. */
  readonly href: string;
  /** The absolute URL it leads to. */
  readonly resolved: string;
}

/** One slide of a deck. */
export interface SlideInfo {
  /** reveal.js indices. */
  readonly h: number;
  readonly v: number;
  readonly id: string;
  readonly kind: string;
  /** The slide's title without the "(2/3)" continuation marker; '' when it has none. */
  readonly title: string;
  /** `data-heading`: set on the first slide of an article heading. */
  readonly heading: string | null;
  /** The kicker above the title (`p.lectern-kicker`: the headings of enclosing sections with no slide of their own), or null. */
  readonly kicker: string | null;
  /** `data-lectern-aliases`: ids of merged or kicker sections whose hash links land on this slide. */
  readonly aliases: readonly string[];
  /** The heading the slide belongs to: its own, or that of the nearest slide before it that has one. */
  readonly owner: string;
  /** Text on screen outside code blocks (speaker notes excluded), one line per `<br>`. */
  readonly visibleText: string;
  /** Text of the speaker notes, `<br>` as a space, whitespace collapsed. */
  readonly notesText: string;
  readonly codes: readonly CodeInfo[];
  readonly links: readonly LinkInfo[];
  /** `data-lectern-overflow="true"`: the fit pass could not fit it. */
  readonly overflow: boolean;
}

/** Every slide of the open deck, in reveal.js order. */
export function readSlides(page: Page): Promise<SlideInfo[]> {
  // No named helpers inside: tsx/esbuild would wrap them in a `__name` call the page does not have.
  return page.evaluate(() => {
    const result: SlideInfo[] = [];
    let owner = '';
    const stacks = Array.from(document.querySelectorAll('.reveal .slides > section'));
    stacks.forEach((stack, h) => {
      const inner = Array.from(stack.querySelectorAll(':scope > section'));
      (inner.length > 0 ? inner : [stack]).forEach((slide, v) => {
        const heading = slide.getAttribute('data-heading');
        if (heading !== null) owner = heading;
        const titleEl = slide.querySelector('.lectern-title');
        let title = '';
        if (titleEl !== null) {
          const copy = titleEl.cloneNode(true) as Element;
          for (const mark of Array.from(copy.querySelectorAll('.lectern-continued'))) mark.remove();
          title = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        }
        // On screen: the slide without its notes and code, each <br> a line break.
        const screen = slide.cloneNode(true) as Element;
        for (const hidden of Array.from(screen.querySelectorAll('aside.notes, pre'))) hidden.remove();
        for (const br of Array.from(screen.querySelectorAll('br'))) br.replaceWith('\n');
        // One line per block, so failure messages (and patterns anchored at ^) read as the slide does.
        for (const block of Array.from(screen.querySelectorAll('li, p, h1, h2, h3, figcaption, td, th, blockquote'))) block.append('\n');
        const notes = Array.from(slide.querySelectorAll('aside.notes')).map((aside) => {
          const copy = aside.cloneNode(true) as Element;
          for (const br of Array.from(copy.querySelectorAll('br'))) br.replaceWith(' ');
          return copy.textContent ?? '';
        });
        result.push({
          h,
          v,
          id: slide.id,
          kind: slide.getAttribute('data-kind') ?? '',
          title,
          heading,
          kicker: slide.querySelector(':scope > .lectern-kicker')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
          aliases: (slide.getAttribute('data-lectern-aliases') ?? '').split(' ').filter((a) => a !== ''),
          owner,
          visibleText: screen.textContent ?? '',
          notesText: notes.join(' ').replace(/\s+/g, ' ').trim(),
          codes: Array.from(slide.querySelectorAll('pre code')).map((code) => ({
            text: code.textContent ?? '',
            className: code.className,
            keywords: code.querySelectorAll('.hljs-keyword').length,
          })),
          links: Array.from(slide.querySelectorAll<HTMLAnchorElement>('a[href]'))
            .filter((a) => a.closest('aside.notes') === null)
            .map((a) => ({ text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') ?? '', resolved: a.href })),
          overflow: slide.getAttribute('data-lectern-overflow') === 'true',
        });
      });
    });
    return result;
  });
}

/** The scroll and font sizes of a code block, in unscaled CSS pixels. */
export interface CodeBox {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  /** The same for its `<pre>`, which may be the element that scrolls. */
  readonly pre: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
  readonly fontSize: number;
}

/** How one slide sits in the frame once reveal.js shows it. */
export interface SlideLayout {
  readonly h: number;
  readonly v: number;
  readonly id: string;
  /** The slide's own scroll size, in unscaled CSS pixels. */
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  /** Elements whose box reaches outside the width × height frame, with by how much (CSS pixels). */
  readonly outside: readonly string[];
  readonly codes: readonly CodeBox[];
}

/**
 * Show each slide in turn (transitions off, so nothing is caught mid-animation) and measure it
 * against the frame: the `.slides` box reveal.js scales to width × height.
 */
export async function measureSlides(page: Page, slides: readonly Pick<SlideInfo, 'h' | 'v'>[]): Promise<SlideLayout[]> {
  await page.evaluate(() => {
    (window as unknown as DeckWindow).Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
  });
  const layouts: SlideLayout[] = [];
  for (const { h, v } of slides) {
    await page.evaluate(
      (hh, vv) =>
        new Promise<void>((done) => {
          (window as unknown as DeckWindow).Reveal.slide(hh, vv);
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      h,
      v,
    );
    layouts.push(
      await page.evaluate(
        (hh, vv) => {
          const slide = (window as unknown as DeckWindow).Reveal.getCurrentSlide() as HTMLElement;
          const frame = (document.querySelector('.reveal .slides') as HTMLElement).getBoundingClientRect();
          const scale = (window as unknown as DeckWindow).Reveal.getScale();
          const tolerance = 1 * scale;
          const outside: string[] = [];
          for (const el of [slide, ...Array.from(slide.querySelectorAll<HTMLElement>('*'))]) {
            if (el.closest('aside.notes') !== null) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            const by = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom);
            if (by > tolerance) {
              const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}`;
              outside.push(`${name} "${(el.textContent ?? '').trim().slice(0, 40)}" by ${Math.round(by / scale)}px`);
            }
          }
          const codes = Array.from(slide.querySelectorAll<HTMLElement>('pre code')).map((code) => {
            const pre = code.parentElement as HTMLElement;
            return {
              scrollWidth: code.scrollWidth,
              clientWidth: code.clientWidth,
              scrollHeight: code.scrollHeight,
              clientHeight: code.clientHeight,
              pre: { scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth, scrollHeight: pre.scrollHeight, clientHeight: pre.clientHeight },
              fontSize: parseFloat(getComputedStyle(code).fontSize),
            };
          });
          return { h: hh, v: vv, id: slide.id, scrollWidth: slide.scrollWidth, scrollHeight: slide.scrollHeight, outside, codes };
        },
        h,
        v,
      ),
    );
  }
  return layouts;
}

/** What the runtime's fit pass reported, or undefined when the page has no report. */
export function readFitReport(page: Page): Promise<{ shrunk: number; overflowing: string[] } | undefined> {
  return page.evaluate(() => {
    const fit = (window as unknown as DeckWindow).lecternFit;
    return fit === undefined ? undefined : { shrunk: fit.shrunk, overflowing: [...fit.overflowing] };
  });
}

/** The slide counts a deck page reports: slides in the DOM, reveal.js's count, and overflowing ones. */
export function readCounts(page: Page): Promise<{ slides: number; revealSlides: number; overflowing: number }> {
  return page.evaluate(() => ({
    slides: document.querySelectorAll('section.lectern-slide').length,
    revealSlides: (window as unknown as DeckWindow).Reveal.getTotalSlides(),
    overflowing: document.querySelectorAll('[data-lectern-overflow]').length,
  }));
}
