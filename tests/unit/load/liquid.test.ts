import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { listLinkTargets, resolveLiquid, type LiquidContext } from '../../../src/load/liquid.js';
import { normalizeMeta } from '../../../src/load/meta.js';
import type { SourceFormat } from '../../../src/model.js';

const SIBLINGS: Record<string, string> = { 'getting-started.md': '../getting-started/', 'alternatives.md': '../alternatives/' };

function ctx(overrides: Partial<LiquidContext> = {}): LiquidContext {
  return {
    file: 'post.md',
    bodyLine: 1,
    format: 'markdown',
    meta: normalizeMeta({ title: 'My Title', layout: 'post', count: 3, tags: ['a'] }),
    resolveLink: (target) => SIBLINGS[target],
    ...overrides,
  };
}

const lines = (text: string): number => text.split('\n').length;

describe('resolveLiquid: outputs', () => {
  it('removes site.baseurl and site.url whatever the spacing', () => {
    const { body, diagnostics } = resolveLiquid('a{{site.baseurl}}b{{  site.url  }}c{{- site.baseurl -}}d', ctx());
    expect(body).toBe('abcd');
    expect(diagnostics).toEqual([]);
  });

  it('puts page values from the front matter', () => {
    expect(resolveLiquid('# {{ page.title }} ({{ page.count }})', ctx()).body).toBe('# My Title (3)');
  });

  it('puts page values into HTML as Jekyll does (unescaped: the value is source)', () => {
    const meta = normalizeMeta({ title: 'A <b>bold</b> title' });
    expect(resolveLiquid('<h1>{{ page.title }}</h1>', ctx({ format: 'html', meta })).body).toBe('<h1>A <b>bold</b> title</h1>');
  });

  it('renders missing values as nothing, with a warning at their lines; a list as Liquid prints it', () => {
    const { body, diagnostics } = resolveLiquid('one\n{{ page.tags }}\nthree {{ content }}\n{{ x | upcase }}', ctx({ bodyLine: 10 }));
    expect(body).toBe('one\na\nthree \n');
    expect(diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['liquid-missing-data', 12, 'warning'],
      ['liquid-missing-data', 13, 'warning'],
    ]);
    expect(diagnostics[0]?.message).toContain('content');
  });

  it('keeps unknown outputs inside code as examples', () => {
    const text = 'Use `{{ msg }}` here.\n\n```vue\n<p>{{ msg }}</p>\n```\n<pre><code>{{ x }}</code></pre>';
    const { body, diagnostics } = resolveLiquid(text, ctx());
    expect(body).toBe(text);
    expect(diagnostics).toEqual([]);
  });

  it('leaves an unclosed {{ as text', () => {
    expect(resolveLiquid('a {{ b', ctx()).body).toBe('a {{ b');
  });
});

describe('resolveLiquid: links', () => {
  it('resolves {% link %} to the sibling deck, after site.baseurl', () => {
    const { body, diagnostics } = resolveLiquid('<a href="{{ site.baseurl }}{% link getting-started.md %}">Next</a>', ctx());
    expect(body).toBe('<a href="../getting-started/">Next</a>');
    expect(diagnostics).toEqual([]);
  });

  it('leaves an empty href and warns with the target and line when a link cannot be resolved', () => {
    const { body, diagnostics } = resolveLiquid('intro\n[install it]({% link _docs/installation.md %}) and {% post_url 2010-07-21-name %}', ctx({ bodyLine: 5 }));
    expect(body).toBe('intro\n[install it]() and ');
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatchObject({ code: 'link-unresolved', line: 6, severity: 'warning', file: 'post.md' });
    expect(diagnostics[0]?.message).toContain('_docs/installation.md');
    expect(diagnostics[1]?.message).toContain('2010-07-21-name');
  });

  it('accepts quoted targets and lists link targets for the file layer', () => {
    expect(resolveLiquid('{% link "alternatives.md" %}', ctx()).body).toBe('../alternatives/');
    expect(listLinkTargets('{% link a.md %} {%- link "b.md" -%} {% post_url p %} {% include x %} {% link a.md %}')).toEqual(['a.md', 'b.md', 'p']);
  });
});

