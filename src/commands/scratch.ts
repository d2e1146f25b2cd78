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
  const write = (index: number, output: SiteOutput): Promise<unknown> => writeFiles(join(folder, String(index)), output, { concurrent: true });
  // Each sub-site's slugs, and its runtime being copied; the first one's at once, before any deck comes.
  const sites: { slugs: Set<string>; ready: Promise<unknown> }[] = [];
  const open = (): number => {
    const ready = write(sites.length, runtimeOutput(runtime));
    ready.catch(() => undefined); // Seen by place().
    return sites.push({ slugs: new Set(), ready }) - 1;
  };
  open();
  return {
    async place(compiled) {
      const slug = compiled.rendered.slug;
      let index = sites.findIndex((site) => !site.slugs.has(slug));
      if (index < 0) index = open();
      const site = sites[index]!;
      site.slugs.add(slug);
      await site.ready;
      await write(index, deckOutput(compiled));
      const at = index;
      return { url: `${server.url}/${at}/${encodeURIComponent(slug)}/`, rewrite: (c) => write(at, deckOutput(c)).then(() => undefined) };
    },
    async dispose() {
      await server.close().catch(() => undefined);
      // A runtime still being copied (a build that failed early) finishes before its folder goes.
      await Promise.all(sites.map((site) => site.ready.catch(() => undefined)));
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
      unregister();
    },
  };
}
