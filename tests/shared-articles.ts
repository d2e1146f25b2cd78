/**
 * Where the tests find the user's shared articles: `../shared/articles` beside the repository, or
 * the folder `LECTERN_SHARED_ARTICLES` names (a git worktree does not sit beside `../shared`).
 * Tests that need them skip, saying so, when the folder is absent.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The shared articles folder (holding `corpus/` and `eventlet-site/`). */
export const SHARED_ARTICLES = process.env['LECTERN_SHARED_ARTICLES'] ? resolve(process.env['LECTERN_SHARED_ARTICLES']) : resolve(REPO_ROOT, '..', 'shared', 'articles');
