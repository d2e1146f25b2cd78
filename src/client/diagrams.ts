/**
 * Diagrams drawn in the page: every `figure.lectern-diagram` that render/ wrote holds its source
 * (a ```` ```mermaid ```` fence); this module — a chunk of its own, imported by deck.ts only when
 * the page has a diagram, so other decks load nothing more — draws each as an SVG with mermaid,
 * bundled (no request to another host), in the deck's fonts and theme colours, and scales it to
 * fill the room below the slide's title (at most MAX_UPSCALE times its natural size).
 *
 * It runs before the fit pass and before `lectern:ready`, so the PDF export, the thumbnails and
 * `lectern check` see the drawn diagrams. A source mermaid cannot read stays on the slide as code,
 * with the figure marked `data-diagram-error` (the export reports it at the article line).
 */
import mermaid from 'mermaid';

/** A small diagram is drawn at most this many times its natural size (a 2-box flowchart stays modest). */
const MAX_UPSCALE = 2;

/** What drawing the diagrams did, for the export's diagnostics. */
export interface DiagramReport {
  readonly drawn: number;
  /** Diagrams mermaid could not draw: their article line and mermaid's message. */
  readonly failed: readonly { readonly line?: number; readonly message: string }[];
}

/** Draw every diagram under `root` and size it to its slide (`width` × `height`: the slide frame). */
export async function renderDiagrams(root: HTMLElement, width: number, height: number): Promise<DiagramReport> {
  const figures = Array.from(root.querySelectorAll<HTMLElement>('figure.lectern-diagram[data-diagram="mermaid"]'));
  if (figures.length === 0) return { drawn: 0, failed: [] };
  mermaid.initialize(mermaidConfig());
  const failed: { line?: number; message: string }[] = [];
  let drawn = 0;
  for (const [index, figure] of figures.entries()) {
    const source = figure.querySelector('pre.lectern-diagram-source')?.textContent ?? '';
    try {
      const { svg } = await mermaid.render(`lectern-diagram-${index + 1}`, source);
      place(figure, svg);
      drawn++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      figure.dataset['diagramError'] = message.split('\n')[0] ?? 'error';
      const line = Number(figure.dataset['line']);
      failed.push({ message, ...(line > 0 ? { line } : {}) });
      // mermaid leaves its error drawing in the body on some failures: never on the slide's page.
      document.getElementById(`dlectern-diagram-${index + 1}`)?.remove();
    }
  }
  fitDiagrams(root, width, height);
  return { drawn, failed };
}

/** mermaid's settings: strict security, plain SVG text (scales and prints), the theme's fonts and colours. */
function mermaidConfig(): Parameters<typeof mermaid.initialize>[0] {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const background = v('--r-background-color', '#ffffff');
  const text = v('--r-main-color', '#1a1a1a');
  const accent = v('--lectern-accent', '#1d4ed8');
  const panel = v('--lectern-code-bg', '#f6f8fa');
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    fontFamily: v('--r-main-font', 'Inter, sans-serif'),
    // SVG <text> rather than HTML in <foreignObject>: it scales cleanly and prints as vector text.
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false },
    sequence: { useMaxWidth: false },
    themeVariables: {
      darkMode: isDark(background),
      background,
      fontFamily: v('--r-main-font', 'Inter, sans-serif'),
      fontSize: '18px',
      primaryColor: panel,
      primaryTextColor: text,
      primaryBorderColor: accent,
      secondaryColor: panel,
      tertiaryColor: background,
      lineColor: text,
      textColor: text,
      noteBkgColor: panel,
      noteTextColor: text,
    },
  };
}

/** The SVG in place of the source (kept in the page, hidden: it is the deck's text too). */
function place(figure: HTMLElement, svg: string): void {
  figure.querySelector('.lectern-diagram-drawing')?.remove();
  const drawing = document.createElement('div');
  drawing.className = 'lectern-diagram-drawing';
  drawing.innerHTML = svg;
  figure.querySelector<HTMLElement>('pre.lectern-diagram-source')?.setAttribute('hidden', '');
  figure.append(drawing);
  figure.dataset['rendered'] = 'true';
}

/**
 * Each drawing at the largest size that fits the room its slide leaves below the title and caption:
 * measured with every slide shown (the `lectern-measuring` state the fit pass uses), then set as
 * width and height in px so the fit pass, the export and reveal.js all see the final size.
 */
export function fitDiagrams(root: HTMLElement, width: number, height: number): void {
  const svgs = Array.from(root.querySelectorAll<SVGSVGElement>('figure.lectern-diagram .lectern-diagram-drawing > svg'));
  if (svgs.length === 0) return;
  root.classList.add('lectern-measuring');
  try {
    for (const svg of svgs) {
      svg.removeAttribute('style');
      svg.setAttribute('width', '0');
      svg.setAttribute('height', '0');
    }
    // Read every room first (one layout), then write every size.
    const rooms = svgs.map((svg) => room(svg, width, height));
    svgs.forEach((svg, i) => {
      const box = svg.viewBox.baseVal;
      const natural = { width: box?.width || Number(svg.getAttribute('data-width')) || 400, height: box?.height || 300 };
      const r = rooms[i]!;
      const scale = Math.max(0.05, Math.min(r.width / natural.width, r.height / natural.height, MAX_UPSCALE));
      svg.setAttribute('width', String(Math.floor(natural.width * scale)));
      svg.setAttribute('height', String(Math.floor(natural.height * scale)));
    });
  } finally {
    root.classList.remove('lectern-measuring');
  }
}

/** The room for a drawing: the figure's width, and the frame's height less what the slide shows besides it. */
function room(svg: SVGSVGElement, width: number, height: number): { width: number; height: number } {
  const slide = svg.closest<HTMLElement>('section.lectern-slide');
  const drawing = svg.parentElement!;
  if (slide === null) return { width, height: height / 2 };
  // Slides are `height: auto`: with the drawing 0 tall, the slide's height is everything else on it.
  const rest = slide.scrollHeight;
  return { width: Math.max(1, drawing.clientWidth), height: Math.max(1, height - rest - 4) };
}

/** True for a background darker than mid-grey (`#rrggbb`, `#rgb` or `rgb()`). */
function isDark(color: string): boolean {
  let rgb: number[] | undefined;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    rgb = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  } else {
    const m = /rgba?\(([^)]+)\)/i.exec(color);
    if (m !== null) rgb = m[1]!.split(/[\s,/]+/).slice(0, 3).map(Number);
  }
  if (rgb === undefined || rgb.length < 3) return false;
  const [r, g, b] = rgb as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
