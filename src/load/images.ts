/**
 * The file-system edge for images: the files an article references by relative path are read here
 * (once per build), hashed, and given the names their copies get beside the deck page — a content
 * hash in the name, so a changed image never hits a stale cache, and never a leading `_` or `.`
 * (GitHub Pages drops such files). Everything after this is pure: the planner's deck is rewritten
 * with these names, and the site writer copies `from` → `name`.
 *
 * An article only reaches files of its project (load/project-root.ts): a path that leads outside
 * it — by `..`, an absolute path or a symbolic link — or into a hidden file is refused with a
 * warning at its line, and the deck shows the image's alt text instead.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic, ImageFile, ImageRef, LoadedImages } from '../model.js';
import { isRemoteUrl } from '../util/urls.js';
import { projectRoots, refusal, type FileRefusal } from './project-root.js';
import { loadRemoteImages, type RemoteImageOptions } from './remote-images.js';

/** Which folders an article's files may come from besides its project (load/project-root.ts). */
export interface ImageAccess {
  /** More folders images may be read from (`--allow-dir`, config `allowDirs`), relative to `cwd`. */
  readonly allowDirs?: readonly string[];
  /** Folder relative paths start from. Default: process.cwd(). */
  readonly cwd?: string;
  /** Remote (`https://`) pictures: fetched into the cache, or linked (load/remote-images.ts). Default: linked, not fetched. */
  readonly remote?: RemoteImageOptions;
}

/** The file path part of a relative src: no query or fragment, percent escapes decoded. */
export function srcPath(src: string): string {
  const path = src.trim().split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Read the images `refs` name (relative to `articleFile`) that lie inside the article's project; a
 * missing one is a warning at its line, and so is one outside the project (listed in `blocked`).
 * Remote ones (`https://…`) go to load/remote-images.ts.
 */
export async function loadImages(refs: readonly ImageRef[], articleFile: string, access: ImageAccess = {}): Promise<LoadedImages> {
  const files: ImageFile[] = [];
  const missing: string[] = [];
  const blocked: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const cwd = access.cwd ?? process.cwd();
  let roots: Promise<string[]> | undefined;
  const remote = access.remote === undefined ? undefined : await loadRemoteImages(refs.filter((r) => isRemoteUrl(r.src)), articleFile, access.remote);
  for (const { src, line } of refs) {
    if (isRemoteUrl(src)) continue;
    const from = resolve(cwd, dirname(articleFile), srcPath(src));
    // Symbolic links resolved before the check (a link inside the project may point anywhere),
    // and the check made before the file is read.
    const real = await realpath(from).catch(() => undefined);
    roots ??= projectRoots(articleFile, access.allowDirs, cwd);
    const checked = real ?? (await realParent(from));
    const refused = refusal(checked, await roots);
    if (refused !== undefined) {
      blocked.push(src);
      diagnostics.push(refusedImage(src, checked, refused, articleFile, line));
      continue;
    }
    const bytes = real === undefined ? undefined : await readIfFile(real);
    if (real === undefined || bytes === undefined) {
      missing.push(src);
      diagnostics.push({
        severity: 'warning',
        code: 'image-missing',
        message: `image "${src}" not found (looked for ${from})`,
        file: articleFile,
        line,
        hint: 'paths of images are relative to the article file; fix the path or add the file',
      });
      continue;
    }
    files.push({ src, from: real, name: hashedName(from, bytes), ...naturalSize(bytes) });
  }
  const unreachable = remote?.unreachable ?? [];
  return {
    files: [...files, ...(remote?.files ?? [])],
    missing: [...missing, ...unreachable],
    diagnostics: [...diagnostics, ...(remote?.diagnostics ?? [])],
    ...(blocked.length === 0 ? {} : { blocked }),
    ...(unreachable.length === 0 ? {} : { unreachable }),
  };
}

/** The picture's size in px as its header says (PNG, JPEG, GIF, WebP, SVG…); nothing when it cannot tell. */
function naturalSize(bytes: Uint8Array): { width?: number; height?: number } {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : {};
  } catch {
    return {};
  }
}

function refusedImage(src: string, real: string, refused: FileRefusal, file: string, line: number): Diagnostic {
  if (refused.type === 'hidden') {
    return {
      severity: 'warning',
      code: 'image-hidden',
      message: `image "${src}" is a hidden file (${real}): it was not copied; the slide shows its alt text`,
      file,
      line,
      hint: 'names starting with "." (.git, .env) are never published; rename the file if it is meant to be seen',
    };
  }
  return {
    severity: 'warning',
    code: 'image-outside-project',
    message: `image "${src}" is outside the article's project (${real} is not in ${refused.roots.join(', ')}): it was not copied; the slide shows its alt text`,
    file,
    line,
    hint: 'move the file into the project, or allow its folder with --allow-dir DIR (allowDirs in lectern.config.json)',
  };
}

/** A missing file's path with its folder's links resolved (so it compares with the real roots). */
async function realParent(file: string): Promise<string> {
  const folder = await realpath(dirname(file)).catch(() => undefined);
  return folder === undefined ? file : join(folder, basename(file));
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}

/** `<stem>-<8 hex>.<ext>` with the stem made safe: no leading `_` or `.`, only [a-z0-9-]. */
export function hashedName(file: string, bytes: Uint8Array): string {
  const ext = extname(file).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return `${stem}-${hash}${ext}`;
}
