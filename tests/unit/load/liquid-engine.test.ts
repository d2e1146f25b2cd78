/**
 * Real Liquid through liquidjs (resolveLiquid's engine path): the branch taken, filters, assign,
 * loops over site.data, includes from the site's _includes/ only, Jekyll's tags and filters, code
 * that renders only when it renders cleanly, and every problem a warning at its file line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import type { JekyllSite } from '../../../src/load/jekyll-data.js';
import { LIQUID_LIMITS, loadLiquidjs } from '../../../src/load/liquid-engine.js';
import { KNOWN_TAGS } from '../../../src/load/liquid-tags.js';
import { resolveLiquid, type LiquidContext, type LiquidResult } from '../../../src/load/liquid.js';
import { normalizeMeta } from '../../../src/load/meta.js';

const site: JekyllSite = {
  root: '/site',
  config: { title: 'Tidewater Handbook', show_beta: false, defaults: [{ scope: { path: 'docs' }, values: { audience: 'operators' } }] },
  data: {
    crew: [
      { name: 'Ines', role: 'captain' },
      { name: 'Tomas', role: 'rollback' },
    ],
    limits: { queue: { max_jobs: 40 } },
  },
  includes: {
    'note.md': '> **Note:** {{ include.text | upcase }}',
    'cards/row.html': '<b>{{ include.who.name }}</b>',
    'loop.html': 'again {% include loop.html %}',
    'plugin.html': 'before {% seo %} after',
  },
  diagnostics: [],
};

function ctx(overrides: Partial<LiquidContext> = {}): LiquidContext {
  return {
    file: 'docs/guide.md',
    bodyLine: 5,
    format: 'markdown',
    meta: normalizeMeta({ title: 'Guide', tags: ['tide', 'gauge'], date: new Date(Date.UTC(2024, 2, 11, 9, 30)) }),
    resolveLink: (target) => (target === 'install.md' ? '../install/' : undefined),
    site,
    sitePath: 'docs/guide.md',
    ...overrides,
  };
}

const render = (text: string, overrides: Partial<LiquidContext> = {}): LiquidResult => resolveLiquid(text, ctx(overrides));
const codes = (r: LiquidResult): [string, number | undefined][] => r.diagnostics.map((d) => [d.code, d.line]);

describe('liquidjs: the site renders as Jekyll would', () => {
  it('keeps only the branch taken', () => {
    const r = render('{% if site.show_beta %}\nBeta is open.\n{% elsif page.title == "Guide" %}\nStable only.\n{% else %}\nNeither.\n{% endif %}');
    expect(r.body).not.toContain('Beta is open');
    expect(r.body).not.toContain('Neither');
    expect(r.body).toContain('Stable only.');
    expect(r.diagnostics).toEqual([]);
  });

  it('applies filters and assign, and reads page, site, defaults and data', () => {
    const r = render('{% assign lead = site.data.crew | first %}{{ lead.name | upcase }} leads the {{ page.audience }} of {{ site.title }}; {{ page.tags | join: " & " }}; max {{ site.data.limits.queue.max_jobs | plus: 2 }}');
    expect(r.body).toBe('INES leads the operators of Tidewater Handbook; tide & gauge; max 42');
  });

  it('builds a table from site.data, mapping the loop\'s lines back to the file', () => {
    const text = '| Who | Role |\n|---|---|\n{% for p in site.data.crew %}| {{ p.name }} | {{ p.role }} |\n{% endfor %}\nAfter.';
    const r = render(text);
    expect(r.body).toBe('| Who | Role |\n|---|---|\n| Ines | captain |\n| Tomas | rollback |\n\nAfter.');
    // Body line → file line: the rows come from the loop's line (7), "After." is still file line 9.
    expect(r.lineMap).toEqual([5, 6, 7, 7, 8, 9]);
  });

  it('maps a branch\'s lines to where they are written', () => {
    const r = render('{% if page.title %}\none\n{% else %}\ntwo\n{% endif %}\nlast');
    expect(r.body).toBe('\none\n\nlast');
    expect(r.lineMap).toEqual([5, 6, 9, 10]);
  });

  it('includes files from _includes/ with Jekyll\'s include parameters, folders too', () => {
    const r = render('A\n{% include note.md text="check the gauge" %}\n{% include cards/row.html who=site.data.crew[1] %}');
    expect(r.body).toBe('A\n> **Note:** CHECK THE GAUGE\n<b>Tomas</b>');
    expect(r.diagnostics).toEqual([]);
  });

  it('reads nothing outside _includes/: a path that leaves it is a missing include', () => {
    const r = render('x\n{% include ../_config.yml %}\n{% include /etc/passwd %}\n{% include constructor %}{% include __proto__ %}');
    expect(r.body).toBe('x\n\n\n');
    expect(codes(r)).toEqual([['liquid-include-missing', 6], ['liquid-include-missing', 7], ['liquid-include-missing', 8], ['liquid-include-missing', 8]]);
  });

  it('says so when an article that includes a file is in no Jekyll site', () => {
    const r = render('{% include note.md %}', { site: undefined });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'liquid-include-missing', line: 5, hint: expect.stringContaining('no Jekyll site') })]);
  });

  it('stops an include that includes itself, with a warning, keeping the text', () => {
    const r = render('before\n{% include loop.html %}\nafter');
    expect(r.body).toBe('before\n\nafter');
    expect(r.diagnostics[0]).toMatchObject({ code: 'liquid-render-failed', line: 6 });
    expect(r.diagnostics[0]?.hint).toMatch(/includes itself|does not end/);
  });

  it('bounds loops: a huge range stops with a clear warning, not a hang', () => {
    const r = render('x\n{% for i in (1..100000000) %}{{ i }}{% endfor %}\ny');
    expect(r.body).toBe('x\n\ny');
    expect(r.diagnostics[0]).toMatchObject({ code: 'liquid-render-failed', line: 6 });
    expect(r.diagnostics[0]?.message).toContain('limit exceeded');
    expect(LIQUID_LIMITS.memoryLimit).toBeGreaterThan(0);
  });

  it('has Jekyll\'s tags and filters: link, post_url, highlight, relative_url, absolute_url, markdownify, deterministic sample', () => {
    const r = render('{% assign next = "install.md" %}[next]({% link {{ next }} %}) {{ "assets/a.css" | relative_url }} {{ "/b" | absolute_url }} {{ "**x**" | markdownify }} {{ site.data.crew | sample | map: "name" }}');
    expect(r.body).toBe('[next](../install/) /assets/a.css /b **x** Ines');
    const html = render('{% if true %}{{ "**x**" | markdownify }}{% endif %}', { format: 'html' });
    expect(html.body.trim()).toBe('<p><strong>x</strong></p>');
  });

  it('prints front matter dates as Jekyll does, and formats them with date', () => {
    expect(render('{{ page.date }} | {{ page.date | date: "%B %-d, %Y" }}').body).toBe('2024-03-11 09:30:00 +0000 | March 11, 2024');
  });

  it('gives site.baseurl and site.url as empty: the deck lives in its own folder', () => {
    expect(render('{% if true %}{{ site.url }}{{ site.baseurl }}/x{% endif %}', { site: { ...site, config: { baseurl: '/handbook', url: 'https://x.example' } } }).body).toBe('/x');
  });
});

describe('liquidjs: code renders only when it renders cleanly', () => {
  it('renders Liquid in code that the site can fill, and keeps examples as written', () => {
    const text = '```sh\ntide --site "{{ site.title }}"\n```\n\n```vue\n<p>{{ msg }}</p>\n```\n\n`{{ page.title }}` and `{% for x in y %}`';
    const r = render(text);
    expect(r.body).toBe('```sh\ntide --site "Tidewater Handbook"\n```\n\n```vue\n<p>{{ msg }}</p>\n```\n\n`Guide` and `{% for x in y %}`');
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps code with an unknown filter or tag as written, without warnings', () => {
    const r = render('{% if true %}x{% endif %}\n```\n{{ page.title | shout }}\n{% mytag %}\n```');
    expect(r.body).toBe('x\n```\n{{ page.title | shout }}\n{% mytag %}\n```');
    expect(r.diagnostics).toEqual([]);
  });

  it('renders a highlight block\'s Liquid (raw inside it too) and makes it a fence', () => {
    const r = render('{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %} is {{ page.title }}\n{% endhighlight %}');
    expect(r.body).toBe('```liquid\n{{ page.title }} is Guide\n```');
  });

  it('leaves Liquid in code alone when there is no site and no other Liquid (no engine loaded)', () => {
    const r = render('```\n{{ page.title }}\n```', { site: undefined });
    expect(r.body).toBe('```\n{{ page.title }}\n```');
  });
});

describe('liquidjs: problems are warnings at their lines, and text is never lost', () => {
  it('warns about missing data, unknown filters and unknown tags, keeping the text around them', () => {
    const r = render('Start\n{{ site.data.nothing.here }}\n{{ page.title | shout }}\n{% plugin_only %}\nEnd');
    expect(r.body).toBe('Start\n\nGuide\n\nEnd');
    expect(codes(r)).toEqual([['liquid-unknown-tag', 8], ['liquid-missing-data', 6], ['liquid-unknown-filter', 7]]);
    expect(r.diagnostics[2]?.message).toContain('shout');
  });

  it('reads missing values in conditions and default: as Jekyll does, without a warning', () => {
    const r = render('{% if page.draft %}draft{% endif %}{% unless page.hidden %}shown{% endunless %} {{ page.subtitle | default: "none" }}');
    expect(r.body).toBe('shown none');
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps a {{ or {% never closed as text beside real Liquid', () => {
    const r = render('Type {{ to open {% if true %}yes{% endif %} and {% too');
    expect(r.body).toBe('Type {{ to open yes and {% too');
    expect(r.diagnostics).toEqual([]);
  });

  it('removes a tag liquidjs cannot read, keeping the rest, with the reason at its line', () => {
    const r = render('a\n{% if page.title === "x" %}\nkept\n{% endif %}\n{{ "ok" | upcase }}');
    expect(r.body).toBe('a\n\nkept\n\nOK');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['liquid-syntax', 'liquid-syntax']);
    expect(r.diagnostics[0]?.line).toBe(6);
  });

  it('removes block tags that do not balance before liquidjs sees them', () => {
    const r = render('{% endif %}\n{% for x in site.data.crew %}\n{{ x.name }}\n{% else %}\nnone');
    expect(r.body).toBe('\n\n\n\nnone');
    expect(codes(r)).toEqual([['liquid-syntax', 5], ['liquid-syntax', 6], ['liquid-syntax', 8], ['liquid-missing-data', 7]]);
  });

  it('reports a problem inside an include at the line that includes it, naming the include', () => {
    const r = render('one\n{% include plugin.html %}');
    expect(r.body).toBe('one\nbefore  after');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'liquid-unknown-tag', line: 6 })]);
    expect(r.diagnostics[0]?.message).toContain('_includes/plugin.html');
  });

  it('adds the site\'s own problems (a data file that did not parse) to an article that uses Liquid', () => {
    const broken: JekyllSite = { ...site, diagnostics: [{ severity: 'warning', code: 'site-data-invalid', message: 'bad', file: '_data/x.yml', line: 2 }] };
    expect(render('{{ page.title }}', { site: broken }).diagnostics.map((d) => d.code)).toEqual(['site-data-invalid']);
  });
});

describe('the scan knows the engine\'s tags', () => {
  it('KNOWN_TAGS holds every tag liquidjs registers', () => {
    const { Liquid } = loadLiquidjs();
    for (const name of Object.keys(new Liquid().tags)) expect(KNOWN_TAGS.has(name), name).toBe(true);
  });
});

describe('liquidjs on anything (property)', () => {
  const fragments = [
    'text', ' ', '\n', '{% if site.show_beta %}', '{% else %}', '{% endif %}', '{% for p in site.data.crew %}', '{% endfor %}',
    '{{ p.name | upcase }}', '{{ page.nothing }}', '{{ x | shout }}', '{% include note.md text="a" %}', '{% include loop.html %}',
    '{% include missing.html %}', '{% assign y = page.tags | first %}', '{{ y }}', '{% capture c %}', '{% endcapture %}', '{% raw %}{{ a }}{% endraw %}',
    '```\n{{ site.title }}\n```\n', '`{{ msg }}`', '{% highlight js %}\n{{ page.title }}\n{% endhighlight %}', '{{', '{%', '}}', '%}', '{% case 1 %}', '{% when 1 %}', '{% endcase %}',
  ];

  it('renders or warns, never throws anything but a LecternError, and maps every line into the file', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        let r: LiquidResult;
        try {
          r = render(text);
        } catch (err) {
          expect(err).toBeInstanceOf(LecternError);
          return;
        }
        const lines = r.body.split('\n').length;
        if (r.lineMap === undefined) expect(lines).toBe(text.split('\n').length);
        else {
          expect(r.lineMap).toHaveLength(lines);
          for (const line of r.lineMap) expect(line >= 5 && line <= 4 + text.split('\n').length).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
