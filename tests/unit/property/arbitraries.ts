/**
 * fast-check arbitraries for articles as the web writes them, and worse: Markdown and HTML built
 * from the fragments real articles are made of (headings, fences, deep lists, tables, tags, Liquid,
 * shortcodes, admonitions, components), front matter of every YAML type (and broken YAML, TOML,
 * JSON headers), random mutations of any text, and raw bytes with invalid UTF-8 and NUL.
 */
import fc from 'fast-check';

const word = fc.constantFrom('alpha', 'Beta', 'code', 'x', 'naïve', '日本語', 'émoji 🎉', 'a_b', '*', '_', '`', '#', '|', '\\', '&amp;', '&#x61;', '&bogus;', '<', '>', '"', "'", '\t', '\u00a0', '\u200b', '\uFFFD');
const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
const indent = fc.nat({ max: 12 }).map((n) => ' '.repeat(n));
const tagName = fc.constantFrom(
  'div', 'section', 'p', 'span', 'a', 'b', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th',
  'thead', 'tbody', 'h1', 'h2', 'h3', 'figure', 'figcaption', 'img', 'br', 'hr', 'blockquote', 'details', 'summary',
  'script', 'style', 'iframe', 'video', 'audio', 'source', 'object', 'embed', 'form', 'math', 'svg', 'template',
  'noscript', 'textarea', 'xmp', 'title', 'head', 'body', 'html', 'article', 'main', 'nav', 'aside', 'header', 'footer',
  'Note', 'Intro', 'Callout', 'Pitfall', 'my-element',
);
const attribute = fc.oneof(
  fc.constantFrom(' class="x"', ' id="a b"', " href='javascript:x'", ' src=x', ' onerror=alert(1)', ' markdown', ' markdown="1"', ' title="t"', ' lang="py"', ' class="language-python"', ' data-x={1}', ' open', ' style="text-align:center"', ' start="x"'),
  text.map((t) => ` title="${t}"`),
);
const openTag = fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), fc.boolean()).map(([n, a, self]) => `<${n}${a.join('')}${self ? ' /' : ''}>`);
const closeTag = tagName.map((n) => `</${n}>`);

