/**
 * Boxes and block flow: what a measurement returns, and how blocks stack in normal flow with CSS
 * margin collapsing (adjacent siblings share the larger margin; a first or last child's margin
 * passes through a parent with no padding or border on that side unless the parent is a new
 * formatting context, as flex items are).
 */

/** A measured box, in CSS px at the geometry's fit. */
export interface Box {
  /** Border-box height (margins not included). */
  readonly height: number;
  /**
   * The width the content needs: its widest line, or its box when that is wider. More than the
   * width it was given means it overflows sideways (a long code line, a wide table).
   */
  readonly width: number;
  /** Line boxes of text (rows for code and tables), for the planner's own accounting. */
  readonly lines: number;
}

/** A box in block flow, with the vertical margins it brings to its parent. */
export interface FlowBox extends Box {
  readonly marginTop: number;
  readonly marginBottom: number;
  /**
   * The part of `marginBottom` that comes through from its last child (a list's last item): a
   * `:last-child { margin-bottom: 0 }` rule on this box leaves that part in place.
   */
  readonly innerMarginBottom?: number;
}

/** How a parent holds the blocks it stacks. */
export interface StackOptions {
  /** Padding plus border on each side, px. */
  readonly top: number;
  readonly bottom: number;
  /** The parent's own margins, px. */
  readonly marginTop: number;
  readonly marginBottom: number;
  /** A new formatting context (a flex item, a table cell): children's margins stay inside. */
  readonly contain: boolean;
  /** Padding plus border on the left and right, px (added to the needed width). */
  readonly sides: number;
}

/** The box as the last child under a `margin-bottom: 0` rule: only a margin from inside it is left. */
export function lastChild(box: FlowBox): FlowBox {
  return { ...box, marginBottom: box.innerMarginBottom ?? 0 };
}

/** A box with margins, from a plain box. */
export function withMargins(box: Box, marginTop: number, marginBottom: number): FlowBox {
  // Spelled out rather than spread: a cold build runs this in the interpreter, where spread is slow.
  return { height: box.height, width: box.width, lines: box.lines, marginTop, marginBottom };
}

/** Stack `children` in a parent: its height, needed width, lines and the margins it passes on. */
export function stack(children: readonly FlowBox[], options: StackOptions): FlowBox {
  let height = options.top + options.bottom;
  let width = 0;
  let lines = 0;
  let marginTop = options.marginTop;
  let marginBottom = options.marginBottom;
  children.forEach((child, i) => {
    height += child.height;
    width = Math.max(width, child.width);
    lines += child.lines;
    if (i > 0) height += Math.max(children[i - 1]!.marginBottom, child.marginTop);
  });
  const first = children[0];
  const last = children[children.length - 1];
  if (first !== undefined && last !== undefined) {
    if (options.contain || options.top > 0) height += first.marginTop;
    else marginTop = Math.max(marginTop, first.marginTop);
    if (options.contain || options.bottom > 0) height += last.marginBottom;
    else {
      marginBottom = Math.max(marginBottom, last.marginBottom);
      return { height, width: width + options.sides, lines, marginTop, marginBottom, innerMarginBottom: last.marginBottom };
    }
  }
  return { height, width: width + options.sides, lines, marginTop, marginBottom };
}

/**
 * Lay boxes out as a flex column with a gap (the slide body, a figure): margins of flex items
 * (a box may carry them, as FlowBox) add to the gap and never collapse.
 */
export function column(children: readonly (Box | FlowBox)[], gap: number): Box {
  if (children.length === 0) return { height: 0, width: 0, lines: 0 };
  const margins = (c: Box | FlowBox): number => ('marginTop' in c ? c.marginTop + c.marginBottom : 0);
  return {
    height: children.reduce((sum, c) => sum + c.height + margins(c), 0) + gap * (children.length - 1),
    width: children.reduce((max, c) => Math.max(max, c.width), 0),
    lines: children.reduce((sum, c) => sum + c.lines, 0),
  };
}
