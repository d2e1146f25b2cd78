import { describe, expect, it } from 'vitest';
import { sentenceEnds, sliceInlines, splitSentences } from '../../../src/plan/sentences.js';
import { plainText } from '../../../src/text.js';
import type { Inline } from '../../../src/model.js';

const texts = (inlines: Inline[]): string[] => splitSentences(inlines).map(plainText);

describe('splitSentences', () => {
  it('cuts at sentence ends and keeps each sentence verbatim', () => {
    expect(texts([{ type: 'text', text: 'One two. Three four! Five? Six' }])).toEqual(['One two.', 'Three four!', 'Five?', 'Six']);
  });
  it('does not cut after abbreviations, initials, decimals or inside code', () => {
    expect(texts([{ type: 'text', text: 'Use e.g. Python 3.11 with J. Smith. Done.' }])).toEqual(['Use e.g. Python 3.11 with J. Smith.', 'Done.']);
    const withCode: Inline[] = [{ type: 'text', text: 'Call ' }, { type: 'code', text: 'eventlet.sleep(). Now' }, { type: 'text', text: ' to yield. Then go.' }];
    expect(texts(withCode)).toEqual(['Call eventlet.sleep(). Now to yield.', 'Then go.']);
  });
  it('treats a line break as a sentence boundary', () => {
    expect(texts([{ type: 'text', text: 'First part' }, { type: 'break' }, { type: 'text', text: 'In the example below:' }])).toEqual(['First part', 'In the example below:']);
  });
  it('keeps links and formatting inside a sentence', () => {
    const inlines: Inline[] = [
      { type: 'text', text: 'Eventlet was created with ' },
      { type: 'link', href: 'https://x.test/', children: [{ type: 'text', text: 'good intentions' }] },
      { type: 'text', text: '. The main promise was big.' },
    ];
    const [first] = splitSentences(inlines);
    expect(first).toEqual([
      { type: 'text', text: 'Eventlet was created with ' },
      { type: 'link', href: 'https://x.test/', children: [{ type: 'text', text: 'good intentions' }] },
      { type: 'text', text: '.' },
    ]);
  });
  it('loses no character: the sentences joined give the paragraph back', () => {
    const text = 'Alpha beta. Gamma (delta). "Quoted." End';
    expect(texts([{ type: 'text', text }]).join(' ')).toBe(text);
  });
});

describe('sentenceEnds / sliceInlines', () => {
  it('always ends at the text end', () => {
    expect(sentenceEnds('no period')).toEqual([9]);
  });
  it('slices across nested inlines', () => {
    const inlines: Inline[] = [{ type: 'strong', children: [{ type: 'text', text: 'bold words' }] }, { type: 'text', text: ' tail' }];
    expect(plainText(sliceInlines(inlines, 5, 13))).toBe('words ta');
  });
});

describe('sentences in every script (Intl.Segmenter, with the rules above as merge steps)', () => {
  it('ends sentences at 。！？ without spaces, with an opening quote going to the next sentence', () => {
    expect(texts([{ type: 'text', text: '第一句。第二句！第三句？“引用。”第四句' }])).toEqual(['第一句。', '第二句！', '第三句？', '“引用。”', '第四句']);
    expect(texts([{ type: 'text', text: '他说：「你好。」然后走了。' }])).toEqual(['他说：「你好。」', '然后走了。']);
  });
  it('ends sentences at the Arabic question mark, the Urdu full stop and the Devanagari danda', () => {
    expect(texts([{ type: 'text', text: 'هل تحتاج إلى متصفح؟ نعم.' }])).toEqual(['هل تحتاج إلى متصفح؟', 'نعم.']);
    expect(texts([{ type: 'text', text: 'یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔' }])).toEqual(['یہ پہلا جملہ ہے۔', 'یہ دوسرا ہے۔']);
    expect(texts([{ type: 'text', text: 'यह पहला वाक्य है। यह दूसरा है।' }])).toEqual(['यह पहला वाक्य है।', 'यह दूसरा है।']);
  });
  it('does not end a sentence at ! or ? followed by a lower-case word, nor at a stop glued to a word', () => {
    expect(texts([{ type: 'text', text: 'Is it? yes it is! Open file.Name now. Done.' }])).toEqual(['Is it? yes it is!', 'Open file.Name now.', 'Done.']);
  });
  it('keeps a parenthesised sentence whole', () => {
    expect(texts([{ type: 'text', text: '(This program typically prints 55555, not 01234.) The program can be fixed.' }])).toEqual([
      '(This program typically prints 55555, not 01234.)',
      'The program can be fixed.',
    ]);
  });
});
