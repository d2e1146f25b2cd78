/**
 * What Lectern's local servers (the dev server, `lectern preview`, the scratch site the browser
 * prints from) accept before they look for a file: a request whose Host header names this machine
 * — a loopback name, or the name the server was told to listen on — so a web page whose domain
 * was rebound to 127.0.0.1 (DNS rebinding) cannot read them; and a path that, decoded once, holds
 * no `..`, backslash, NUL or hidden name (`.env`, `.git/`, `.lectern-manifest.json`).
 */
import { isIP } from 'node:net';

/** Names `0.0.0.0`-style hosts listen on: every interface, reached by the machine's addresses. */
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host name of a Host header (`[::1]:5173` → `::1`), lower-cased, without a trailing dot. */
export function hostName(header: string): string | undefined {
  const value = header.trim().toLowerCase();
  const match = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(value) ?? /^([^:[\]]+)(?::\d+)?$/.exec(value);
  const name = match?.[1]?.replace(/\.$/, '');
  return name === undefined || name === '' ? undefined : name;
}

/** Whether `name` is this machine by any resolver: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || /^::ffff:127\./.test(name);
}

/**
 * Whether a request with this Host header may be answered by a server listening on `listenHost`:
 * loopback names always; the listen host's own name; and, for a server listening on every
 * interface (`--host 0.0.0.0`), any IP address — an address is not a name a page can rebind.
 */
export function hostAllowed(header: string | undefined, listenHost: string, extra: readonly string[] = []): boolean {
  if (header === undefined) return false;
  const name = hostName(header);
  if (name === undefined) return false;
  if (isLoopbackName(name)) return true;
  const listen = listenHost.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (name === listen || extra.some((h) => h.toLowerCase() === name)) return true;
  return WILDCARDS.has(listen) && isIP(name) !== 0;
}

/** A URL path checked once: its decoded segments, or why it is refused. */
export type CheckedPath = { readonly ok: true; readonly segments: readonly string[] } | { readonly ok: false; readonly status: 403 | 404 };

/**
 * The decoded segments of a request path (query and fragment dropped): 403 for `..`, `.`,
 * backslashes, NUL or a malformed escape however it was encoded; 404 for a hidden name.
 */
export function checkPath(url: string): CheckedPath {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 403 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { ok: false, status: 403 };
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404 };
  return { ok: true, segments };
}
