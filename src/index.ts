/**
 * Lectern's library API: the stages one by one (load → parse → plan → render), the one compile
 * path over them, and the commands the CLI runs. The CLI is a thin layer over these.
 */
export type * from './model.js';
export { assertNever } from './model.js';
export { LecternError, formatDiagnostic, formatError, type ErrorCode } from './errors.js';
export {
  defineConfig,
  resolveConfig,
  resolveDeckOptions,
  DEFAULT_DECK_OPTIONS,
  type UserConfig,
  type UserConfigExport,
  type ResolvedConfig,
  type DeckOptions,
  type PdfConfig,
  type BrowserConfig,
} from './config.js';
export { loadConfigFile, type LoadedConfigFile } from './load/config-file.js';
export { loadSources, parseSource } from './load/index.js';
export { parseArticle } from './parse/index.js';
export { planDeck, deckTitle } from './plan/index.js';
export { renderDeck } from './render/index.js';
export { compileArticle, compileSource, recompile, type CompiledDeck, type CompileInputs } from './compile.js';
export { buildSite, type BuildOptions, type BuildResult, type BuildEvent, type DeckResult } from './commands/build.js';
export { exportPdfs, type PdfCommandOptions, type PdfCommandResult } from './commands/pdf.js';
export { checkDecks, type CheckOptions } from './commands/check.js';
export { loadRuntime, buildRuntime, listThemes } from './runtime/index.js';
