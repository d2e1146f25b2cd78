/**
 * `lectern pdf`: PDFs without a site. Builds the decks into a temporary folder, prints them, writes
 * `<slug>.slides.pdf` (and `<slug>.handout.pdf` with --handout) into the output folder, and removes
 * the temporary site whatever happens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { buildSite, type BuildOptions, type BuildResult } from './build.js';

/** Options of `lectern pdf`. */
export interface PdfCommandOptions extends Omit<BuildOptions, 'pdf' | 'pdfPaths' | 'config'> {
  readonly config: ResolvedConfig;
  /** Also make the handout. */
  readonly handout: boolean;
  /** Make the slides PDF (default true). */
  readonly slides?: boolean;
}

/** Export PDFs of articles into `config.outDir`. */
export async function exportPdfs(options: PdfCommandOptions): Promise<BuildResult> {
  const site = await mkdtemp(join(tmpdir(), 'lectern-pdf-'));
  const outDir = options.config.outDir;
  try {
    return await buildSite({
      ...options,
      config: { ...options.config, outDir: site },
      pdf: true,
      pdfPaths: (slug) => ({
        ...(options.slides !== false ? { slides: join(outDir, `${slug}.slides.pdf`) } : {}),
        ...(options.handout ? { handout: join(outDir, `${slug}.handout.pdf`) } : {}),
      }),
    });
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}