describe('resolveLiquid: raw and comment', () => {
  it('keeps everything between raw tags literally', () => {
    const text = '{% raw %}\n```liquid\n{% for p in site.posts %}{{ p.title }}{% endfor %}\n```\n{% endraw %}';
    const { body, diagnostics } = resolveLiquid(text, ctx());
    expect(body).toBe('\n```liquid\n{% for p in site.posts %}{{ p.title }}{% endfor %}\n```\n');
    expect(diagnostics).toEqual([]);
  });

  it('handles inline raw and whitespace-control forms', () => {
    expect(resolveLiquid('into the {% raw %}`{{ content }}`{% endraw %} variable', ctx()).body).toBe('into the `{{ content }}` variable');
    expect(resolveLiquid('{%- raw -%}{{ a }}{%- endraw -%}', ctx()).body).toBe('{{ a }}');
  });

  it('throws liquid-unclosed-block at the line of an unclosed raw', () => {
    try {
      resolveLiquid('one\ntwo {% raw %}\n{{ x }}\n', ctx({ bodyLine: 7 }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LecternError);
      expect(err).toMatchObject({ code: 'liquid-unclosed-block', line: 8, file: 'post.md' });
    }
  });

  it('shows an unclosed raw that sits in code instead of failing', () => {
    const text = 'Wrap it in `{% raw %}`.\n\n```\n{% highlight x %}\n```';
    expect(resolveLiquid(text, ctx()).body).toBe(text);
  });

  it('removes comments but keeps their lines', () => {
    const { body, diagnostics } = resolveLiquid('a\n{% comment %}\nhidden {{ x }}\n{% endcomment %}\nb', ctx());
    expect(body).toBe('a\n\n\n\nb');
    expect(diagnostics).toEqual([]);
  });
});

describe('resolveLiquid: highlight', () => {
  const block = 'Intro:\n\n{% highlight ruby linenos %}\ndef hi\n  puts "<hi>"\nend\n{% endhighlight %}\n\nAfter';

  it('becomes a fenced block in Markdown', () => {
    const { body } = resolveLiquid(block, ctx());
    expect(body).toBe('Intro:\n\n```ruby\ndef hi\n  puts "<hi>"\nend\n```\n\nAfter');
  });

  it('picks a fence longer than any backtick run inside', () => {
    const { body } = resolveLiquid('{% highlight markdown %}\n````js\nx\n````\n{% endhighlight %}', ctx());
    expect(body).toBe('`````markdown\n````js\nx\n````\n`````');
  });

  it('becomes escaped <pre><code> in HTML', () => {
    const { body } = resolveLiquid(block, ctx({ format: 'html' }));
    expect(body).toBe('Intro:\n\n<pre>\n<code class="language-ruby">def hi\n  puts &quot;&lt;hi&gt;&quot;\nend\n</code></pre>\n\nAfter');
    expect(lines(body)).toBe(lines(block));
  });

  it('falls back to <pre><code> when the code shares a line with a tag', () => {
    const text = '{% highlight js %}let a = 1;\nlet b = 2;{% endhighlight %}';
    const { body } = resolveLiquid(text, ctx());
    expect(body).toBe('<pre><code class="language-js">let a = 1;\nlet b = 2;</code></pre>');
  });

  it('throws on an unclosed highlight', () => {
    expect(() => resolveLiquid('\n{% highlight js %}\nx', ctx())).toThrow(/never closed/);
  });
});

describe('resolveLiquid: other tags and shortcodes', () => {
  it('removes tags no Liquid knows but keeps their content, warning at each line', () => {
    const text = 'a\n{% tabs %}\n{% tab "One" %}\nkept\n{% endtabs %}\n{% seo %}';
    const { body, diagnostics } = resolveLiquid(text, ctx({ bodyLine: 3 }));
    expect(body).toBe('a\n\n\nkept\n\n');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['liquid-unknown-tag', 4],
      ['liquid-unknown-tag', 5],
      ['liquid-unknown-tag', 7],
      ['liquid-unknown-tag', 8],
    ]);
    expect(diagnostics[0]?.message).toContain('tabs');
  });

  it('keeps a tag that spans lines from changing the line count', () => {
    const text = 'a {% plugin_tag x.html\n  param="1" %} b\nc';
    const { body } = resolveLiquid(text, ctx());
    expect(body).toBe('a \n b\nc');
  });

  it('removes Hugo shortcode tags, keeps their inner text and says so once', () => {
    const text = 'x\n{{< figure src="a.png" >}}\n{{% notice note %}}\nInner\n{{% /notice %}}\n{{</* gist x */>}}';
    const { body, diagnostics } = resolveLiquid(text, ctx({ bodyLine: 2 }));
    expect(body).toBe('x\n\n\nInner\n\n{{< gist x >}}');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'hugo-shortcode', line: 3 })]);
    expect(diagnostics[0]?.message).toContain('figure, notice');
  });
});

