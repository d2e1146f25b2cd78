/**
 * Waiting for what changes a slide's size: web fonts and images. The fit pass must measure the
 * final layout, and the PDF export waits for `lectern:ready`, so both must be settled first.
 */

/**
 * Load every declared font face, then wait for `document.fonts.ready`. Loading them explicitly
 * matters: before reveal.js starts, every slide is `display: none`, so the browser would not yet
 * have requested any face and `fonts.ready` would resolve at once, with fallback fonts in place.
 */
export async function waitForFonts(doc: Document): Promise<void> {
  const faces = Array.from(doc.fonts);
  await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
  await doc.fonts.ready;
}

/** Load and decode every image of the deck; a broken image is ignored (render/ reports it). */
export async function waitForImages(root: ParentNode): Promise<void> {
  const images = Array.from(root.querySelectorAll('img'));
  await Promise.all(
    images.map((img) => {
      // A lazy image in a hidden slide would never load, and its size is needed for the fit pass.
      if (img.loading === 'lazy') img.loading = 'eager';
      if (!img.getAttribute('src')) return Promise.resolve();
      return img.decode().catch(() => undefined);
    }),
  );
}
