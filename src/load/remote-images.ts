/**
 * Remote images, made local at build time: a picture an article references by an `http(s)://` URL
 * (a badge, a hosted figure) is fetched once, checked to be a picture, kept in a cache folder
 * between builds, and then copied beside the deck like a local image (content-hashed name), so the
 * built deck asks no other host for anything — it works offline at a conference. A picture that
 * cannot be had is a warning at the article line that names it; the deck shows its alt text and
 * never asks for it. With `fetch: false` (`--no-fetch`) nothing is fetched: the deck links the
 * remote URL, and an info diagnostic says so for each picture.
 *
 * The cache: `<cacheDir>/images/<sha256 of the URL>.bin` (the bytes) and `.json` (URL, validators,
 * when it was fetched). A copy younger than MAX_AGE_MS is used without a request; an older one is
 * revalidated (If-None-Match / If-Modified-Since) and kept when the host cannot be reached.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { Diagnostic, ImageFile, ImageRef } from '../model.js';
import { hashedName } from './images.js';

/** Largest remote picture fetched, in bytes (a bigger one is a warning; the deck shows its alt text). */
export const MAX_REMOTE_IMAGE_BYTES = 10 * 1024 * 1024;
/** A cached copy younger than this is used without asking its host again (one day). */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** How long one picture may take to arrive. */
const TIMEOUT_MS = 15_000;
/** Pictures fetched at once. */
const CONCURRENCY = 6;

/** How remote pictures are handled (resolved from the config: `fetch`, `cacheDir`). */
export interface RemoteImageOptions {
  /** Fetch them at build time (default); false links the remote URL (`--no-fetch`). */
  readonly fetch: boolean;
  /** Absolute path of Lectern's cache folder (config `cacheDir`). */
  readonly cacheDir: string;
  /** Largest picture in bytes. Default MAX_REMOTE_IMAGE_BYTES. */
  readonly maxBytes?: number;
  /** The clock, for the cache's age (tests). Default Date.now. */
  readonly now?: () => number;
}

/** What became of an article's remote pictures. */
export interface RemoteImages {
  /** Fetched (or cached) pictures, to copy beside the deck like local ones. */
  readonly files: readonly ImageFile[];
  /** URLs that could not be had: the deck shows their alt text and never asks for them. */
  readonly unreachable: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Fetch (or find in the cache) every remote picture `refs` names; never throws for a picture. */
export async function loadRemoteImages(refs: readonly ImageRef[], articleFile: string, options: RemoteImageOptions): Promise<RemoteImages> {
  if (refs.length === 0) return { files: [], unreachable: [], diagnostics: [] };
  if (!options.fetch) return { files: [], unreachable: [], diagnostics: refs.map((ref) => linkedDiagnostic(ref, articleFile)) };
  const results: (ImageFile | Diagnostic)[] = new Array(refs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < refs.length) {
      const index = next++;
      const ref = refs[index]!;
      results[index] = await remoteImage(ref, articleFile, options).catch((err: unknown) => failure(ref, articleFile, (err as Error).message));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, refs.length) }, worker));
  const files: ImageFile[] = [];
  const unreachable: string[] = [];
  const diagnostics: Diagnostic[] = [];
  results.forEach((r, i) => {
    if ('severity' in r) {
      diagnostics.push(r);
      if (r.severity === 'warning') unreachable.push(refs[i]!.src);
    } else files.push(r);
  });
  return { files, unreachable, diagnostics };
}

/** What the cache keeps beside a picture's bytes. */
interface CacheEntry {
  readonly url: string;
  readonly fetchedAt: number;
  readonly etag?: string;
  readonly lastModified?: string;
}

