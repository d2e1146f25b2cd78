/**
 * `lectern present [input]`: one deck served for a live talk. The article is compiled as for
 * `lectern build`, with a page that follows the talk; the deck and the runtime are written into a
 * temporary folder (removed on close, on Ctrl-C and on exit: util/cleanup.ts) and served with the
 * relay (present/server.ts, present/relay.ts). Three addresses:
 *
 * - the **speaker** page `<deck>/?speaker=<token>`: the deck that drives (S opens reveal.js's
 *   speaker view, which shows the remote's QR code; Q shows it over the slide);
 * - the **remote** `<deck>/?remote=<token>`: a phone page with next/previous, the current and next
 *   slide titles, the notes and a timer — it drives too;
 * - the **audience** `<deck>/`: follows the speaker's slide and fragment.
 *
 * On 127.0.0.1 unless `host` says otherwise; with a host of the network the whole site moves under
 * a random base path (`/<key>/`), so only people given a URL reach it, and driving always needs
 * the speaker token (random per run).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckDiagnostics } from '../check/index.js';
import type { ResolvedConfig } from '../config.js';
import { resolveMultiplex } from '../config.js';
import { LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { createRelay, type TalkState } from '../present/relay.js';
import { servePresent, type PresentServer } from '../present/server.js';
import { qrSvg } from '../render/share.js';
import { deckOutput, mergeOutput, runtimeOutput } from '../site/output.js';
import { writeFiles } from '../site/write.js';
import { registerCleanup } from '../util/cleanup.js';
import { compileWith, realEdges, type Edges } from './edges.js';

/** The port `lectern present` tries first (reveal.js's own notes server uses it too). */
export const DEFAULT_PRESENT_PORT = 1947;

/** Options of startPresent. */
export interface PresentOptions {
  /** One article (or a folder holding exactly one). */
  readonly input: string;
  readonly config: ResolvedConfig;
  /** Interface to listen on; default 127.0.0.1. `0.0.0.0` (or `::`) is every interface. */
  readonly host?: string;
  /** Port; taken → an error. Default: 1947, or a free one when that is taken. */
  readonly port?: number;
  /** The speaker token; default random. */
  readonly token?: string;
}

