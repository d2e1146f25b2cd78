/** The QR code of a hosted deck on its closing slide. */
import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../../src/model.js';
import { withQrCode } from '../../../src/plan/closing.js';

function slide(over: Partial<Slide> & Pick<Slide, 'kind' | 'id'>): Slide {
  return { parts: [], notes: [], line: 1, endLine: 1, ...over };
}

function deck(stacks: Slide[][]): Deck {
  return {
    meta: { title: 'T', lang: 'en', slug: 'talk', theme: 'light', width: 1280, height: 720, source: 'talk.md' },
    stacks,
    diagnostics: [],
  };
}

describe('withQrCode', () => {
  it('adds the QR image to an existing closing slide without changing the input', () => {
    const input = deck([[slide({ kind: 'title', id: 'title' })], [slide({ kind: 'closing', id: 'next', parts: [{ type: 'nav', links: [] }] })]]);
    const out = withQrCode(input, 'https://x.org/talk/', 'qr-1.svg');
    expect(input.stacks[1]![0]!.parts).toHaveLength(1);
    const parts = out.stacks[1]![0]!.parts;
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatchObject({ type: 'block', block: { type: 'image', src: 'qr-1.svg' } });
  });

  it('appends a closing slide with a unique id when the deck has none', () => {
    const input = deck([[slide({ kind: 'title', id: 'follow-along', endLine: 9 })]]);
    const out = withQrCode(input, 'https://x.org/talk/', 'qr-1.svg');
    expect(out.stacks).toHaveLength(2);
    expect(out.stacks[1]![0]).toMatchObject({ kind: 'closing', id: 'follow-along-2', line: 9 });
  });
});