/** One line (or a few) of Markdown-ish text: every construct the parsers know, whole or broken. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  text,
  fc.tuple(fc.integer({ min: 1, max: 7 }), text, fc.constantFrom('', ' {#id}', ' { #sp-id }', ' {: #k .c }', ' {/*mdx*/}', ' ##', ' {#x"y}')).map(([d, t, id]) => `${'#'.repeat(d)} ${t}${id}`),
  fc.tuple(fc.constantFrom('```', '~~~', '````', '```python', '``` { .js title="t" }', '```"><img>', '~~~ruby'), fc.array(text, { maxLength: 4 }), fc.boolean()).map(([f, lines, closed]) => [f, ...lines, closed ? f.replace(/[^`~]/g, '') : ''].join('\n')),
  fc.tuple(fc.nat({ max: 30 }), fc.constantFrom('- ', '* ', '1. ', '+ ', '- [ ] ', '- [x] ', '10) '), text).map(([depth, marker, t]) => `${'  '.repeat(depth)}${marker}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), text).map(([cols, rows, t]) => {
    const row = `|${Array.from({ length: cols }, () => ` ${t} `).join('|')}|`;
    return [row, `|${Array.from({ length: cols }, () => ':---:').join('|')}|`, ...Array.from({ length: rows }, () => row)].join('\n');
  }),
  fc.tuple(openTag, text, fc.option(closeTag, { nil: undefined })).map(([o, t, c]) => `${o}${t}${c ?? ''}`),
  openTag,
  closeTag,
  fc.constantFrom(
    '{% raw %}', '{% endraw %}', '{% comment %}', '{% endcomment %}', '{% highlight python %}', '{% endhighlight %}',
    '{% link other.md %}', '{% post_url 2020-01-01-x %}', '{% if x %}', '{% endif %}', '{{ page.title }}', '{{ site.baseurl }}',
    '{{ page.evil | escape }}', '{%', '{{', '}}', '%}', '{{< hint info >}}', '{{< /hint >}}', '{{% notice %}}', '{{% /notice %}}',
    '{{</* x */>}}', '{{<', '{% raw %}{% endraw %}',
  ),
  fc.tuple(fc.constantFrom('!!! note', '??? tip "T"', '???+ warning ""', '=== "Tab"', ':::note', ':::tip[Title]', '::::', ':::', '/// details | S', '///', '    type: warning', '> [!NOTE]', '> [!WARNING]', ':   ', 'Term', '{: .note .info}', '{:toc}', '* TOC'), indent, text).map(([m, i, t]) => `${m}\n${i}${t}`),
  fc.constantFrom('<!-- lectern: break -->', '<!-- lectern: keep -->', '<!-- lectern: hide -->', '<!-- lectern: notes hi -->', '<!-- lectern: bogus -->', '<!--', '-->', '<!-- c -->', '<!doctype html>', '<![CDATA[x]]>', '<?xml?>'),
  fc.constantFrom('---', '***', '___', '', '', '', '>', '> > >', '    indented code', '\t\ttabbed', '[ref]: http://x "t"', '[r]', '![img][r]', '![a](b.png "t")', '[a](<b c>)', '<http://auto.link>', 'x\\', '  '),
  fc.tuple(fc.nat({ max: 200 }), fc.constantFrom('>', '- ', '  - ', '* ', '1. ', '<div>', '<blockquote>', '[', '*', '_', '`', '!!! n\n    ', ':::n\n')).map(([n, unit]) => unit.repeat(n)),
);

/** A Markdown or HTML body made of fragments, one per line. */
export const body: fc.Arbitrary<string> = fc.array(fragment, { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

/** YAML values of every type a front matter may hold (valid YAML). */
const yamlValue = fc.oneof(
  text.map((t) => JSON.stringify(t)),
  fc.constantFrom(
    'plain words', '42', '-1.5e300', '.inf', '.nan', '0x1F', 'true', 'no', '~', 'null', '', '2024-04-25', '2024-04-25T10:00:00Z',
    '2017-02-10 21:58:56 -0800', '2024-13-45', 'April 25, 2024', '[1, 2, [3]]', '{a: 1, b: [x]}', '&anchor value',
    '!!binary aGVsbG8=', '!!timestamp 2001-12-14', '|\n  block\n  text', '>-\n  folded', "'single ''quoted'''", '"esc \\u00e9 \\n"',
  ),
);
/** Values that make the YAML invalid (or refer to what is not there). */
const brokenYamlValue = fc.constantFrom('"unterminated', "'single", '[unclosed', '{bad: ', ': :', '@reserved', '`tick', '%directive', '- in value', '? complex', '*undefined_alias', '<<: *anchor', 'a: b: c');
const yamlKey = fc.constantFrom('title', 'Title', 'description', 'author', 'authors', 'date', 'lang', 'slug', 'theme', 'layout', 'tags', 'summary', 'evil', 'x', 'lectern', '"quoted key"');
/** `[key, line]`: a front matter entry; the key keeps the entries of one front matter unique. */
const yamlEntry: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(yamlKey, yamlValue).map(([k, v]) => [k, `${k}: ${v}`] as const) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'lectern:\n  theme: dark', 'lectern:\n  layout: flat\n  maxPoints: 3', 'lectern: {unsafeHtml: true}', 'authors:\n  - name: Ann\n  - Bob',
      'author: {name: 42}', 'tags:\n  - a\n  - b', 'base: &b {x: 1}\nderived:\n  <<: *b', '# comment only', 'date: !!str 2024-01-01',
      'slug: ../../etc/passwd', 'slug: ""', 'lang: "en\\"><script>"', 'title: [1, 2]', 'title: {a: 1}', 'date: [2024]',
    ).map((line) => [line.split(':')[0] ?? line, line] as const),
  },
  // Options Lectern refuses: a config-invalid error that names the file.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('lectern:\n  layout: sideways', 'lectern: {maxPoints: -1}', 'lectern: {unsafeHtml: yes}', 'lectern: {width: "wide"}', 'theme: "Not A Theme"', 'lectern: [1, 2]', 'lectern: null')
      .map((line) => [line.split(':')[0] ?? line, line] as const),
  },
);
const yamlLines = (maxLength: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(yamlEntry, { maxLength, selector: ([key]) => key }).map((entries) => entries.map(([, line]) => line));
const brokenYamlLine = fc.oneof(
  fc.tuple(yamlKey, brokenYamlValue).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom('- top level list', '\tindented with tab: x', '  over: indented', 'key without value', 'title: x\ntitle: y', '? complex\n: value'),
);

/** Front matter: YAML of every type (mostly valid, sometimes broken), TOML, a JSON header, or none. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: yamlLines(8).map((lines) => `---\n${lines.join('\n')}\n---\n`) },
  { weight: 1, arbitrary: fc.tuple(yamlLines(4), brokenYamlLine).map(([lines, bad]) => `---\n${[...lines, bad].join('\n')}\n---\n`) },
  { weight: 1, arbitrary: yamlLines(3).map((lines) => `---\n${lines.join('\n')}\n`) }, // never closed
  {
    weight: 1,
    arbitrary: fc.constantFrom('+++\ntitle = "T"\ndate = 2024-04-25\n+++\n', '+++\ntitle = \n+++\n', '+++\n[lectern]\ntheme = 3\n+++\n', '---toml\nx = 1\n---\n', '---json\n{"title": 1}\n---\n', '---js\nmodule.exports = {}\n---\n', '---coffee\nx\n---\n', '----\n', '---\n---\n'),
  },
  { weight: 1, arbitrary: fc.constantFrom('<!--{ "Title": "Go", "Subtitle": "x" }-->\n', '<!--{ "Title": }-->\n', '<!--{ [1] }-->\n', '<!--{\n') },
  { weight: 4, arbitrary: fc.constant('') },
);

/** Article file names of every supported extension (and, rarely, one that is not supported). */
export const articlePath: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('a.md', 'b.markdown', 'c.mdx', 'd.html', 'e.htm', 'nested/dir/f.md', 'G.MD', 'weird name.md', '.hidden.md') },
  { weight: 1, arbitrary: fc.constant('noext') },
);

