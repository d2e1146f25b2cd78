/** The browser's default margins of a block in its context (a paragraph, a list, code). */
import { type Flow } from './geometry.js';

/** The margins a block gets from what encloses it (blocks.css, and the browser's own for `pre`). */
export function contextMargins(flow: Flow, kind: 'p' | 'list' | 'pre' | 'other', px = flow.px): { top: number; bottom: number } {
  switch (flow.within) {
    case 'body':
      return { top: 0, bottom: 0 };
    case 'callout':
      return { top: 0, bottom: flow.geometry.scale.callout.childGapEm * px };
    case 'quote':
      if (kind === 'p') return { top: 0, bottom: flow.geometry.scale.quote.paragraphGapEm * px };
      return kind === 'pre' ? { top: px, bottom: px } : { top: 0, bottom: 0 };
    case 'item':
      if (kind === 'list') return { top: flow.geometry.scale.list.nestedMarginTopEm * px, bottom: 0 };
      return kind === 'pre' ? { top: px, bottom: px } : { top: 0, bottom: 0 };
  }
}
