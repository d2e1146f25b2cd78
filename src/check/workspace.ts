/**
 * Where `lectern check` puts the decks it measures: a temporary site served on 127.0.0.1. Decks go
 * in numbered sub-sites (`0/`, `1/`...) so articles from different folders with the same slug do
 * not collide; each sub-site gets its own copy of the runtime under `assets/`, as a real site.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../export/index.js';
import { copyRuntime, type RuntimeManifest } from '../site/runtime.js';
import { writeFileAtomic } from '../util/write-atomic.js';

/** A place for one deck in the workspace. */
export interface DeckSlot {
  /** The deck's folder (write index.html and its images here). */
  readonly dir: string;
  /** Where the browser loads the deck from. */
  readonly url: string;
}

/** A temporary served site; `dispose()` stops the server and removes the folder. */
export interface Workspace {
  slot(slug: string): Promise<DeckSlot>;
  write(slot: DeckSlot, html: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Create an empty workspace that copies `runtime` into each sub-site it opens. */
export async function createWorkspace(runtime: RuntimeManifest): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'lectern-check-'));
  let server: StaticServer | undefined;
  try {
    server = await serveStatic(root);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const served = server;
  const sites: Set<string>[] = [];
  return {
    async slot(slug) {
      let index = sites.findIndex((slugs) => !slugs.has(slug));
      if (index < 0) {
        index = sites.length;
        sites.push(new Set());
        await copyRuntime(runtime, join(root, String(index), 'assets'));
      }
      sites[index]!.add(slug);
      return { dir: join(root, String(index), slug), url: `${served.url}/${index}/${encodeURIComponent(slug)}/` };
    },
    write(slot, html) {
      return writeFileAtomic(join(slot.dir, 'index.html'), html);
    },
    async dispose() {
      await served.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
