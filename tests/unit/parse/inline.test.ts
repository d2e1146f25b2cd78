import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/model.js';
import { normalizeInlines } from '../../../src/parse/inline.js';

const text = (t: string): Inline => ({ type: 'text', text: t });

describe('normalizeInlines', () => {
  it('collapses white space runs, merges texts, trims the edges, keeps no-break spaces', () => {
    expect(normalizeInlines([text('  a \n\t b'), text('  c\u00a0 ')])).toEqual([text('a b c\u00a0')]);
  });

  it('moves edge spaces out of containers and drops empty ones', () => {
    expect(normalizeInlines([text('x'), { type: 'em', children: [text(' y ')] }, text(' z'), { type: 'strong', children: [text('  ')] }])).toEqual([
      text('x '),
      { type: 'em', children: [text('y')] },
      text(' z'),
    ]);
  });

  it('trims spaces around breaks and drops breaks at the edges', () => {
    expect(normalizeInlines([{ type: 'break' }, text('a '), { type: 'break' }, text(' b'), { type: 'break' }])).toEqual([text('a'), { type: 'break' }, text('b')]);
  });

  it('leaves code text alone', () => {
    expect(normalizeInlines([{ type: 'code', text: '  a  b ' }])).toEqual([{ type: 'code', text: '  a  b ' }]);
  });
});
