/**
 * The closing slide's hosted-deck additions: the QR code of the deck's public URL, on the
 * article's own closing slide or on one of its own. Pure: the input deck is not changed.
 */
import type { Deck, Inline, Slide } from '../model.js';

/**
 * The deck with a QR code of `url` (an image file `qrFile` next to the deck page) on its closing
 * slide; a deck without one gets a closing slide of its own. Pure: the input deck is not changed.
 */
export function withQrCode(deck: Deck, url: string, qrFile: string): Deck {
  const caption: Inline[] = [{ type: 'link', href: url, children: [{ type: 'text', text: url }] }];
  const last = deck.stacks[deck.stacks.length - 1];
  const closing = last?.length === 1 && last[0]?.kind === 'closing' ? last[0] : undefined;
  const line = closing?.line ?? lastLine(deck);
  const part = { type: 'block', block: { type: 'image', line, src: qrFile, alt: `QR code of ${url}`, caption } } as const;
  if (closing !== undefined) {
    const updated: Slide = { ...closing, parts: [...closing.parts, part] };
    return { ...deck, stacks: [...deck.stacks.slice(0, -1), [updated]] };
  }
  const slide: Slide = {
    kind: 'closing',
    id: uniqueId(deck, 'follow-along'),
    title: [{ type: 'text', text: deck.meta.title }],
    parts: [part],
    notes: [],
    line,
    endLine: line,
  };
  return { ...deck, stacks: [...deck.stacks, [slide]] };
}

function lastLine(deck: Deck): number {
  return deck.stacks.flat().reduce((max, s) => Math.max(max, s.endLine), 1);
}

function uniqueId(deck: Deck, wanted: string): string {
  const taken = new Set(deck.stacks.flat().map((s) => s.id));
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}
