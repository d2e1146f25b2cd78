/**
 * The PDF step of `lectern build --pdf`: serve the freshly written site on 127.0.0.1 and print every
 * deck's slides and handout with ONE browser, closed whatever happens. Loaded only when PDFs are
 * asked for, so HTML-only builds never load Puppeteer.
 */
import { join } from 'node:path';
import { BrowserSession, exportDeckPdfs, serveStatic } from '../export/index.js';
import type { CompiledDeck } from '../pipeline.js';
import type { BuildOptions, DeckResult } from './build.js';
import { captureThumbnail } from './thumbnails.js';

/** Export `slides.pdf` and `handout.pdf` into each deck's folder of `outDir`. */
export async function exportSitePdfs(outDir: string, compiled: readonly CompiledDeck[], decks: DeckResult[], options: BuildOptions): Promise<void> {
  const pdf = options.pdfOptions ?? {};
  const session = new BrowserSession(pdf.browser === undefined ? {} : { browser: pdf.browser });
  const server = await serveStatic(outDir);
  try {
    for (const [i, c] of compiled.entries()) {
      const deck = decks[i]!;
      const { meta } = c.deck;
      const dir = join(outDir, deck.slug);
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
          slidesPath: join(dir, 'slides.pdf'),
          handoutPath: join(dir, 'handout.pdf'),
          ...(pdf.paper !== undefined ? { paper: pdf.paper } : {}),
          ...(pdf.layout !== undefined ? { layout: pdf.layout } : {}),
          ...(pdf.timeoutMs !== undefined ? { timeoutMs: pdf.timeoutMs } : {}),
          onProgress: (event) => {
            if (event.type === 'written') options.onEvent?.({ type: 'pdf', slug: deck.slug, file: event.path, pages: event.pages });
          },
        },
      );
      for (const diagnostic of result.diagnostics) options.onEvent?.({ type: 'diagnostic', diagnostic });
      deck.pdfs.push({ label: 'slides PDF', file: 'slides.pdf' }, { label: 'handout PDF', file: 'handout.pdf' });
      // The same browser takes the index's thumbnail of the title slide (og:image names it already).
      deck.thumbnail = await captureThumbnail(session, `${server.url}/${deck.slug}/`, dir, { width: meta.width, height: meta.height }, pdf.timeoutMs);
    }
  } finally {
    await session.close();
    await server.close();
  }
}
