/**
 * Every script (issue 12, item 5): Chinese, Japanese and Arabic articles (tests/fixtures/formats)
 * through parse → plan → render: sentences split, word budgets that apply, Unicode heading ids and
 * folder slugs, dir="rtl".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { parseSource } from '../../../src/load/index.js';
import type { Article, Block, Deck, Inline } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { planDeck } from '../../../src/plan/index.js';
import { splitSentences } from '../../../src/plan/sentences.js';
import { renderDeck } from '../../../src/render/index.js';
import { countWords, plainText } from '../../../src/text.js';

function load(name: string): { article: Article; deck: Deck; html: string } {
  const file = `tests/fixtures/formats/${name}`;
  const text = readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), 'utf8');
  const article = parseArticle(parseSource(text, file, { resolveLink: () => undefined }));
  const deck = planDeck(article, DEFAULT_DECK_OPTIONS);
  const html = renderDeck(deck, { assets: { styles: [], scripts: [] } }).html;
  return { article, deck, html };
}

const paragraph = (article: Article, section: number): Inline[] => {
  const block = article.sections[section]!.blocks.find((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  return [...block!.inlines];
};
/** Whether every item is one of `all`, in `all`'s order. */
const isInOrder = (items: readonly string[], all: readonly string[]): boolean => {
  let at = -1;
  for (const item of items) {
    const next = all.indexOf(item, at + 1);
    if (next < 0) return false;
    at = next;
  }
  return true;
};
const points = (deck: Deck): string[] => deck.stacks.flat().flatMap((s) => s.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : [])));

describe('Chinese (zh.md)', () => {
  const { article, deck } = load('zh.md');

  it('splits a nine-sentence paragraph at 。 and shows its lead, and a few more of its sentences on a slide with room', () => {
    const sentences = splitSentences(paragraph(article, 0)).map(plainText);
    expect(sentences).toHaveLength(9);
    expect(sentences[0]).toBe('这个工具需要 Node.js 20 或更高版本。');
    expect(sentences[8]).toBe('最后，打开浏览器查看结果。');
    const shown = deck.stacks.flat().find((s) => s.id === '安装')!;
    const items = shown.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : []));
    expect(shown.parts.map((p) => p.type)).toEqual(['points']);
    // Verbatim sentences, in the paragraph's order, the lead first; never the whole paragraph.
    expect(items[0]).toBe(sentences[0]);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(isInOrder(items, sentences)).toBe(true);
    expect(shown.notes.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : ''))).toContain(plainText(paragraph(article, 0)));
  });

  it('counts dictionary words, so the word budgets apply', () => {
    const words = countWords(plainText(paragraph(article, 0)));
    // One "word" before (no spaces); Intl.Segmenter's dictionary finds the words.
    expect(words).toBeGreaterThan(DEFAULT_DECK_OPTIONS.maxWords);
    expect(countWords('这个工具需要 Node.js 20 或更高版本。')).toBeGreaterThanOrEqual(6); // 这个 工具 需要 Node.js 20 或 更高 版本
  });

  it('gives headings real ids (GitHub rules), unique within the article', () => {
    expect(article.sections.map((s) => s.id)).toEqual(['安装', '配置', '安装-2']);
    expect(deck.stacks.flat().map((s) => s.id)).toContain('配置');
  });

  it('keeps its letters in the folder name', () => {
    expect(deck.meta.slug).toBe('zh');
    expect(parseSource('# 标题\n', 'posts/中文.md', { resolveLink: () => undefined }).slug).toBe('中文');
  });
});

describe('Japanese (ja.md)', () => {
  const { article, deck } = load('ja.md');

  it('splits at 。！？ and keeps a quotation 「…。」 whole', () => {
    expect(splitSentences(paragraph(article, 0)).map(plainText)).toEqual([
      'まず、Node.js をインストールしてください。',
      '次に、ターミナルでコマンドを実行します。',
      '数秒で完了します！',
      '準備はできましたか？',
      '「完了しました。」と表示されれば成功です。',
    ]);
    const shown = points(deck);
    expect(shown[0]).toBe('まず、Node.js をインストールしてください。');
    expect(shown.length).toBeLessThanOrEqual(3);
    expect(isInOrder(shown, splitSentences(paragraph(article, 0)).map(plainText))).toBe(true);
  });

  it('uses the heading text as the slide id', () => {
    expect(article.sections[0]!.id).toBe('インストール');
  });
});

describe('Arabic (ar.md)', () => {
  const { article, deck, html } = load('ar.md');

  it('ends a sentence at ؟', () => {
    expect(splitSentences(paragraph(article, 0)).map(plainText)).toEqual([
      'هل تحتاج إلى متصفح؟',
      'نعم، تحتاج إلى متصفح حديث لتصدير الملفات.',
      'قم بتشغيل الأمر التالي في الطرفية:',
    ]);
  });

  it('writes dir="rtl" on the deck page; code keeps its own direction (client/styles/rtl.css)', () => {
    expect(deck.meta.lang).toBe('ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('npm install lectern');
  });

  it('gives headings Arabic ids', () => {
    expect(article.sections.map((s) => s.id)).toEqual(['التثبيت', 'الإعداد']);
  });
});
