/** Where the end-to-end tests find the repository, the demo decks, the CLI and the shared articles. */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The repository root (this file is tests/e2e/helpers/paths.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The demo talks: decks/eventlet.md is the seed, its siblings make its links resolve. */
export const DECKS_DIR = join(REPO_ROOT, 'decks');
/** The seed article. */
export const SEED_ARTICLE = join(DECKS_DIR, 'eventlet.md');
/** The CLI entry point, as `npx lectern` runs it. */
export const LECTERN_BIN = join(REPO_ROOT, 'bin', 'lectern.js');
/** Small broken articles for the CLI's error paths. */
export const BAD_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'bad');
/** The user's articles, beside the repository (or LECTERN_SHARED_ARTICLES); absent on a bare clone. */
export { SHARED_ARTICLES } from '../../shared-articles.js';
