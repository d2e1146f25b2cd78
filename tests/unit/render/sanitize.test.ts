import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS, resolveConfig, resolveDeckOptions } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import type { Block, Deck } from '../../../src/model.js';
import { planDeck } from '../../../src/plan/index.js';
import { renderDeck, safeUrl, sanitizeEmbed } from '../../../src/render/index.js';
import { renderBlock } from '../../../src/render/blocks.js';
import { article, section } from '../plan/helpers.js';

const assets = { styles: [], scripts: [] };

describe('sanitizeEmbed', () => {
  it('keeps media, figures and text markup, with allowlisted attributes only', () => {
    expect(sanitizeEmbed('<figure><video src="https://x.org/v.mp4" poster="p.png" controls width="640" class="c" style="x" id="lectern-config">Fallback <b>text</b></video><figcaption>Cap</figcaption></figure>')).toBe(
      '<figure><video src="https://x.org/v.mp4" poster="p.png" controls width="640">Fallback <b>text</b></video><figcaption>Cap</figcaption></figure>',
    );
    expect(sanitizeEmbed('<audio src="https://x.org/a.mp3"><track src="https://x.org/c.vtt" kind="captions"></audio>')).toBe('<audio src="https://x.org/a.mp3" controls><track src="https://x.org/c.vtt" kind="captions" /></audio>');
  });

  it('forces a sandbox without allow-same-origin on iframes, and drops srcdoc and non-http(s) sources', () => {
    expect(sanitizeEmbed('<iframe src="https://www.youtube.com/embed/x" title="Talk" allow="camera" sandbox="allow-same-origin allow-scripts" srcdoc="<script>x</script>"></iframe>')).toBe(
      '<iframe src="https://www.youtube.com/embed/x" title="Talk" sandbox="allow-scripts allow-popups allow-presentation" referrerpolicy="no-referrer" loading="lazy"></iframe>',
    );
    expect(sanitizeEmbed('<iframe src="javascript:alert(1)"></iframe>')).not.toContain('src=');
    expect(sanitizeEmbed('<iframe src="/relative/page.html"></iframe>')).not.toContain('src=');
    expect(sanitizeEmbed('<iframe src="data:text/html,x"></iframe>')).not.toContain('src=');
  });

  it('drops scripts, styles, stylesheets, <base>, forms, plugins and event handlers, keeping visible text', () => {
    const out = sanitizeEmbed(
      '<div onclick="x()"><script>alert(1)</script><style>@import "//evil"</style><link rel="stylesheet" href="//evil/x.css"><base href="//evil/">' +
        '<form action="javascript:x"><button formaction="javascript:x">Press</button><textarea>Typed</textarea></form>' +
        '<object data="x.swf">Object text</object><embed src="x.swf"><img src="x" onerror="x()"><p onmouseover="x()">Para</p></div>',
    );
    expect(out).toBe('<div>PressTypedObject text<img src="x" /><p>Para</p></div>');
  });

  it('refuses javascript:, vbscript: and data: URLs except data:image in <img>', () => {
    expect(sanitizeEmbed('<a href="javascript:alert(1)">a</a><a href=" jav&#x61;script:x">b</a><a href="vbscript:x">c</a><a href="data:text/html,x">d</a>')).toBe('<a>a</a><a>b</a><a>c</a><a>d</a>');
    expect(sanitizeEmbed('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=" />');
    expect(sanitizeEmbed('<img src="data:text/html;base64,PHNjcmlwdD4=">')).toBe('<img />');
    expect(sanitizeEmbed('<video poster="javascript:x" src="vbscript:y"></video>')).toBe('<video controls></video>');
  });

  it('never lets markup out of text, even through parser tricks (mXSS)', () => {
    const out = sanitizeEmbed('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><xmp><img src=x onerror=alert(1)></xmp><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>');
    expect(out).not.toMatch(/onerror|<img|<style|<math|<noscript/);
  });
});

describe('safeUrl', () => {
  it('reads the scheme the way a browser does: control characters and edge spaces go first', () => {
    expect(safeUrl(' \u000ejavascript:alert(1)')).toBeUndefined();
    expect(safeUrl('java\tscript:alert(1)')).toBeUndefined();
    expect(safeUrl('\u0000 JAVASCRIPT:x')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl(' https://example.com/a ')).toBe('https://example.com/a');
    expect(safeUrl('../other/')).toBe('../other/');
    expect(safeUrl('#/section')).toBe('#/section');
  });
});

describe('raw HTML blocks', () => {
  const embed: Block = { type: 'html', line: 3, html: '<video src="https://x.org/v.mp4" onplay="x()" autoplay="">Fallback words</video>', text: 'Fallback words' };
  const deckWith = (unsafe: boolean): Deck => planDeck(article({ h1: 'T', sections: [section(2, 'S', 2, [embed])] }), { ...DEFAULT_DECK_OPTIONS, unsafeHtml: unsafe });

  it('are sanitized on slides by default, and shown as text in the notes', () => {
    const { html } = renderDeck(deckWith(false), { assets });
    expect(html).toContain('<div class="lectern-html"><video src="https://x.org/v.mp4" controls>Fallback words</video></div>');
    expect(html).toContain('<aside class="notes"><p>Fallback words</p></aside>');
    expect(html).not.toMatch(/onplay|autoplay/);
    expect(renderBlock(embed, 'notes')).toBe('<p>Fallback words</p>');
  });

  it('are kept as written when the deck opts in (unsafeHtml), in the slides only', () => {
    const deck = deckWith(true);
    expect(deck.meta.unsafeHtml).toBe(true);
    const { html } = renderDeck(deck, { assets });
    expect(html).toContain('<div class="lectern-html"><video src="https://x.org/v.mp4" onplay="x()" autoplay="">Fallback words</video></div>');
    expect(html).toContain('<aside class="notes"><p>Fallback words</p></aside>');
  });

  it('the opt-in comes from front matter (lectern: { unsafeHtml: true }) or the CLI override, and must be a boolean', () => {
    const config = resolveConfig();
    expect(resolveDeckOptions(config, {}).unsafeHtml).toBe(false);
    expect(resolveDeckOptions(config, { lectern: { unsafeHtml: true } }).unsafeHtml).toBe(true);
    expect(resolveDeckOptions(config, {}, 'a.md', { unsafeHtml: true }).unsafeHtml).toBe(true);
    expect(() => resolveDeckOptions(config, { lectern: { unsafeHtml: 'yes' } }, 'a.md')).toThrow(LecternError);
    expect(planDeck(article({ sections: [] }), DEFAULT_DECK_OPTIONS).meta.unsafeHtml).toBeUndefined();
  });
});
