import { describe, expect, it } from 'vitest';
import { replaceShortcodes } from '../../../src/parse/emoji.js';
import { parseLines } from './helpers.js';

describe('emoji shortcodes', () => {
  it('turns GitHub names into emoji, drops MkDocs icons, keeps unknown names, times and code', () => {
    expect(replaceShortcodes('Shipped :tada: :+1: :white_check_mark:')).toBe('Shipped 🎉 👍 ✅');
    expect(replaceShortcodes('At 10:30:00, :no_such_emoji: stays.')).toBe('At 10:30:00, :no_such_emoji: stays.');
    expect(replaceShortcodes('A :material-heart: icon')).toBe('A  icon');
    const article = parseLines(['Done :white_check_mark: and `:tada:` in code.']);
    expect(article.intro[0]).toMatchObject({ inlines: [{ type: 'text', text: 'Done ✅ and ' }, { type: 'code', text: ':tada:' }, { type: 'text', text: ' in code.' }] });
  });
});

describe('image titles', () => {
  it('keep a Markdown image\'s title as its caption', () => {
    expect(parseLines(['![Tide chart](tide.png "High water at noon")']).intro[0]).toEqual({
      type: 'image', line: 1, src: 'tide.png', alt: 'Tide chart', title: 'High water at noon', caption: [{ type: 'text', text: 'High water at noon' }],
    });
  });
});

describe('heading permalinks', () => {
  it('drops the glyph links sites add, and keeps a # that is part of the title', () => {
    const article = parseLines([
      '<h2 id="a">Install<a class="headerlink" href="#a">¶</a></h2><p>x</p>',
      '<h2 id="b"><a class="anchor" href="#b">🔗</a> Configure</h2><p>x</p>',
      '<h2 id="c">Run<a href="#c" class="hash-link">&#8203;</a></h2><p>x</p>',
      '<h2 id="d">From C# <a href="#d">#</a></h2><p>x</p>',
      '<h2 id="e">Links <a href="#e">to this section</a></h2><p>x</p>',
    ], 'html');
    expect(article.sections.map((s) => s.title)).toEqual(['Install', 'Configure', 'Run', 'From C#', 'Links to this section']);
  });
});
