/**
 * `lectern build --watch`: build, then build again whenever a file under the inputs' folders (or
 * the config file) changes — articles, images, a Jekyll site's data and includes. Changes are
 * gathered for a short while (an editor's save is several writes) and builds never overlap: a
 * change during a build starts one more build after it. A failed build is reported and the watch
 * goes on; the output folder's own writes are ignored. Node's `fs.watch` (recursive on Linux since
 * Node 20, on macOS and Windows natively) is the watcher: no dependency.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { globBase } from '../load/inputs.js';

/** Something that tells when a file in a folder (and, `recursive`, under it) changes: fs.watch, or a fake in tests. */
export type WatchFn = (folder: string, recursive: boolean, onChange: (file: string) => void) => { close(): void };

/** Options of watchAndRun. */
export interface WatchOptions {
  /** The build's inputs (files, folders, globs), relative to cwd. */
  readonly inputs: readonly string[];
  readonly cwd: string;
  /** Files outside the inputs' folders to watch too (the config file). */
  readonly extraFiles?: readonly string[];
  /** Folders whose changes never start a build (the output folder). */
  readonly ignore?: readonly string[];
  /** One build; what it throws is handed to onError and the watch goes on. */
  readonly run: (changed: readonly string[]) => Promise<void>;
  readonly onError: (error: unknown) => void;
  /** How long changes are gathered before a build starts. Default 100 ms. */
  readonly settleMs?: number;
  readonly watch?: WatchFn;
}

/** A running watch; `close()` stops watching (a build under way finishes). */
export interface Watching {
  /** The folders watched (absolute). */
  readonly folders: readonly string[];
  /** Resolves when no build is running or waiting (for tests). */
  idle(): Promise<void>;
  close(): void;
}

/** Run once now, then again after changes, until closed. */
export async function watchAndRun(options: WatchOptions): Promise<Watching> {
  const cwd = resolve(options.cwd);
  const ignore = (options.ignore ?? []).map((f) => resolve(cwd, f));
  const extra = (options.extraFiles ?? []).map((f) => resolve(cwd, f));
  const folders = await watchedFolders(options.inputs, cwd);
  const queue = createQueue(options);
  const watchFn = options.watch ?? nodeWatch;
  const watchers = folders.map((folder) =>
    watchFn(folder, true, (file) => {
      if (!ignore.some((i) => inside(file, i)) && !isNoise(file)) queue.changed(file);
    }),
  );
  // The config file: its folder alone (not the tree under it), and that file only.
  for (const folder of new Set(extra.filter((f) => !folders.some((w) => inside(f, w))).map((f) => dirname(f)))) {
    watchers.push(watchFn(folder, false, (file) => extra.includes(file) && queue.changed(file)));
  }
  await queue.runNow([]);
  return {
    folders,
    idle: () => queue.idle(),
    close: () => {
      for (const w of watchers) w.close();
      queue.close();
    },
  };
}

/** Builds one after the other: changes during a build start exactly one more, with all of them. */
function createQueue(options: WatchOptions): { changed(file: string): void; runNow(files: string[]): Promise<void>; idle(): Promise<void>; close(): void } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  const runNow = (files: string[]): Promise<void> => {
    running = running.then(async () => {
      if (closed && files.length > 0) return;
      try {
        await options.run(files);
      } catch (error) {
        options.onError(error);
      }
    });
    return running;
  };
  return {
    changed(file) {
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending].sort();
        pending = new Set();
        void runNow(files);
      }, options.settleMs ?? 100);
    },
    runNow,
    async idle() {
      // A change may be gathering (timer set) while the last build ends: wait for both.
      while (timer !== undefined && pending.size > 0) await new Promise((r) => setTimeout(r, 20));
      await running;
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Folders to watch: each input folder, a file's folder, a glob's fixed leading folders. */
async function watchedFolders(inputs: readonly string[], cwd: string): Promise<string[]> {
  const folders: string[] = [];
  for (const input of inputs) {
    const base = resolve(cwd, globBase(input));
    const info = await stat(base).catch(() => undefined);
    folders.push(info?.isDirectory() ? base : dirname(base));
  }
  // A folder inside another watched one is covered by it (watches are recursive).
  const unique = [...new Set(folders)].sort();
  return unique.filter((f) => !unique.some((other) => other !== f && inside(f, other)));
}

/** Editor swap files, backups and VCS internals never start a build. */
function isNoise(file: string): boolean {
  const name = file.split(/[\\/]/).pop() ?? '';
  return /(^\.#|~$|\.sw[a-p]$|^\.DS_Store$|^4913$)/.test(name) || file.split(/[\\/]/).includes('.git') || file.split(/[\\/]/).includes('node_modules');
}

/** Whether `path` is `folder` or under it. */
function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** fs.watch over a folder (and its tree). */
const nodeWatch: WatchFn = (folder, recursive, onChange) => {
  const watcher: FSWatcher = fsWatch(folder, { recursive }, (_event, name) => {
    if (name !== null) onChange(join(folder, name.toString()));
  });
  // A folder that goes away (or a watch limit reached) must not crash the build loop.
  watcher.on('error', () => undefined);
  return watcher;
};
