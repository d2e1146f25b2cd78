import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/load/source.js';
import { resolveQuarto } from '../../../src/load/quarto.js';

const lines = (text: string): number => text.split('\n').length;
const quarto = (text: string): string => resolveQuarto(text, 'a.qmd', 1).body;

describe('Quarto and R Markdown bodies', () => {
  it('makes chunks fences in their language, options dropped', () => {
    expect(quarto('```{r fit-model, warning=FALSE}\nx <- 1\n```')).toBe('```r\nx <- 1\n```');
    expect(quarto('```{python}\nprint(1)\n```')).toBe('```python\nprint(1)\n```');
    expect(quarto('```{r, fig.cap="A {b}"}\nplot(x)\n```')).toBe('```r\nplot(x)\n```');
    expect(quarto('```{ojs}\nx = 1\n```')).toBe('```javascript\nx = 1\n```');
  });

  it('hides #| option lines by moving the fence onto them: every code line keeps its line', () => {
    const text = 'Intro\n```{python}\n#| label: load\n#| echo: true\nimport pandas\n```';
    const body = quarto(text);
    expect(body).toBe('Intro\n\n\n```python\nimport pandas\n```');
    expect(lines(body)).toBe(lines(text));
    expect(body).not.toContain('#|');
  });

  it('blanks chunks the document hides (echo false, include false), keeping the lines', () => {
    const text = '```{r setup, include=FALSE}\nlibrary(x)\n```\n```{python}\n#| echo: false\nsecret()\n```\n```{r, echo=F}\nhidden()\n```\nText';
    expect(quarto(text)).toBe('\n\n\n\n\n\n\n\n\n\nText');
  });

  it('keeps raw HTML blocks as HTML and blanks raw blocks for other formats', () => {
    expect(quarto('```{=html}\n<kbd>Ctrl</kbd>\n```\n```{=latex}\n\\newpage\n```')).toBe('\n<kbd>Ctrl</kbd>\n\n\n\n');
  });

  it('makes callouts the containers the parser reads; a first heading becomes the title', () => {
    expect(quarto('::: {.callout-note}\nRead me.\n:::')).toBe(':::note\nRead me.\n:::');
    expect(quarto(':::{.callout-warning title="Spring [tides]"}\nCareful.\n:::')).toBe(':::warning[Spring tides]\nCareful.\n:::');
    expect(quarto('::: {.callout-tip collapse="true"}\n## Read the residuals\nA pattern.\n:::')).toBe(':::tip[Read the residuals]\n\nA pattern.\n:::');
  });

  it('drops the fences of other divs, nested or not, and keeps their content', () => {
    const text = ':::: {.columns}\n::: {.column width="50%"}\n::: {.callout-important}\nInside.\n:::\nLeft.\n:::\n::::';
    expect(quarto(text)).toBe('\n\n:::important\nInside.\n:::\nLeft.\n\n');
  });

  it('leaves code alone: ::: and shortcodes in a fence, `r expr` inline code', () => {
    const text = '```\n::: {.callout-note}\n{{< video x >}}\n```\nThe mean is `r mean(x)` and `{{< kbd Ctrl >}}`.';
    expect(quarto(text)).toBe(text);
  });

  it('removes shortcodes outside code and says so once, at the first', () => {
    const r = resolveQuarto('a\n{{< pagebreak >}}\nb {{< kbd Ctrl-C >}} c\n{{</* video */>}}', 'a.qmd', 10);
    expect(r.body).toBe('a\n\nb  c\n{{< video >}}');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'quarto-shortcode', line: 11, severity: 'info' })]);
    expect(r.diagnostics[0]?.message).toContain('pagebreak, kbd');
  });

  it('reads the fixture .qmd and .Rmd with their YAML headers, line for line', () => {
    for (const path of ['tests/fixtures/formats/tide-forecast.qmd', 'tests/fixtures/formats/harbour-report.Rmd']) {
      const text = readFileSync(path, 'utf8');
      const source = parseSource(text, path, { resolveLink: () => undefined });
      expect(source.format).toBe('markdown');
      expect(source.lineMap).toBeUndefined();
      expect(source.bodyLine + lines(source.body) - 1).toBe(lines(text));
      expect(source.body).not.toMatch(/```\{|#\||\{\{</);
    }
    const qmd = parseSource(readFileSync('tests/fixtures/formats/tide-forecast.qmd', 'utf8'), 'tide.qmd', { resolveLink: () => undefined });
    expect(qmd.meta).toMatchObject({ title: 'Forecasting the tide gauge', author: 'Ines Marlow', date: '2024-05-14' });
  });

  it('does not run Liquid in Quarto or R Markdown (a {{ }} in R is R)', () => {
    const source = parseSource('# R\n\nglue("{{name}}") and {% not liquid %}\n', 'a.Rmd', { resolveLink: () => undefined });
    expect(source.body).toContain('glue("{{name}}") and {% not liquid %}');
  });
});