async function remoteImage(ref: ImageRef, articleFile: string, options: RemoteImageOptions): Promise<ImageFile | Diagnostic> {
  const url = absoluteUrl(ref.src);
  const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
  const dir = join(options.cacheDir, 'images');
  const bin = join(dir, `${key}.bin`);
  const cached = await readCache(dir, key);
  const now = (options.now ?? Date.now)();
  if (cached !== undefined && now - cached.entry.fetchedAt < MAX_AGE_MS) return imageFile(ref, url, bin, cached.bytes, articleFile);
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        accept: 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8',
        ...(cached?.entry.etag === undefined ? {} : { 'if-none-match': cached.entry.etag }),
        ...(cached?.entry.lastModified === undefined ? {} : { 'if-modified-since': cached.entry.lastModified }),
      },
    });
  } catch (err) {
    // The host cannot be reached (offline, DNS): an older copy is better than none.
    if (cached !== undefined) return imageFile(ref, url, bin, cached.bytes, articleFile);
    return failure(ref, articleFile, reason(err));
  }
  if (response.status === 304 && cached !== undefined) {
    await writeEntry(dir, key, { ...cached.entry, fetchedAt: now });
    return imageFile(ref, url, bin, cached.bytes, articleFile);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return failure(ref, articleFile, `the host answered ${response.status} ${response.statusText}`.trim());
  }
  const maxBytes = options.maxBytes ?? MAX_REMOTE_IMAGE_BYTES;
  const bytes = await readLimited(response, maxBytes);
  if (bytes === undefined) return failure(ref, articleFile, `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (pictureType(bytes) === undefined) return failure(ref, articleFile, `what the host sent (${response.headers.get('content-type') ?? 'no content type'}) is not a picture`);
  await mkdir(dir, { recursive: true });
  await writeAtomic(bin, bytes);
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  await writeEntry(dir, key, { url, fetchedAt: now, ...(etag === null ? {} : { etag }), ...(lastModified === null ? {} : { lastModified }) });
  return imageFile(ref, url, bin, bytes, articleFile);
}

/** The picture as a local image: its cached bytes, a hashed name with the extension of its real type. */
function imageFile(ref: ImageRef, url: string, from: string, bytes: Uint8Array, articleFile: string): ImageFile | Diagnostic {
  const type = pictureType(bytes);
  if (type === undefined) return failure(ref, articleFile, 'the cached copy is not a picture');
  const stem = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'image').replace(/\.[a-z0-9]+$/i, '');
  const name = hashedName(`${stem || 'image'}.${type.ext}`, bytes);
  return { src: ref.src, from, name, ...(type.width > 0 && type.height > 0 ? { width: type.width, height: type.height } : {}) };
}

/** What the bytes are, as their header says, with the extension browsers and hosts expect. */
function pictureType(bytes: Uint8Array): { ext: string; width: number; height: number } | undefined {
  try {
    const { type, width, height } = imageSize(bytes);
    if (type === undefined) return undefined;
    return { ext: type === 'jpg' ? 'jpg' : type, width, height };
  } catch {
    return undefined;
  }
}

/** The body, or undefined as soon as it passes `max` bytes (the rest is not downloaded). */
async function readLimited(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readCache(dir: string, key: string): Promise<{ entry: CacheEntry; bytes: Uint8Array } | undefined> {
  try {
    const entry = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as CacheEntry;
    if (typeof entry.fetchedAt !== 'number') return undefined;
    return { entry, bytes: await readFile(join(dir, `${key}.bin`)) };
  } catch {
    return undefined;
  }
}

async function writeEntry(dir: string, key: string, entry: CacheEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomic(join(dir, `${key}.json`), `${JSON.stringify(entry)}\n`);
}

/** Written under a temporary name and renamed: two builds sharing the cache never read half a file. */
async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** `//host/x.png` is fetched over https. */
function absoluteUrl(src: string): string {
  const s = src.trim();
  return s.startsWith('//') ? `https:${s}` : s;
}

function reason(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause === undefined ? (e.message ?? String(err)) : `${e.message ?? 'fetch failed'} (${cause})`;
}

function failure(ref: ImageRef, file: string, why: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'image-fetch-failed',
    message: `remote image "${ref.src}" could not be fetched: ${why}; the slide shows its alt text`,
    file,
    line: ref.line,
    hint: 'check the URL, or build once with network access (the picture is then cached); --no-fetch links remote images instead',
  };
}

function linkedDiagnostic(ref: ImageRef, file: string): Diagnostic {
  let host = ref.src;
  try {
    host = new URL(absoluteUrl(ref.src)).host;
  } catch {
    // keep the src as written
  }
  return {
    severity: 'info',
    code: 'image-remote-linked',
    message: `remote image "${ref.src}" is linked, not fetched (--no-fetch): the deck asks ${host} for it when shown`,
    file,
    line: ref.line,
    hint: 'build without --no-fetch to copy it beside the deck, so the deck works offline',
  };
}
