/**
 * Lectern's library API: the stages one by one (load → parse → plan → render → export) and the
 * whole build. The CLI is a thin layer over these.
 */
export type * from './model.js';
export { assertNever } from './model.js';
export { LecternError, formatDiagnostic, formatError, type ErrorCode } from './errors.js';
export { defineConfig, resolveConfig, resolveDeckOptions, DEFAULT_DECK_OPTIONS, type UserConfig, type ResolvedConfig, type DeckOptions } from './config.js';
export { loadConfigFile } from './config-file.js';
export { loadSources, parseSource } from './load/index.js';
export { parseArticle } from './parse/index.js';
export { planDeck, deckTitle } from './plan/index.js';
export { renderDeck } from './render/index.js';
export { compileSource, type CompiledDeck } from './pipeline.js';
export { buildSite, type BuildOptions, type BuildResult, type BuildEvent } from './site/build.js';
export { exportPdfs } from './site/pdf-command.js';
export { loadRuntime, buildRuntime, listThemes } from './site/runtime.js';

/** The PDF exporter, loaded on demand so that importing Lectern never loads Puppeteer. */
export async function loadExporter(): Promise<typeof import('./export/index.js')> {
  return import('./export/index.js');
}
