/** The SVG thumbnail card made without a browser. */
import { describe, expect, it } from 'vitest';
import { placeholderThumbnail } from '../../../src/site/thumbnails.js';

describe('placeholderThumbnail', () => {
  it('is a self-contained SVG with the escaped title', () => {
    const svg = placeholderThumbnail('Fish & <Chips>', 12);
    expect(svg).toContain('Fish &amp; &lt;Chips&gt;');
    expect(svg).toContain('12 slides');
    expect(svg).not.toMatch(/href=|url\(/);
  });
});
