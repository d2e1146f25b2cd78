/**
 * The article's sections → slides, one stack per top-level section. A section with text of its own
 * is composed into slides under its heading (compose.ts). A section with no text before its first
 * subsection gets no slide of its own: its heading stands small above the title of the next slide
 * (the kicker) and its hash link lands there. So does one whose text there is only a sentence or
 * two (a slide of one sentence is not enough to speak to): that text is said, from the next slide's
 * notes. Sibling sections that each hold a sentence or two are
 * merged into one slide (or a few), a point per section: its heading and its key sentence; each
 * section's prose goes to the notes and its heading stays reachable by hash link. Every slide
 * records the section it comes from (`Slide.section`), with what the author said about that section
 * for a time slot (`<!-- lectern: backup|keep -->`, inherited by its subsections).
 */
import type { Block, Inline, Section, Slide, SlideSection } from '../model.js';
import { countWords, plainText } from '../text.js';
import { composeScope, type ComposeContext, type Scope } from './compose.js';
import { keyPoint } from './keypoint.js';
import { splitSentences } from './sentences.js';
import { planUnits, type Unit } from './units.js';

/** Slides of every top-level section, one array (stack) each, in order. */
export function planSections(sections: readonly Section[], ctx: ComposeContext): Slide[][] {
  return adoptSmallRuns(sections).map((section) => planSection(section, [], ctx));
}

type Pin = SlideSection['pin'];

/** The section's own `backup`/`keep` directive (the last one written wins), else what it inherits. */
function pinOf(section: Section, inherited: Pin): Pin {
  let pin = inherited;
  for (const b of section.blocks) if (b.type === 'directive' && (b.name === 'backup' || b.name === 'keep')) pin = b.name;
  return pin;
}

/** Slides marked with the section they come from. */
function tagged(slides: readonly Slide[], section: Section, pin: Pin): Slide[] {
  const tag: SlideSection = { id: section.id, depth: section.depth, title: section.title, ...(pin === undefined ? {} : { pin }) };
  return slides.map((slide) => ({ ...slide, section: tag }));
}

/**
 * A section with no text and no subsections followed by small sections of its own level ("## 3
 * Reasons", "## Reason one", "## Reason two"…) stands for them: they become its subsections, so
 * they are merged under its heading. Applied at every level.
 */
function adoptSmallRuns(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    const empty = s.children.length === 0 && s.blocks.every((b) => b.type === 'directive' || b.type === 'rule');
    let j = i + 1;
    while (empty && j < sections.length && isSmall(sections[j]!)) j++;
    if (empty && j - i > 2) {
      out.push({ ...s, children: sections.slice(i + 1, j).map((c) => ({ ...c, depth: s.depth + 1 })) });
      i = j - 1;
    } else out.push({ ...s, children: adoptSmallRuns(s.children) });
  }
  return out;
}

/** Slides of a section and of its subsections; `pending`: enclosing sections with no slide of their own yet. */
function planSection(section: Section, pending: readonly Section[], ctx: ComposeContext, inherited?: Pin): Slide[] {
  const pin = pinOf(section, inherited);
  const own = section.blocks.filter((b) => b.type !== 'rule' || section.blocks.length > 1);
  const units = planUnits(own, ctx.budget, section.title);
  const groups = groupChildren(section.children);
  // A sentence or two before a subsection that is not merged with it: said over that subsection's
  // first slide, under this section's heading as its kicker, not a slide of one sentence.
  const brief = groups[0]?.length === 1 && isBriefIntro(section);
  const shows = !brief && units.some((u) => u.kind !== 'notes' && u.kind !== 'break');
  const slides: Slide[] = [];
  let chain = pending;
  if (shows && groups[0] !== undefined && groups[0].length > 1) {
    // The section's own text and its first small subsections share slides: a point each.
    const digest = digestScope(section, groups.shift()!, []);
    const merged = [...(kickerOf(pending).aliases ?? []), digest.id, ...(digest.aliases ?? [])];
    slides.push(...tagged(composeScope({ ...scopeOf(section, [...units, ...digest.units], pending), aliases: merged }, ctx), section, pin));
    chain = [];
  } else if (shows || section.children.length === 0) {
    slides.push(...tagged(composeScope(scopeOf(section, units, pending), ctx), section, pin));
    chain = [];
  } else {
    // Text the section has that is not shown (a brief intro, an HTML comment's words) goes to the next slide's notes.
    chain = [...pending, { ...section, blocks: brief ? own.filter((b) => b.type === 'paragraph') : units.flatMap((u) => (u.kind === 'notes' ? u.blocks : [])) }];
  }
  for (const group of groups) {
    if (group.length === 1) slides.push(...planSection(group[0]!, chain, ctx, pin));
    else slides.push(...tagged(composeScope(digestScope(section, group, chain), ctx), group[0]!, group.every((c) => pinOf(c, pin) === 'backup') ? 'backup' : pin));
    chain = [];
  }
  return slides;
}