/** A talk being served. */
export interface Presentation {
  readonly slug: string;
  readonly title: string;
  readonly slideCount: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The deck that drives (holds the token). */
  readonly speakerUrl: string;
  /** The phone remote (holds the token). */
  readonly remoteUrl: string;
  /** The page for the audience: follows, cannot drive. */
  readonly audienceUrl: string;
  /** The speaker token. */
  readonly token: string;
  /** Whether the multiplex relay is used too. */
  readonly multiplex?: { readonly url: string; readonly id: string };
  /** The talk's current state, as the relay holds it (undefined before the first move). */
  state(): TalkState | undefined;
  /** Cut every relay connection (tests). */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Compile the deck, write it to a temporary folder and serve it with the relay. */
export async function startPresent(options: PresentOptions, edges: Edges = realEdges): Promise<Presentation> {
  const { config } = options;
  const runtime = await edges.loadRuntime();
  const sources = await edges.loadSources([options.input]);
  const source = sources[0];
  if (source === undefined || sources.length > 1) {
    throw new LecternError('usage', `lectern present serves one deck; ${options.input} holds ${sources.length} articles`, {
      file: options.input,
      hint: 'name one article: `lectern present decks/eventlet.md`',
    });
  }
  const compiled = withCheckDiagnostics(await compileWith(edges, source, { config, runtime, thumbnail: 'svg', present: true }));
  const fatal = compiled.rendered.diagnostics.filter((d) => d.severity === 'error' || (config.strict && d.severity === 'warning'));
  if (fatal.length > 0) {
    throw new LecternError(config.strict && fatal[0]?.severity === 'warning' ? 'strict-diagnostics' : 'article-invalid', `${fatal.length} ${fatal.length === 1 ? 'problem' : 'problems'} in ${source.path}`, {
      diagnostics: compiled.rendered.diagnostics,
      hint: 'fix the errors above and present again',
    });
  }
  const multiplex = resolveMultiplex(config, source.meta.raw, source.path);

  const host = options.host ?? '127.0.0.1';
  const local = isLoopbackHost(host);
  // On the network, the site lives under a random path: the URLs are the key.
  const base = local ? '/' : `/${randomBytes(9).toString('base64url')}/`;
  const token = options.token ?? randomBytes(18).toString('base64url');
  const slug = compiled.rendered.slug;

  let root: string | undefined;
  let server: PresentServer | undefined;
  // Registered before the folder exists: Ctrl-C at any moment removes it and ends the process.
  const unregister = registerCleanup(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  });
  try {
    root = await mkdtemp(join(tmpdir(), 'lectern-present-'));
    await writeFiles(root, mergeOutput(runtimeOutput(runtime), deckOutput(compiled)));
    const relay = createRelay({ speakerToken: token });
    server = await listen({ root, base, host, slug, relay, ...(options.port === undefined ? {} : { port: options.port }) });
    const origin = `http://${shownHost(host)}:${server.port}`;
    const deck = `${origin}${base}${encodeURIComponent(slug)}/`;
    const remoteUrl = `${deck}?remote=${token}`;
    relay.setSpeakerInfo({
      remoteUrl,
      remoteQr: qrSvg(remoteUrl),
      audienceUrl: deck,
      ...(multiplex?.secret === undefined ? {} : { multiplex: { url: multiplex.url, id: multiplex.id, secret: multiplex.secret } }),
    });
    const running = server;
    const folder = root;
    return {
      slug,
      title: compiled.deck.meta.title,
      slideCount: compiled.rendered.slideCount,
      diagnostics: compiled.rendered.diagnostics,
      speakerUrl: `${deck}?speaker=${token}`,
      remoteUrl,
      audienceUrl: deck,
      token,
      ...(multiplex === undefined ? {} : { multiplex: { url: multiplex.url, id: multiplex.id } }),
      state: () => relay.state,
      dropConnections: () => running.dropConnections(),
      async close() {
        await running.close();
        await rm(folder, { recursive: true, force: true, maxRetries: 3 });
        unregister();
      },
    };
  } catch (error) {
    await server?.close();
    if (root !== undefined) await rm(root, { recursive: true, force: true, maxRetries: 3 });
    unregister();
    throw error;
  }
}

/** Listen on the port asked for (taken: an error with a hint), else 1947, else a free one. */
async function listen(options: Omit<Parameters<typeof servePresent>[0], 'port'> & { readonly port?: number }): Promise<PresentServer> {
  const ports = options.port === undefined ? [DEFAULT_PRESENT_PORT, 0] : [options.port];
  for (const [i, port] of ports.entries()) {
    try {
      return await servePresent({ ...options, port });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && i < ports.length - 1) continue;
      const where = `${options.host} port ${port}`;
      throw new LecternError('usage', code === 'EADDRINUSE' ? `port ${port} is in use (another server listens on ${where})` : `cannot listen on ${where}: ${(cause as Error).message}`, {
        hint: code === 'EADDRINUSE' ? 'choose another with --port, or leave --port out to take a free one' : 'check --host: it must be an address of this machine (or 0.0.0.0 for every interface)',
        exitCode: 1,
        cause,
      });
    }
  }
  throw new Error('unreachable');
}

/** Whether a listen address is this machine only. */
function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.startsWith('127.') || h === '::1';
}

/**
 * The host name to put in URLs: the address itself, or for every interface (`0.0.0.0`, `::`) the
 * machine's first address on the network (what a phone can reach).
 */
function shownHost(host: string): string {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === '0.0.0.0' || h === '::' || h === '') {
    const addresses = Object.values(networkInterfaces()).flat().filter((a) => a !== undefined && !a.internal);
    const v4 = addresses.find((a) => a?.family === 'IPv4');
    const chosen = v4?.address ?? addresses[0]?.address ?? '127.0.0.1';
    return chosen.includes(':') ? `[${chosen}]` : chosen;
  }
  return h.includes(':') ? `[${h}]` : h;
}
