/**
 * `lectern present [input]`: serve one deck for a live talk and print its three addresses — the
 * speaker's deck, the phone remote (with its QR code, drawn in the terminal) and the audience's.
 * Resolves once the server listens; the open server keeps the process alive until Ctrl-C, which
 * removes its temporary folder (util/cleanup.ts) and ends with exit code 130.
 */
import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';
import { LecternError } from '../errors.js';
import { resolveCliConfig, type CliContext, type CliFlags } from './context.js';

/** Run `lectern present <input>`. */
export async function runPresent(input: string | undefined, flags: CliFlags, ctx: CliContext): Promise<number> {
  if (input === undefined) throw new LecternError('usage', 'name the article to present', { hint: 'lectern present decks/eventlet.md' });
  const host = flags.host === undefined ? undefined : flags.host === (true as unknown) || flags.host === '' ? '0.0.0.0' : String(flags.host);
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new LecternError('usage', `--port must be a port number, not ${JSON.stringify(flags.port)}`, { hint: 'run `lectern present --help`' });
  }
  const config = await resolveCliConfig(flags, ctx);
  const { startPresent } = await import('../commands/present.js');
  const talk = await startPresent({ input, config, ...(host === undefined ? {} : { host }), ...(port === undefined ? {} : { port }) });
  for (const d of talk.diagnostics) if (d.severity !== 'info') ctx.log.diagnostic(d);
  const qrcode = createRequire(import.meta.url)('qrcode') as typeof QRCodeModule;
  const qr = await qrcode.toString(talk.remoteUrl, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
  const { log } = ctx;
  // The addresses and the QR code are what the command exists to print; the explanations go with --quiet.
  log.result(`lectern present: ${talk.title} (${talk.slideCount} slides)`);
  log.result(`  speaker:  ${talk.speakerUrl}`);
  log.info('            (S: speaker view with notes; Q: the remote\'s QR code on screen)');
  log.result(`  remote:   ${talk.remoteUrl}`);
  log.result(`  audience: ${talk.audienceUrl}`);
  if (talk.multiplex !== undefined) log.result(`  multiplex: ${talk.multiplex.url} (id ${talk.multiplex.id}): hosted copies of the deck follow too`);
  log.info(host === undefined ? '  on this machine only; --host serves the local network' : '  on the network: the URLs hold the key; the speaker and remote URLs hold the token that drives — keep them to yourself');
  log.info('Scan for the phone remote:');
  log.result(qr.trimEnd());
  log.result('(Ctrl-C to stop)');
  return 0;
}
