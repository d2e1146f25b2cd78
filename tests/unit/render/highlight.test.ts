import { describe, expect, it } from 'vitest';
import { LONG_LINE, detectLanguage, hasLineOver, highlightCode, relevanceIn } from '../../../src/render/highlight.js';

const PYTHON = 'def greet(name):\n    """Say hello."""\n    return f"Hello, {name}!"\n\nfor person in ["Ada", "Grace"]:\n    print(greet(person))\n';

describe('hasLineOver', () => {
  it('finds a long line anywhere, without splitting', () => {
    expect(hasLineOver('ab\ncd', 2)).toBe(false);
    expect(hasLineOver('ab\ncde', 2)).toBe(true);
    expect(hasLineOver('abc\nd', 2)).toBe(true);
    expect(hasLineOver('', 0)).toBe(false);
  });
});

describe('highlightCode', () => {
  it('colours ordinary code in the language it names', () => {
    const out = highlightCode(PYTHON, 'python');
    expect(out.language).toBe('python');
    expect(out.html).toContain('<span class="hljs-keyword">def</span>');
  });

  it('draws code with a line over LONG_LINE characters uncoloured, as plain text, and fast', () => {
    // One 50,000-character line: highlight.js took 8 s to colour it in Java and 24 s to detect it.
    const line = Array.from({ length: 6000 }, (_, i) => `ab${i}x`).join('').slice(0, 50_000);
    const code = `${PYTHON}${line}\n`;
    expect(line.length).toBeGreaterThan(LONG_LINE);
    const named = highlightCode(code, 'java');
    expect(named.language).toBe('plaintext');
    expect(named.known).toBe(true);
    expect(named.html).not.toContain('hljs-');
    expect(named.html).toContain(line.slice(0, 100));
    const unnamed = highlightCode(code, undefined);
    expect(unnamed.html).not.toContain('hljs-');
  });

  it('detects a language from the same lines whether or not one line is very long', () => {
    const long = `${PYTHON}# ${'x '.repeat(25_000)}\n`;
    expect(detectLanguage(long)?.language).toBe(detectLanguage(PYTHON)?.language);
    expect(relevanceIn(long, 'python')).toBeGreaterThan(0);
  });
});
