/**
 * One candidate slide of the composer: a run of consecutive units laid out as slide parts and
 * measured with the deck's own fonts (layout/). Points of consecutive paragraphs share one list;
 * code takes the largest size between the theme's and the floor at which the slide fits; two code
 * blocks that do not fit one above the other are tried side by side. Measurements of parts are
 * cached per unit, so trying many runs stays cheap.
 */
import type { Block, Inline, SlidePart } from '../model.js';
import { column } from '../layout/flow.js';
import { bodyGap, measurePart, type SlideGeometry } from '../layout/index.js';
import { codeSizes } from './code.js';
import type { PointUnit, ShownUnit } from './units.js';

/** A shown unit and the notes that belong with it. */
export interface Item {
  readonly unit: ShownUnit;
  readonly notes: readonly Block[];
  /** For a code piece split from a bigger block: its first line in the block (1-based). */
  readonly firstLine?: number;
  /** A piece of a block cut over several slides: never set side by side with another piece. */
  readonly piece?: boolean;
  /** Points kept off the screen right before this point (a busy section's); a sparse slide shows them. */
  readonly before?: readonly PointUnit[];
  /** Points kept off the screen right after it, before anything else is shown; shown the same way. */
  readonly after?: readonly PointUnit[];
}

/** A run of items laid out: how tall and wide, whether it fits, how full it is. */
export interface RunLayout {
  /** Body height (parts and the gaps between them), px. */
  readonly body: number;
  readonly width: number;
  readonly fits: boolean;
  /** Body height as a share of the room below the title. */
  readonly fill: number;
  /** Font size of the run's code, px (0 without code). */
  readonly codePx: number;
  /** Its code blocks are set side by side, two by two. */
  readonly paired: boolean;
}

const NONE: ReadonlySet<number> = new Set();

/** Measures runs of one scope's items; `room(first, from)` is the body height available under the title. */
export class RunMeasurer {
  private readonly cache = new Map<string, { height: number; width: number }>();

  constructor(
    private readonly items: readonly Item[],
    private readonly geometry: SlideGeometry,
    /** The body height available for a run starting at item `from` (`first`: on the scope's first slide). */
    private readonly room: (first: boolean, from: number) => number,
    private readonly imageSize?: (src: string) => { readonly width: number; readonly height: number } | null | undefined,
  ) {}

  /**
   * Lay out items[from..to) as one slide; `expanded`: items whose points show their extra
   * sentences. Code gets the largest size at which the slide fits (down to the floor); two code
   * blocks are set side by side when they do not fit one above the other.
   */
  layout(from: number, to: number, first: boolean, expanded: ReadonlySet<number> = NONE): RunLayout {
    const specs = this.specs(from, to);
    const room = this.room(first, from);
    const codes = specs.filter((s) => s.kind === 'code').length;
    if (codes === 0) return this.measure(specs, 0, room, expanded);
    const { theme, floor } = codeSizes(this.geometry);
    let fallback: RunLayout | undefined;
    for (const arranged of codes >= 2 ? [specs, pairCode(specs, this.items)] : [specs]) {
      // Code panels grow linearly with their size: measure at the theme's size and at the floor,
      // and take the size in between at which the body just fits.
      const big = this.measure(arranged, theme, room, expanded);
      if (big.fits) return big;
      const small = this.measure(arranged, floor, room, expanded);
      fallback ??= small;
      if (!small.fits) continue;
      const share = big.body === small.body ? 1 : (room - small.body) / (big.body - small.body);
      const byHeight = floor + (theme - floor) * Math.max(0, Math.min(1, share));
      const px = Math.floor(Math.min(byHeight, this.widestPx(arranged, room, expanded, theme, floor)) * 4) / 4;
      const laid = this.measure(arranged, Math.max(floor, px), room, expanded);
      return laid.fits ? laid : small;
    }
    return fallback!;
  }

  /** The parts of a run as laid out by `layout` (built only for the runs kept). */
  parts(from: number, to: number, layout: RunLayout, expanded: ReadonlySet<number> = NONE): SlidePart[] {
    const specs = this.specs(from, to);
    const arranged = layout.paired ? pairCode(specs, this.items) : specs;
    return arranged.map((spec) => this.part(spec, layout.codePx, expanded));
  }

  /** The largest code size (≤ theme) at which every code part is as narrow as the slide. */
  private widestPx(specs: readonly Spec[], room: number, expanded: ReadonlySet<number>, theme: number, floor: number): number {
    const big = this.measure(specs, theme, room, expanded);
    if (big.width <= this.geometry.contentWidth + 1) return theme;
    const small = this.measure(specs, floor, room, expanded);
    if (big.width === small.width) return floor;
    return floor + ((theme - floor) * (this.geometry.contentWidth - small.width)) / (big.width - small.width);
  }

  /** Parts of items[from..to): consecutive points as one list. */
  private specs(from: number, to: number): Spec[] {
    const out: Spec[] = [];
    for (let i = from; i < to; i++) {
      const unit = this.items[i]!.unit;
      const last = out[out.length - 1];
      if (unit.kind === 'point' && last?.kind === 'points') last.to = i + 1;
      else if (unit.kind === 'point') out.push({ kind: 'points', from: i, to: i + 1 });
      else if (unit.kind === 'code') out.push({ kind: 'code', index: i });
      else out.push({ kind: 'single', index: i });
    }
    return out;
  }

