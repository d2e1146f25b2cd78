/**
 * The `multiplex` option (config or front matter): a deck built with it follows a reveal.js
 * multiplex relay — its page says so in #lectern-config (url and id) — and the speaker's secret is
 * never written into a page. An ordinary deck's page says nothing of following at all.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig, resolveMultiplex } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { parseSource } from '../../../src/load/source.js';
import { compileForTest } from '../helpers/compile.js';

const RELAY = { url: 'https://relay.example.org/', id: 'a'.repeat(64), secret: 'the-speakers-secret' };
const ARTICLE = '# A talk\n\nIts lede.\n\n## First\n\nSome text to show.\n';

function clientConfig(html: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="lectern-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
  return JSON.parse(json) as Record<string, unknown>;
}

describe('multiplex option', () => {
  it('writes the relay url and id into the deck page, never the secret', () => {
    const compiled = compileForTest(parseSource(ARTICLE, 'talk.md', { resolveLink: () => undefined }), resolveConfig({ multiplex: RELAY }));
    expect(clientConfig(compiled.rendered.html)['follow']).toEqual({ multiplex: { url: RELAY.url, id: RELAY.id } });
    expect(compiled.rendered.html).not.toContain(RELAY.secret);
  });

  it('takes the front matter’s over the config’s, and `multiplex: false` turns it off', () => {
    const fm = `---\nlectern:\n  multiplex:\n    url: https://other.example.org/\n    id: abc\n    secret: s3\n---\n${ARTICLE}`;
    const compiled = compileForTest(parseSource(fm, 'talk.md', { resolveLink: () => undefined }), resolveConfig({ multiplex: RELAY }));
    expect(clientConfig(compiled.rendered.html)['follow']).toEqual({ multiplex: { url: 'https://other.example.org/', id: 'abc' } });
    expect(compiled.rendered.html).not.toContain('s3');
    const off = compileForTest(parseSource(`---\nmultiplex: false\n---\n${ARTICLE}`, 'talk.md', { resolveLink: () => undefined }), resolveConfig({ multiplex: RELAY }));
    expect(clientConfig(off.rendered.html)).not.toHaveProperty('follow');
  });

  it('leaves an ordinary deck as it was: no follow setting', () => {
    const compiled = compileForTest(parseSource(ARTICLE, 'talk.md', { resolveLink: () => undefined }));
    expect(clientConfig(compiled.rendered.html)).not.toHaveProperty('follow');
  });

  it.each([
    [{ url: 'relay.example.org', id: 'x' }, /url/],
    [{ url: 'ftp://relay.example.org/', id: 'x' }, /url/],
    [{ url: 'https://relay.example.org/', id: '' }, /id/],
    [{ url: 'https://relay.example.org/', id: 'x', secret: 5 }, /secret/],
    ['https://relay.example.org/', /object/],
  ])('refuses %j with a hint', (value, message) => {
    let error: unknown;
    try {
      resolveMultiplex({}, { multiplex: value }, 'talk.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).message).toMatch(message);
    expect((error as LecternError).hint).toMatch(/token/);
    expect(() => resolveConfig({ multiplex: value as never })).toThrow(LecternError);
  });
});
