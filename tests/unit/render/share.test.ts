/** Sharing tags and QR codes: what a hosted deck's page says about its URL, and the QR code its closing slide draws inline (the deck URL itself: config.test.ts). */
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrSvg, shareHead } from '../../../src/render/share.js';

describe('shareHead', () => {
  it('writes canonical, og:url, og:image and a large twitter card when the site URL is known', () => {
    const head = shareHead({ title: 'A "quoted" <title>', url: 'https://example.org/t/', image: 'https://example.org/t/thumbnail.png', description: 'D' });
    expect(head).toContain('<link rel="canonical" href="https://example.org/t/">');
    expect(head).toContain('<meta property="og:url" content="https://example.org/t/">');
    expect(head).toContain('<meta property="og:image" content="https://example.org/t/thumbnail.png">');
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(head).toContain('content="A &quot;quoted&quot; &lt;title&gt;"');
  });

  it('leaves out canonical and og:url without a site URL', () => {
    const head = shareHead({ title: 'T' });
    expect(head).not.toContain('canonical');
    expect(head).not.toContain('og:url');
    expect(head).toContain('content="summary"');
  });
});

describe('qrSvg', () => {
  it('draws exactly the dark modules of the QR code, with a quiet zone, deterministically', () => {
    const url = 'https://example.org/talks/eventlet/';
    const svg = qrSvg(url);
    expect(svg).toBe(qrSvg(url));
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
    let dark = 0;
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) dark++;
    const drawn = [...svg.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(drawn).toBe(dark);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org|example\.org)/);
  });
});