  private measure(specs: readonly Spec[], px: number, room: number, expanded: ReadonlySet<number>): RunLayout {
    const lone = specs.length === 1 && specs[0]!.kind === 'points' && specs[0]!.to - specs[0]!.from === 1 && !expanded.has(specs[0]!.from);
    let body = bodyGap(this.geometry) * Math.max(0, specs.length - 1);
    let width = 0;
    for (const spec of specs) {
      const box = this.box(spec, px, expanded, lone);
      body += box.height;
      width = Math.max(width, box.width);
    }
    const fits = body <= room + 1 && width <= this.geometry.contentWidth + 1;
    return { body, width, fits, fill: room > 0 ? body / room : 1, codePx: specs.some((s) => s.kind !== 'points' && s.kind !== 'single') ? px : 0, paired: specs.some((s) => s.kind === 'row') };
  }

  private box(spec: Spec, px: number, expanded: ReadonlySet<number>, lone: boolean): { height: number; width: number } {
    // A list of points is as tall as its items one by one (each with its margin): measured per item
    // once, so the many runs the composer tries cost additions, not line breaking.
    if (spec.kind === 'points' && !lone) {
      let height = 0;
      let width = 0;
      for (let i = spec.from; i < spec.to; i++) {
        const item = this.pointBox(i, expanded.has(i));
        height += item.height;
        width = Math.max(width, item.width);
      }
      return { height, width };
    }
    const key = `${specKey(spec, expanded)}|${spec.kind === 'single' || spec.kind === 'points' ? '' : px}|${lone}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      const part = this.part(spec, px, expanded);
      const stub = { kind: 'content' as const, parts: lone ? [part] : [part, part] };
      const box = column(measurePart(part, stub, this.geometry, this.imageSize === undefined ? {} : { imageSize: this.imageSize }), bodyGap(this.geometry));
      found = { height: box.height, width: box.width };
      this.cache.set(key, found);
    }
    return found;
  }

  /** The box of one point (or of its shown sentences) in a list that is not alone on its slide. */
  private pointBox(index: number, expanded: boolean): { height: number; width: number } {
    const key = `pi${index}${expanded ? '+' : ''}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      const part = this.part({ kind: 'points', from: index, to: index + 1 }, 0, expanded ? new Set([index]) : NONE);
      const box = column(measurePart(part, { kind: 'content', parts: [part, part] }, this.geometry), 0);
      found = { height: box.height, width: box.width };
      this.cache.set(key, found);
    }
    return found;
  }

  private part(spec: Spec, px: number, expanded: ReadonlySet<number>): SlidePart {
    switch (spec.kind) {
      case 'points': {
        const items: (readonly Inline[])[] = [];
        for (let i = spec.from; i < spec.to; i++) {
          const unit = this.items[i]!.unit as Extract<ShownUnit, { kind: 'point' }>;
          const { before = [], after = [] } = this.items[i]!;
          items.push(...(expanded.has(i) ? [...before.map((p) => p.inlines), ...unit.shown, ...after.map((p) => p.inlines)] : [unit.inlines]));
        }
        return { type: 'points', items };
      }
      case 'code':
        return this.codePart(spec.index, px);
      case 'row':
        return { type: 'row', parts: spec.indexes.map((i) => this.codePart(i, px)) };
      case 'single': {
        const unit = this.items[spec.index]!.unit;
        if (unit.kind === 'text') return { type: 'text', inlines: unit.inlines };
        if (unit.kind === 'block') return { type: 'block', block: unit.block };
        throw new Error(`unexpected unit ${unit.kind}`);
      }
    }
  }

  private codePart(index: number, px: number): SlidePart {
    const item = this.items[index]!;
    const unit = item.unit as Extract<ShownUnit, { kind: 'code' }>;
    const { theme } = codeSizes(this.geometry);
    return {
      type: 'code',
      code: unit.block.code,
      firstLine: item.firstLine ?? 1,
      scale: Math.round((px / theme) * 1000) / 1000,
      ...(unit.block.lang === undefined ? {} : { lang: unit.block.lang }),
      ...(unit.block.title === undefined ? {} : { title: unit.block.title }),
      ...(unit.caption === undefined ? {} : { caption: unit.caption }),
      ...(unit.block.highlight === undefined ? {} : { highlight: unit.block.highlight }),
      ...(unit.block.inferred === undefined ? {} : { inferred: unit.block.inferred }),
    };
  }
}

/** How a run's parts are made from its items. */
type Spec =
  | { kind: 'points'; from: number; to: number }
  | { readonly kind: 'code'; readonly index: number }
  | { readonly kind: 'row'; readonly indexes: readonly number[] }
  | { readonly kind: 'single'; readonly index: number };

function specKey(spec: Spec, expanded: ReadonlySet<number>): string {
  switch (spec.kind) {
    case 'points': {
      let key = `p${spec.from}-${spec.to}`;
      for (let i = spec.from; i < spec.to; i++) if (expanded.has(i)) key += `+${i}`;
      return key;
    }
    case 'code':
      return `c${spec.index}`;
    case 'row':
      return `r${spec.indexes.join(',')}`;
    case 'single':
      return `s${spec.index}`;
  }
}

/** Adjacent code blocks two by two side by side (a Before/After pair); pieces of one block never. */
function pairCode(specs: readonly Spec[], items: readonly Item[]): Spec[] {
  const out: Spec[] = [];
  for (let k = 0; k < specs.length; k++) {
    const a = specs[k]!;
    const b = specs[k + 1];
    if (a.kind === 'code' && b?.kind === 'code' && items[a.index]?.piece !== true && items[b.index]?.piece !== true) {
      out.push({ kind: 'row', indexes: [a.index, b.index] });
      k++;
    } else out.push(a);
  }
  return out;
}
