/**
 * reveal.js's speaker-notes plugin, loaded on first use. It bundles a Markdown parser and the
 * whole speaker view (~80 kB, 40% of the runtime), which an audience, a PDF export or a test
 * never needs. This stand-in binds the same key (S), honours `?notes` and answers a speaker
 * window's heartbeat (after a reload), and loads the real plugin only then; once initialised the
 * real plugin takes over its key binding and its messages.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { NotesPlugin } from 'reveal.js/plugin/notes';

/** A notes plugin with the real one's id, key and entry points, loaded lazily. */
export function LazyNotes(): RevealPlugin {
  let deck: RevealApi | undefined;
  let real: Promise<NotesPlugin> | undefined;

  const load = (): Promise<NotesPlugin> => {
    real ??= import('reveal.js/plugin/notes').then(async ({ default: Notes }) => {
      const plugin = Notes();
      if (deck !== undefined) await plugin.init?.(deck);
      return plugin;
    });
    return real;
  };
  const onMessage = (event: MessageEvent): void => {
    if (typeof event.data === 'string' && event.data.includes('"heartbeat"') && event.data.includes('reveal-notes')) {
      window.removeEventListener('message', onMessage);
      void load();
    }
  };

  return {
    id: 'notes',
    init(reveal: RevealApi): void {
      deck = reveal;
      // The speaker view's own previews (`?receiver`) never open notes.
      if (/receiver/i.test(window.location.search)) return;
      if (/(\?|&)notes/i.test(window.location.search)) {
        void load(); // the real plugin opens the speaker view itself for `?notes`
        return;
      }
      window.addEventListener('message', onMessage);
      reveal.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => {
        void load().then((plugin) => plugin.open());
      });
    },
  };
}
