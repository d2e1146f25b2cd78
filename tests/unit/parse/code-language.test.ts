import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model.js';
import { isProgramOutput } from '../../../src/parse/code-language.js';
import { parseFenceInfo, parseLineSteps } from '../../../src/parse/fence.js';
import { parseArticle } from '../../../src/parse/index.js';
import { allBlocks, parseLines, source } from './helpers.js';

const codes = (blocks: readonly Block[]): Extract<Block, { type: 'code' }>[] => blocks.filter((b): b is Extract<Block, { type: 'code' }> => b.type === 'code');

describe('line highlights', () => {
  it('reads the fence syntaxes: braces, reveal.js brackets, hl_lines, code-line-numbers', () => {
    expect(parseFenceInfo('js {2-3}')).toEqual({ lang: 'js', highlight: [[{ from: 2, to: 3 }]] });
    expect(parseFenceInfo('ts{1,4-5}')).toEqual({ lang: 'ts', highlight: [[{ from: 1, to: 1 }, { from: 4, to: 5 }]] });
    expect(parseFenceInfo('python hl_lines="2 3"')).toEqual({ lang: 'python', highlight: [[{ from: 2, to: 2 }, { from: 3, to: 3 }]] });
    expect(parseFenceInfo('js [1|2-3]')).toEqual({ lang: 'js', highlight: [[{ from: 1, to: 1 }], [{ from: 2, to: 3 }]] });
    expect(parseFenceInfo('{.python code-line-numbers="|2"}')).toEqual({ lang: 'python', highlight: [[], [{ from: 2, to: 2 }]] });
    expect(parseFenceInfo('{ .python title="x" }')).toEqual({ lang: 'python', title: 'x' });
    expect(parseLineSteps('a,b')).toBeUndefined();
  });

  it('keeps them on code blocks, cut to the block, from Markdown and from HTML attributes and marked lines', () => {
    expect(codes(parseLines(['```js {2,9}', 'a', 'b', '```']).intro)[0]?.highlight).toEqual([[{ from: 2, to: 2 }]]);
    const html = parseLines([
      '<pre data-line="2"><code class="language-js">a\nb\n</code></pre>',
      '<pre><code data-line-numbers="1|2">a\nb</code></pre>',
      '<div class="highlight"><pre><code><span>a\n</span><span class="hll">b\n</span><span>c</span></code></pre></div>',
    ], 'html');
    expect(codes(html.intro).map((c) => c.highlight)).toEqual([[[{ from: 2, to: 2 }]], [[{ from: 1, to: 1 }], [{ from: 2, to: 2 }]], [[{ from: 2, to: 2 }]]]);
  });
});

describe('unnamed code', () => {
  it('is read in the article\'s dominant named language when it reads as it', () => {
    const article = parseLines(['```python', 'import os', '```', '', '```python', 'def f(): pass', '```', '', '```', 'for x in range(3):', '    print(x)', '```']);
    expect(codes(allBlocks(article)).map((c) => c.lang ?? `~${c.inferred}`)).toEqual(['python', 'python', '~python']);
  });

  it('follows the language the page or its front matter declares', () => {
    const html = parseLines(['<div class="language-go"><pre>x := 1</pre></div>'], 'html');
    expect(codes(html.intro)[0]).toMatchObject({ lang: 'go' });
    const page = parseLines(['<html><body class="lang-go"><article><pre>var buf bytes.Buffer</pre></article></body></html>'], 'html');
    expect(codes(page.intro)[0]).toMatchObject({ lang: 'go' });
    const declared = parseArticle({ ...source('```\nfunc main() {\n\tfmt.Println(x)\n}\n```'), meta: { raw: { lectern: { codeLanguage: 'go' } } } });
    expect(codes(declared.intro)[0]).toMatchObject({ inferred: 'go' });
  });

  it('leaves program output uncoloured, by its marks or by its lead-in, and reads shell sessions as bash', () => {
    expect(isProgramOutput('WARNING: DATA RACE\nRead by goroutine 185:\n  net.(*pollServer).AddFD()\n      src/net/fd_unix.go:89 +0x398')).toBe(true);
    expect(isProgramOutput('func main() {\n\tfmt.Println("hi")\n}')).toBe(false);
    const article = parseLines(['```go', 'func main() {}', '```', '', 'The program prints:', '', '```', 'map[a:1 b:2]', '```', '', '```', '$ go run main.go', '```']);
    expect(codes(allBlocks(article)).map((c) => c.lang ?? `~${c.inferred}`)).toEqual(['go', '~plaintext', '~bash']);
  });

  it('reads the short fragments of a page of unnamed Go as Go, by the page\'s vote', () => {
    const article = parseLines([
      '<pre>if err := file.Chmod(0664); err != nil {\n    return err\n}</pre>',
      '<pre>for key, value := range oldMap {\n    newMap[key] = value\n}</pre>',
      '<pre>func (s Sequence) Len() int {\n    return len(s)\n}</pre>',
      '<pre>var buf bytes.Buffer</pre>',
    ], 'html');
    expect(codes(article.intro).map((c) => c.inferred)).toEqual(['go', 'go', 'go', 'go']);
  });
});
