// An ordinary Vite app with Lectern's plugin: the app keeps `/`, the talks live under `/talks/`.
import { defineConfig } from 'vite';
import lectern from 'lectern/vite';

export default defineConfig({
  plugins: [
    lectern({
      // Articles: a folder (read recursively; `first-talk/index.md` is the deck `first-talk`), files or globs.
      inputs: ['talks'],
      // Where the decks are mounted, under Vite's `base` (this is the default).
      path: '/talks/',
    }),
  ],
});
