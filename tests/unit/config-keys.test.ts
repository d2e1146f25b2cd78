/**
 * config-keys.ts: unknown option names in a config object or a front matter `lectern:` block, each
 * with the nearest valid name when one is close (a slip, not a different word).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../src/config.js';
import { DECK_OPTION_KEYS, editDistance, keyLine, nearestKey, unknownConfigKeys, unknownDeckKeys, unknownKeyMessage } from '../../src/config-keys.js';

describe('unknown config keys', () => {
  it('knows every deck option', () => {
    expect([...DECK_OPTION_KEYS].sort()).toEqual(Object.keys(DEFAULT_DECK_OPTIONS).sort());
  });

  it('accepts every valid key, nested ones included', () => {
    const config = { theme: 'dark', maxPoints: 3, outDir: 'x', strict: true, base: '/', siteUrl: 'https://x', overrides: { layout: 'flat' }, pdf: { paper: 'a4', handoutLayout: 'notes', steps: true }, browser: { path: '/c', timeout: 3 } };
    expect(unknownConfigKeys(config)).toEqual([]);
  });

  it.each([
    ['maxPoint', 'maxPoints'],
    ['maxpoints', 'maxPoints'],
    ['layuot', 'layout'],
    ['them', 'theme'],
    ['outdir', 'outDir'],
    ['sitUrl', 'siteUrl'],
  ])('%s → did you mean %s', (key, suggestion) => {
    expect(unknownConfigKeys({ [key]: 1 })).toEqual([{ path: key, key, suggestion }]);
  });

  it('names no suggestion for a word that is not a slip', () => {
    expect(unknownConfigKeys({ colour: 'red' })).toEqual([{ path: 'colour', key: 'colour' }]);
  });

  it('checks pdf, browser and overrides key by key', () => {
    expect(unknownConfigKeys({ pdf: { papr: 'a4' }, browser: { timout: 3 }, overrides: { layot: 'flat' } })).toEqual([
      { path: 'pdf.papr', key: 'papr', suggestion: 'pdf.paper' },
      { path: 'browser.timout', key: 'timout', suggestion: 'browser.timeout' },
      { path: 'overrides.layot', key: 'layot', suggestion: 'overrides.layout' },
    ]);
  });

  it('front matter blocks know deck options only', () => {
    expect(unknownDeckKeys({ maxPoints: 2, maxWord: 3 })).toEqual([{ path: 'maxWord', key: 'maxWord', suggestion: 'maxWords' }]);
    expect(unknownDeckKeys({ outDir: 'x' }).map((u) => u.key)).toEqual(['outDir']);
  });

  it('says what it ignores and what was meant', () => {
    expect(unknownKeyMessage({ path: 'maxPoint', key: 'maxPoint', suggestion: 'maxPoints' })).toBe('unknown option "maxPoint" (did you mean "maxPoints"?); it is ignored');
    expect(unknownKeyMessage({ path: 'colour', key: 'colour' }, 'deck option')).toBe('unknown deck option "colour"; it is ignored');
  });
});

describe('nearest key', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('layuot', 'layout')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests within a third of the length, at least one edit', () => {
    expect(nearestKey('wdth', ['width', 'height'])).toBe('width');
    expect(nearestKey('x', ['width'])).toBeUndefined();
  });
});

describe('keyLine', () => {
  const text = '---\ntitle: maxPoint in a title\nlectern:\n  maxPoint: 3\n---\nmaxPoint: body\n';
  it('finds the line a key is written on, not a mention of the word', () => {
    expect(keyLine(text, 'maxPoint')).toBe(4);
    expect(keyLine('export default { theme: "x", "maxPoint": 3 }', 'maxPoint')).toBe(1);
  });

  it('looks only at the first lines when told', () => {
    expect(keyLine(text, 'nothing')).toBeUndefined();
    expect(keyLine('a\nb\nkey: 1', 'key', 2)).toBeUndefined();
  });
});
