/**
 * The deck runtime at the file-system edge: reveal.js, its plugins, the fonts, Lectern's layout and
 * the themes, built once by Vite into runtime/ (see build.ts) and copied into every site's
 * assets/. `loadRuntime()` is what a build calls: it reuses runtime/ while its inputs are unchanged
 * (a hash check of a few milliseconds), so an HTML-only `lectern build` never runs Vite.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LecternError } from '../errors.js';
import { buildRuntime } from './build.js';
import { hashRuntimeInputs } from './hash.js';
import type { RuntimeManifest } from './manifest.js';
import { MANIFEST_FILE, RUNTIME_DIR, isDevelopmentCheckout } from './paths.js';

export { buildRuntime } from './build.js';
export { deckAssets, themeStylesheet, type RuntimeManifest } from './manifest.js';
export { CLIENT_DIR, PACKAGE_ROOT, RUNTIME_DIR, THEMES_DIR, isDevelopmentCheckout, listThemes } from './paths.js';

/** Builds in flight in this process, by inputs hash: concurrent callers share one Vite run. */
const building = new Map<string, Promise<RuntimeManifest>>();

/** The runtime manifest; builds runtime/ first when it is missing, incomplete or out of date. */
export async function loadRuntime(): Promise<RuntimeManifest> {
  const existing = await readRuntimeManifest();
  // An installed package uses the runtime it ships, as it is: it is never rebuilt there.
  if (!isDevelopmentCheckout()) {
    if (existing !== undefined) return existing;
    throw new LecternError('runtime-missing', `the deck runtime is missing from ${RUNTIME_DIR}`, {
      hint: 'reinstall lectern; in a checkout of its repository, run `npm run setup`',
    });
  }
  const hash = await hashRuntimeInputs();
  if (existing?.inputsHash === hash && (await filesPresent(existing))) return existing;
  let pending = building.get(hash);
  if (pending === undefined) {
    pending = buildRuntime().finally(() => building.delete(hash));
    building.set(hash, pending);
  }
  return pending;
}

/** runtime/lectern-runtime.json, or undefined when it is absent or unreadable. */
export async function readRuntimeManifest(): Promise<RuntimeManifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(RUNTIME_DIR, MANIFEST_FILE), 'utf8'));
    return isManifest(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function filesPresent(manifest: RuntimeManifest): Promise<boolean> {
  const found = await Promise.all(manifest.files.map((f) => stat(join(RUNTIME_DIR, f)).then(() => true, () => false)));
  return found.every(Boolean);
}

function isManifest(value: unknown): value is RuntimeManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<keyof RuntimeManifest, unknown>>;
  const deck = m.deck as { js?: unknown; css?: unknown } | undefined;
  return (
    typeof m.inputsHash === 'string' &&
    typeof deck === 'object' && deck !== null && typeof deck.js === 'string' && Array.isArray(deck.css) &&
    typeof m.themes === 'object' && m.themes !== null &&
    Array.isArray(m.files) && m.files.every((f) => typeof f === 'string')
  );
}
