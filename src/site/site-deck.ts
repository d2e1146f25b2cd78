/**
 * What the static site adds to a planned deck before render: its images renamed to hashed copies,
 * the QR code of its hosted URL (with a site URL), and the sharing tags of its `<head>`. The files
 * to write are recorded for the build, which writes them next to the deck page.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LecternError } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { ResolvedConfig } from '../config.js';
import type { Deck } from '../model.js';
import type { PrepareDeck } from '../pipeline.js';
import { resolveDeckImages, rewriteImages, type ImageCopy } from './assets-copy.js';
import { deckUrl, qrSvg, shareHead, withQrCode } from './share.js';
import { thumbnailName, writePlaceholderThumbnail } from './thumbnails.js';

/** Files a deck's folder needs besides index.html. */
export interface SiteDeckFiles {
  readonly images: readonly ImageCopy[];
  /** The QR code SVG (name and content), with a site URL. */
  readonly qr?: { readonly name: string; readonly svg: string };
  /** The thumbnail file name og:image points to (written later by the build). */
  readonly thumbnail: string;
}

/**
 * A PrepareDeck for the article at `articleFile` that rewrites images, adds the QR code and the
 * sharing tags, and hands the files it needs to `record`.
 */
export function sitePreparer(config: ResolvedConfig, articleFile: string, thumbnail: 'png' | 'svg', record: (files: SiteDeckFiles) => void): PrepareDeck {
  return (planned: Deck) => {
    const images = resolveDeckImages(planned, resolve(articleFile));
    let deck: Deck = rewriteImages(planned, images.mapping);
    if (images.diagnostics.length > 0) deck = { ...deck, diagnostics: [...deck.diagnostics, ...images.diagnostics] };
    const thumb = thumbnailName(thumbnail);
    const url = config.siteUrl === undefined ? undefined : deckUrl(config.siteUrl, deck.meta.slug);
    let qr: SiteDeckFiles['qr'];
    if (url !== undefined) {
      const svg = qrSvg(url);
      qr = { name: `qr-${createHash('sha256').update(svg).digest('hex').slice(0, 8)}.svg`, svg };
      deck = withQrCode(deck, url, qr.name);
    }
    record({ images: images.copies, thumbnail: thumb, ...(qr === undefined ? {} : { qr }) });
    const head = shareHead({
      title: deck.meta.title,
      image: url === undefined ? thumb : new URL(thumb, url).href,
      ...(url === undefined ? {} : { url }),
      ...(deck.meta.description === undefined ? {} : { description: deck.meta.description }),
    });
    return { deck, head };
  };
}

/**
 * Write a deck's images, QR code and (without a browser) its placeholder thumbnail into `deckDir`;
 * with a browser the PDF step takes the PNG thumbnail later.
 */
export async function writeDeckFiles(
  deckDir: string,
  files: SiteDeckFiles,
  deck: { readonly title: string; readonly slideCount: number; thumbnail?: string },
  browser: boolean,
): Promise<void> {
  await mkdir(deckDir, { recursive: true });
  for (const image of files.images) {
    try {
      await copyFile(image.from, join(deckDir, image.name));
    } catch (cause) {
      throw new LecternError('write-failed', `could not copy ${image.from} to ${deckDir}: ${(cause as Error).message}`, {
        file: image.from,
        hint: 'check that the output folder is writable',
        cause,
      });
    }
  }
  if (files.qr !== undefined) await writeFileAtomic(join(deckDir, files.qr.name), files.qr.svg);
  if (!browser) deck.thumbnail = await writePlaceholderThumbnail(deckDir, deck.title, deck.slideCount);
}