/** The scope of a section's own units, with the kicker and hash links of the sections above it that have no slide. */
function scopeOf(section: Section, units: readonly Unit[], pending: readonly Section[]): Scope {
  return {
    title: section.heading,
    id: section.id,
    line: section.line,
    heading: { level: section.depth, text: section.title },
    units,
    ...kickerOf(pending),
  };
}

/** What the sections without a slide of their own give the next slide: a kicker, hash links, notes. */
function kickerOf(pending: readonly Section[]): Pick<Scope, 'kicker' | 'aliases' | 'notes'> {
  if (pending.length === 0) return {};
  const inlines: Inline[] = pending.flatMap((s, i) => (i === 0 ? [...s.heading] : [{ type: 'text', text: ' › ' } as const, ...s.heading]));
  const notes = pending.flatMap((s) => s.blocks);
  return {
    kicker: { inlines, headings: pending.map((s) => ({ level: s.depth, text: s.title })) },
    aliases: pending.map((s) => s.id),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Words of prose up to which a section is small: a sentence or two, three short ones. */
const SMALL_WORDS = 50;
/** Words up to which a section's text before its subsections is a brief intro (with at most two sentences). */
const BRIEF_WORDS = 30;

/**
 * A section whose text before its subsections is one paragraph of a sentence or two ("Here are some
 * typical data races. All of them can be detected with the race detector.") and nothing else; an
 * author's `keep` or `break` keeps it on a slide of its own.
 */
function isBriefIntro(section: Section): boolean {
  if (section.children.length === 0) return false;
  if (section.blocks.some((b) => b.type === 'directive' && (b.name === 'keep' || b.name === 'break'))) return false;
  const shown = section.blocks.filter((b) => b.type !== 'directive' && b.type !== 'rule');
  const [only] = shown;
  if (shown.length !== 1 || only?.type !== 'paragraph') return false;
  return countWords(plainText(only.inlines)) <= BRIEF_WORDS && splitSentences(only.inlines, 3).length <= 2;
}

/** A section small enough to be one point of a merged slide: prose only, a sentence or two. */
function isSmall(section: Section): boolean {
  if (section.children.length > 0) return false;
  const shown = section.blocks.filter((b) => b.type !== 'directive' && b.type !== 'rule');
  if (shown.length === 0 || shown.some((b) => b.type !== 'paragraph')) return false;
  if (section.blocks.some((b) => b.type === 'directive' && (b.name === 'break' || b.name === 'keep'))) return false;
  const words = shown.reduce((n, b) => n + (b.type === 'paragraph' ? countWords(plainText(b.inlines)) : 0), 0);
  return shown.length <= 3 && words <= SMALL_WORDS;
}

/** Children in order, consecutive small ones grouped (a group of one is planned as usual). */
function groupChildren(children: readonly Section[]): Section[][] {
  const groups: { small: boolean; sections: Section[] }[] = [];
  for (const child of children) {
    const small = isSmall(child);
    const last = groups[groups.length - 1];
    if (last !== undefined && small && last.small) last.sections.push(child);
    else groups.push({ small, sections: [child] });
  }
  return groups.map((g) => g.sections);
}

/**
 * Small sibling sections as one scope under their parent's heading: each a point made of its
 * heading and its key sentence; its whole prose in the notes, after its heading.
 */
function digestScope(parent: Section, group: readonly Section[], pending: readonly Section[]): Scope {
  // The parent's heading is the title here: it is not repeated as a kicker.
  const above = pending.filter((s) => s.id !== parent.id);
  const units: Unit[] = group.map((child): Unit => {
    const first = child.blocks.find((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
    const lead = first === undefined ? [] : keyPoint(first.inlines, child.title);
    const inlines: Inline[] = [{ type: 'strong', children: child.heading }, ...(lead.length > 0 ? [{ type: 'text', text: ' — ' } as const, ...lead] : [])];
    const notes: Block[] = [{ type: 'paragraph', line: child.line, inlines: [{ type: 'strong', children: child.heading }] }, ...child.blocks.filter((b) => b.type !== 'directive' && b.type !== 'rule')];
    return { kind: 'point', inlines, shown: [inlines], notes, line: child.line, score: 0 };
  });
  const parentTextless = pending.some((s) => s.id === parent.id);
  const kicker = kickerOf(above);
  const notes = pending.flatMap((s) => s.blocks);
  return {
    title: parent.heading,
    id: group[0]!.id,
    line: group[0]!.line,
    ...(parentTextless ? { heading: { level: parent.depth, text: parent.title } } : {}),
    units,
    ...(kicker.kicker ? { kicker: kicker.kicker } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    aliases: [...(kicker.aliases ?? []), ...(parentTextless ? [parent.id] : []), ...group.slice(1).map((s) => s.id)],
  };
}
