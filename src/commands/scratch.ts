/**
 * A scratch site for the browser: a temporary folder served on 127.0.0.1 where decks are placed to
 * be measured (`lectern check`) or printed (`lectern build --pdf`, `lectern pdf`) — never the user's
 * output folder, which is written once, at the end, when everything succeeded. Decks whose slugs
 * collide (articles from different folders) go into numbered sub-sites, each with the runtime.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../browser/static-server.js';
import type { CompiledDeck } from '../compile.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { deckOutput, runtimeOutput, type SiteOutput } from '../site/output.js';
import { writeFiles } from '../site/write.js';
import { registerCleanup } from '../util/cleanup.js';

/** A deck placed in the scratch site. */
export interface ScratchDeck {
  /** Where the browser loads the deck page. */
  readonly url: string;
  /** Write the deck (a re-planned version of it) again in the same place. */
  rewrite(compiled: CompiledDeck): Promise<void>;
}

/** A served temporary site; `dispose()` stops the server and removes the folder. */
export interface ScratchSite {
  place(compiled: CompiledDeck): Promise<ScratchDeck>;
  dispose(): Promise<void>;
}

/** An empty scratch site that copies `runtime` into each sub-site it opens. */
export async function createScratchSite(runtime: RuntimeManifest): Promise<ScratchSite> {
  let root: string | undefined;
  // Registered before the folder exists: a Ctrl-C at any moment removes it (util/cleanup.ts).
  const unregister = registerCleanup(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  });
  let server: StaticServer;
  try {
    root = await mkdtemp(join(tmpdir(), 'lectern-site-'));
    server = await serveStatic(root);
  } catch (error) {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
    unregister();
    throw error;
  }
  const folder = root;
  const sites: Set<string>[] = [];
  const write = (index: number, output: SiteOutput): Promise<unknown> => writeFiles(join(folder, String(index)), output);
  return {
    async place(compiled) {
      const slug = compiled.rendered.slug;
      let index = sites.findIndex((slugs) => !slugs.has(slug));
      if (index < 0) {
        index = sites.length;
        sites.push(new Set());
        await write(index, runtimeOutput(runtime));
      }
      sites[index]!.add(slug);
      await write(index, deckOutput(compiled));
      const at = index;
      return { url: `${server.url}/${at}/${encodeURIComponent(slug)}/`, rewrite: (c) => write(at, deckOutput(c)).then(() => undefined) };
    },
    async dispose() {
      await server.close().catch(() => undefined);
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
      unregister();
    },
  };
}
