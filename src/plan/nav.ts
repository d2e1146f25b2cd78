/**
 * The article's own previous/next navigation (a trailing paragraph of links, as Jekyll themes put at
 * the end of a page) becomes the closing slide instead of a bullet.
 */
import type { Article, Block, Inline, NavLink, Section } from '../model.js';

/** A trailing links-only paragraph and the article without it. */
export interface NavSplit {
  readonly article: Article;
  readonly links: readonly NavLink[];
  readonly block?: Block;
}

/** Find the article's closing navigation: a last paragraph made only of 1–3 links. */
export function splitNav(article: Article): NavSplit {
  const lastSection = lastLeafSection(article.sections);
  const blocks = lastSection ? lastSection.blocks : article.intro;
  const block = blocks[blocks.length - 1];
  const links = block?.type === 'paragraph' ? navLinks(block.inlines) : undefined;
  if (!block || !links) return { article, links: [] };
  const trimmed = blocks.slice(0, -1);
  const replaced = lastSection ? { ...article, sections: replaceLast(article.sections, lastSection, trimmed) } : { ...article, intro: trimmed };
  return { article: replaced, links, block };
}

function navLinks(inlines: readonly Inline[]): NavLink[] | undefined {
  const links = inlines.filter((n): n is Extract<Inline, { type: 'link' }> => n.type === 'link');
  const others = inlines.filter((n) => n.type !== 'link' && !(n.type === 'text' && /^[\s|·•←→–—-]*$/.test(n.text)) && n.type !== 'break');
  if (links.length === 0 || links.length > 3 || others.length > 0) return undefined;
  if (links.some((l) => l.href.startsWith('#'))) return undefined;
  return links.map((l, i) => ({
    rel: links.length === 1 ? 'next' : i === 0 ? 'prev' : i === links.length - 1 ? 'next' : 'related',
    href: l.href,
    children: l.children,
  }));
}

function lastLeafSection(sections: readonly Section[]): Section | undefined {
  const last = sections[sections.length - 1];
  if (!last) return undefined;
  return last.children.length > 0 ? lastLeafSection(last.children) : last;
}

function replaceLast(sections: readonly Section[], target: Section, blocks: readonly Block[]): Section[] {
  return sections.map((s, i) => {
    if (i !== sections.length - 1) return s;
    if (s === target) return { ...s, blocks };
    return { ...s, children: replaceLast(s.children, target, blocks) };
  });
}
