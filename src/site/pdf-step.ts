/**
 * PDFs for a built site: serve it on 127.0.0.1 and print every deck's slides and handout with ONE
 * browser, closed whatever happens. Loaded only when PDFs are asked for, so HTML-only builds never
 * load Puppeteer. Used by `lectern build --pdf` (PDFs beside each deck) and `lectern pdf`.
 */
import { join } from 'node:path';
import { BrowserSession, exportDeckPdfs, serveStatic } from '../export/index.js';
import type { FitHints } from '../model.js';
import type { CompiledDeck } from '../pipeline.js';
import type { BuildOptions, DeckResult } from './build.js';
import { captureThumbnail } from './thumbnails.js';

/** Where one deck's PDFs go; an unset path means that PDF is not made. */
export interface PdfPaths {
  readonly slides?: string;
  readonly handout?: string;
}

/** The default: `slides.pdf` and `handout.pdf` in each deck's folder of the site. */
export function sitePdfPaths(outDir: string): (slug: string) => PdfPaths {
  return (slug) => ({ slides: join(outDir, slug, 'slides.pdf'), handout: join(outDir, slug, 'handout.pdf') });
}

/**
 * Export the PDFs of every compiled deck of the site in `siteDir`. With `refit`, each deck is first
 * measured in the same browser and its overflowing slides re-planned (check/site-fit.ts); the
 * decks as printed are returned.
 */
export async function exportSitePdfs(
  siteDir: string,
  compiled: readonly CompiledDeck[],
  decks: DeckResult[],
  options: BuildOptions,
  pathsFor: (slug: string) => PdfPaths = sitePdfPaths(siteDir),
  refit?: (deck: CompiledDeck, hints: FitHints) => CompiledDeck,
): Promise<readonly CompiledDeck[]> {
  const pdf = options.pdfOptions ?? {};
  const session = new BrowserSession(pdf.browser === undefined ? {} : { browser: pdf.browser });
  const server = await serveStatic(siteDir);
  try {
    const printed = refit === undefined ? compiled : await fitBeforePrint(session, server.url, siteDir, compiled, decks, options, refit);
    const jobs = printed.reduce((n, c) => n + Object.values(pathsFor(c.rendered.slug)).filter((p) => p !== undefined).length, 0);
    options.onEvent?.({ type: 'pdf-begin', jobs });
    for (const [i, c] of printed.entries()) {
      const deck = decks[i]!;
      const { meta } = c.deck;
      const paths = pathsFor(deck.slug);
      const result = await exportDeckPdfs(
        session,
        {
          url: `${server.url}/${deck.slug}/`,
          slug: deck.slug,
          source: c.source.path,
          title: meta.title,
          width: meta.width,
          height: meta.height,
          ...(meta.author !== undefined ? { author: meta.author } : {}),
          ...(meta.description !== undefined ? { description: meta.description } : {}),
          ...(options.config.siteUrl !== undefined ? { siteUrl: new URL(`${deck.slug}/`, options.config.siteUrl).href } : {}),
        },
        {
          ...(paths.slides !== undefined ? { slidesPath: paths.slides } : {}),
          ...(paths.handout !== undefined ? { handoutPath: paths.handout } : {}),
          ...(pdf.paper !== undefined ? { paper: pdf.paper } : {}),
          ...(pdf.layout !== undefined ? { layout: pdf.layout } : {}),
          ...(pdf.steps !== undefined ? { steps: pdf.steps } : {}),
          ...(pdf.timeoutMs !== undefined ? { timeoutMs: pdf.timeoutMs } : {}),
          onProgress: (event) => {
            if (event.type === 'start') options.onEvent?.({ type: 'pdf-start', slug: deck.slug, kind: event.kind });
            if (event.type === 'written') options.onEvent?.({ type: 'pdf', slug: deck.slug, file: event.path, pages: event.pages });
          },
        },
      );
      for (const diagnostic of result.diagnostics) options.onEvent?.({ type: 'diagnostic', diagnostic });
      if (paths.slides !== undefined) deck.pdfs.push({ label: 'slides PDF', file: 'slides.pdf' });
      if (paths.handout !== undefined) deck.pdfs.push({ label: 'handout PDF', file: 'handout.pdf' });
      // The same browser takes the index's thumbnail of the title slide (og:image names it already).
      deck.thumbnail = await captureThumbnail(session, `${server.url}/${deck.slug}/`, join(siteDir, deck.slug), { width: meta.width, height: meta.height }, pdf.timeoutMs);
    }
    return printed;
  } finally {
    await session.close();
    await server.close();
  }
}

async function fitBeforePrint(
  session: BrowserSession,
  baseUrl: string,
  siteDir: string,
  compiled: readonly CompiledDeck[],
  decks: DeckResult[],
  options: BuildOptions,
  recompile: (deck: CompiledDeck, hints: FitHints) => CompiledDeck,
): Promise<CompiledDeck[]> {
  const { fitSiteForPrint } = await import('../check/site-fit.js');
  const timeoutMs = options.pdfOptions?.timeoutMs;
  return fitSiteForPrint(session, compiled, {
    baseUrl,
    siteDir,
    recompile,
    decks,
    strict: options.config.strict,
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}
