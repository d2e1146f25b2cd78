/** Compiling a loaded source in a unit test: no disk (no images), a stand-in runtime manifest. */
import { compileArticle, type CompiledDeck } from '../../../src/compile.js';
import { resolveConfig, type ResolvedConfig } from '../../../src/config.js';
import type { FitHints, Source } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import type { RuntimeManifest } from '../../../src/runtime/manifest.js';

/** A runtime manifest with every built-in theme, as runtime/ would list it. */
export const TEST_RUNTIME: RuntimeManifest = {
  inputsHash: 'test',
  deck: { js: 'assets/deck-test.js', css: ['assets/deck-test.css'] },
  themes: { light: 'assets/theme-light-test.css', dark: 'assets/theme-dark-test.css', eventlet: 'assets/theme-eventlet-test.css' },
  files: [],
};

/** `source` through parse → plan → render, as `lectern build` compiles it (without reading images). */
export function compileForTest(source: Source, config: ResolvedConfig = resolveConfig(), hints?: FitHints): CompiledDeck {
  return compileArticle(source, parseArticle(source), {
    config,
    runtime: TEST_RUNTIME,
    images: { files: [], diagnostics: [] },
    thumbnail: 'svg',
    ...(hints === undefined ? {} : { hints }),
  });
}