/** A random edit of a text: cut, duplicate, insert a fragment, or truncate, at arbitrary offsets. */
export function mutate(source: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: Math.max(0, source.length) });
  return fc.oneof(
    at.map((i) => source.slice(0, i)),
    fc.tuple(at, at).map(([a, b]) => source.slice(0, Math.min(a, b)) + source.slice(Math.max(a, b))),
    fc.tuple(at, at).map(([a, b]) => source.slice(0, Math.max(a, b)) + source.slice(Math.min(a, b))),
    fc.tuple(at, fragment).map(([i, f]) => `${source.slice(0, i)}${f}${source.slice(i)}`),
    fc.tuple(at, fc.constantFrom('\0', '\r', '\r\n', '\uFEFF', '\uD800', '\u2028', '<', '-->', '```', '{%', '{{', '---\n')).map(([i, c]) => `${source.slice(0, i)}${c}${source.slice(i)}`),
  );
}

/** Bytes of a text with random bytes spliced in: invalid UTF-8 sequences, NUL, a BOM, a UTF-16 look. */
export function corruptBytes(source: string): fc.Arbitrary<Uint8Array> {
  const bytes = new TextEncoder().encode(source);
  const junk = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 8 }),
    fc.constantFrom(Uint8Array.of(0), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0xc0, 0xaf)),
  );
  return fc.array(fc.tuple(fc.nat({ max: bytes.length }), junk), { minLength: 1, maxLength: 6 }).map((edits) => {
    let out = bytes;
    for (const [at, insert] of edits.sort((a, b) => b[0] - a[0])) {
      const next = new Uint8Array(out.length + insert.length);
      next.set(out.subarray(0, at));
      next.set(insert, at);
      next.set(out.subarray(at), at + insert.length);
      out = next;
    }
    return out;
  });
}

/** A single line of about 100,000 characters, of one repeated construct or of random text. */
export const hugeLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'word ', '*', '_', '`', '[', '](', '<', '<b>', '&amp;', '|', '\\', '{%', '{{', '#', '> ', '- ', '!', ':', '~'), fc.integer({ min: 50_000, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