describe('resolveLiquid: every body line maps to a file line (property)', () => {
  const fragments = [
    'text', ' ', '\n', '\n\n', '{{ site.baseurl }}', '{{ page.title }}', '{{ page.tags }}', '{{ unknown | f }}',
    '{% link getting-started.md %}', '{% link missing.md %}', '{% include\na.html %}', '{% if x %}', '{% endif %}',
    '{% for t in page.tags %}\n- {{ t }}\n{% endfor %}', '{% else %}', '{% assign y = 2 %}', '{%- if page.title -%}\n',
    '{% raw %}{{ a }}\n{% endraw %}', '{%- raw -%}\n{% x %}\n{%- endraw -%}', '{% comment %}\nx\n{% endcomment %}',
    '{% highlight py %}\nprint(1)\n```\n{% endhighlight %}', '{% highlight js %}a\nb{% endhighlight %}',
    '```\n{{ x }}\n```\n', '`{{ y }}`', '{{< note >}}\nz\n{{< /note >}}', '{{', '{%', '}}', '%}', '<pre>\n{{ q }}\n</pre>',
  ];

  /** The body keeps the text's lines, or says with a lineMap which file line each body line is. */
  function expectMapped(text: string, format: SourceFormat, bodyLine = 4): void {
    let result: ReturnType<typeof resolveLiquid>;
    try {
      result = resolveLiquid(text, ctx({ format, bodyLine }));
    } catch (err) {
      // Stray `{% raw` fragments may leave a block open: that is an error, not a line change.
      expect(err).toBeInstanceOf(LecternError);
      return;
    }
    const { body, lineMap } = result;
    if (lineMap === undefined) {
      expect(lines(body)).toBe(lines(text));
      return;
    }
    expect(lineMap).toHaveLength(lines(body));
    const last = bodyLine + lines(text) - 1;
    lineMap.forEach((line, i) => {
      expect(line).toBeGreaterThanOrEqual(bodyLine);
      expect(line).toBeLessThanOrEqual(last);
      if (i > 0) expect(line).toBeGreaterThanOrEqual(lineMap[i - 1] as number);
    });
  }

  for (const format of ['markdown', 'html'] as const satisfies readonly SourceFormat[]) {
    it(`maps every line (${format})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => expectMapped(parts.join(''), format)),
        { numRuns: 300 },
      );
    });
  }

  it('maps every line for arbitrary brace soup', () => {
    const unit = fc.constantFrom('{', '}', '%', '<', '>', '-', '/', '*', ' ', '\n', '`', 'raw', 'endraw', 'link a.md', 'page.title', 'x', 'if', 'endif', 'for', '|');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.constantFrom<SourceFormat>('markdown', 'html'), (text, format) => expectMapped(text, format)),
      { numRuns: 1000 },
    );
  });
});
