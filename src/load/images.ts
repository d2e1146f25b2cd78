/**
 * The file-system edge for images: the files an article references by relative path are read here
 * (once per build), hashed, and given the names their copies get beside the deck page — a content
 * hash in the name, so a changed image never hits a stale cache, and never a leading `_` or `.`
 * (GitHub Pages drops such files). Everything after this is pure: the planner's deck is rewritten
 * with these names, and the site writer copies `from` → `name`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic, ImageFile, ImageRef, LoadedImages } from '../model.js';

/** The file path part of a relative src: no query or fragment, percent escapes decoded. */
export function srcPath(src: string): string {
  const path = src.trim().split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Read the images `refs` name (relative to `articleFile`); a missing one is a warning at its line. */
export async function loadImages(refs: readonly ImageRef[], articleFile: string): Promise<LoadedImages> {
  const files: ImageFile[] = [];
  const missing: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { src, line } of refs) {
    const from = resolve(dirname(articleFile), srcPath(src));
    const bytes = await readIfFile(from);
    if (bytes === undefined) {
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
    files.push({ src, from, name: hashedName(from, bytes), ...naturalSize(bytes) });
  }
  return { files, missing, diagnostics };
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
