/**
 * Where a browser session keeps its files. Chromium writes a profile (given as --user-data-dir)
 * and, in TMPDIR, a folder for its singleton socket that it removes only when it closes normally.
 * Both go into the session's one folder when the socket's path still fits there; otherwise the
 * singleton folder is found through the profile's link to it and removed by name.
 */
import { existsSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Longest path of a Unix socket (104 bytes on macOS, 108 on Linux), and what Chromium adds to its
 * TMPDIR for its singleton socket (`/org.chromium.Chromium.XXXXXX/SingletonSocket`, with room for
 * Chrome's and Edge's longer names).
 */
const SOCKET_PATH_MAX = 103;
const SINGLETON_SUFFIX = 56;

/** Length of `/lectern-chromium-XXXXXX`, the session folder's name. */
const SESSION_NAME = 24;

/**
 * The session folder as the browser's TMPDIR, when Chromium's socket path inside it still fits
 * (Chromium stops with "Socket path too long" otherwise); else undefined: the system's, and its
 * singleton folder is found from the profile and removed by name (removeSingletonDir).
 */
export function chromiumTmp(sessionDir: string): string | undefined {
  return Buffer.byteLength(sessionDir) + SINGLETON_SUFFIX <= SOCKET_PATH_MAX ? sessionDir : undefined;
}

/**
 * Where the session folder goes: the system's temporary folder, or `/tmp` when that one's path is
 * too long for the browser's socket to fit inside the session folder (macOS's per-user
 * `/var/folders/…/T/`), so that everything the browser writes still goes into one folder.
 */
export function sessionParent(temp = tmpdir(), hasTmp = existsSync('/tmp')): string {
  const fits = (dir: string): boolean => Buffer.byteLength(dir) + SESSION_NAME + SINGLETON_SUFFIX <= SOCKET_PATH_MAX;
  return fits(temp) || process.platform === 'win32' || !hasTmp ? temp : '/tmp';
}

/**
 * Remove the temporary folder of the browser's singleton socket, which the profile links to
 * (`SingletonSocket` → `/tmp/org.chromium.Chromium.XXXXXX/SingletonSocket`): the browser removes
 * it when it closes, but not when it is killed. Only a folder named as Chromium, Chrome or Edge
 * name theirs is removed.
 */
export function removeSingletonDir(profile: string): void {
  let target: string;
  try {
    target = readlinkSync(join(profile, 'SingletonSocket'));
  } catch {
    return;
  }
  const folder = dirname(target);
  if (!/^\.?(org\.chromium\.Chromium|com\.google\.Chrome|com\.microsoft\.Edge)[\w.-]*\.\w+$/.test(basename(folder))) return;
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Best effort.
  }
}
