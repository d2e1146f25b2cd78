/**
 * The shape of one generated font table (src/layout/metrics/tables.ts, written by
 * scripts/layout-metrics.ts). Everything is in font units; `chars` lists the code points the face
 * covers, and the arrays after it run parallel to it.
 */
export interface FaceTable {
  readonly family: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  /** The package path of the woff2 file, as fonts.css names it. */
  readonly file: string;
  /** SHA-256 of that file: the table test fails when the installed file differs. */
  readonly sha256: string;
  readonly unitsPerEm: number;
  readonly ascender: number;
  /** Negative, below the baseline. */
  readonly descender: number;
  readonly lineGap: number;
  /** Every code point of the face, in ascending order. */
  readonly chars: string;
  /** Advance width of each character of `chars`. */
  readonly advances: readonly number[];
  /** Number of left and right pair classes (class 0 adjusts nothing). */
  readonly pairClasses: readonly [number, number];
  /** Left and right pair class of each character of `chars`. */
  readonly leftClass: readonly number[];
  readonly rightClass: readonly number[];
  /** Sparse class matrix: `left, right, adjustment` triples (kerning and pair-wise contextual alternates). */
  readonly pairs: readonly number[];
}
