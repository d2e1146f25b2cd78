/** What the dev server reports, for a terminal to show (the CLI prints them; in a Vite app, Vite's logger). */
import type { Diagnostic } from '../model.js';
import type { DeckFailure } from './decks.js';

/** Something the dev server wants the terminal to show. */
export type DevEvent =
  | { readonly type: 'update'; readonly slug: string; readonly file: string; readonly ms: number }
  | { readonly type: 'error'; readonly failure: DeckFailure }
  | { readonly type: 'diagnostic'; readonly diagnostic: Diagnostic }
  | { readonly type: 'index'; readonly file: string; readonly change: 'add' | 'unlink' }
  | { readonly type: 'runtime'; readonly file: string; readonly ms: number };
