/**
 * browser: the edge where Lectern drives Chromium — finding an executable, one lazily launched
 * session per run, a static server the pages load from, opening a deck and waiting for it.
 */
export { findBrowser, BROWSER_INSTALL_HINT, type FindBrowserOptions } from './finder.js';
export { BrowserSession, needsNoSandbox, type BrowserSessionOptions } from './session.js';
export { serveStatic, type StaticServer } from './static-server.js';
export { openDeck, printQuery, withQuery, type DeckTarget, type ResourceFailure } from './deck-page.js';
export { createDeadline, type Deadline } from './wait.js';
