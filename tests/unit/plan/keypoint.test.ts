/**
 * Key points chosen, not just first (issue 9, item 4): each feature on real sentences of the shared
 * articles (quoted here, with the article they come from), then whole paragraphs → chosen sentence.
 */
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/model.js';
import { chooseKeyPoint, classifyPoint, isAsideParagraph, judgeSentences, keyPoint, MAX_CANDIDATES } from '../../../src/plan/keypoint.js';
import { continuesPrevious, isAside, isEmphasised, isFragment, isLeadIn, isMetaSentence, refersBack, topicOverlap, topicWords } from '../../../src/plan/sentence-features.js';
import { splitSentences } from '../../../src/plan/sentences.js';
import { plainText } from '../../../src/text.js';

const t = (text: string): Inline => ({ type: 'text', text });
const em = (text: string): Inline => ({ type: 'em', children: [t(text)] });
const strong = (text: string): Inline => ({ type: 'strong', children: [t(text)] });
const code = (text: string): Inline => ({ type: 'code', text });
/** The chosen sentence of a paragraph, as plain text. */
const chosen = (inlines: Inline[], topic?: string, afterShown = false): string => {
  const sentences = splitSentences(inlines);
  return plainText(sentences[chooseKeyPoint(sentences, { ...(topic === undefined ? {} : { topic }), afterShown })]!);
};

describe('meta sentences', () => {
  it.each([
    'In this post, we will guide you through the steps for upgrading to React 19:', // react-19-upgrade-guide
    'Here are some typical data races.', // go race detector
    "Here's what is happening:", // jekyll convert-site
    'The options are:', // go race detector
    "Let's look at the explicit drops first.", // rust MIR
    "To see what I mean, let's start by simplifying a fragment of Rust code.", // rust MIR
    "By the way, let's pause here to look at the for loop logic a little more closely.", // jekyll
    "In this tutorial, we'll assume you've got a simple list of pages you want to generate.", // jekyll
    'The following sections will take you through a step-by-step tutorial to do so.', // jekyll
    "In the previous section, I presented a gradual \"deconstruction\" of a Rust program into something resembling MIR, but we stayed in textual form.", // rust MIR
    'Next, we look at how MIR will help with implementing non-zeroing drops, a long-desired optimization.', // rust MIR
    'See the The Go Memory Model for details.', // go race detector
    'For a list of all available codemods, see the react-codemod repo.', // react
    'If after this post you find you are hungry for more, have a look at the RFC that introduced MIR, or jump right into the code.', // rust MIR
    'If you have more sophisticated requirements around navigation, such as when building a documentation site, see the detailed tutorial on navigation.', // jekyll: a pointer after two clauses
    'You can read more about how Jekyll processes the files in order of Interpretation.', // jekyll
    'Welcome to the Eventlet Migration Guide!', // eventlet site
    'Thanks to Andrew Clark, Eli White, Jack Pope, and Sebastian Silbermann for reviewing and editing this post.', // react
  ])('%s', (sentence) => {
    expect(isMetaSentence(sentence)).toBe(true);
  });

  it.each([
    'Data races are among the most common and hardest to debug types of bugs in concurrent systems.', // go
    'This page would then use the homepage.html template in the _layouts folder.', // jekyll: "this page" is the reader's page
    "It's common to show a list of posts on the homepage.", // jekyll
    'A typical fix for this race is to use a channel or a mutex.', // go
    'Although websites can have sophisticated features and controls, we\'ll keep things simple in this tutorial.', // framing at the end only
    'Now run jekyll serve and toggle between your index.html and about.html pages.', // jekyll: an instruction
  ])('not meta: %s', (sentence) => {
    expect(isMetaSentence(sentence)).toBe(false);
  });

  it('lead-ins end in a colon (also a full-width one)', () => {
    expect(isLeadIn('The format is:')).toBe(true);
    expect(isLeadIn('配置如下：')).toBe(true);
    expect(isLeadIn('Rust itself offers three kinds of loops: for loops, like this one.')).toBe(false);
  });
});

describe('fragments', () => {
  it('a sentence under five words is a fragment unless it is the whole paragraph', () => {
    // eventlet.md: "Python advocate for explicit." opens a paragraph of four sentences.
    expect(isFragment(4, 40)).toBe(true);
    expect(isFragment(4, 4)).toBe(false);
    expect(isFragment(6, 40)).toBe(false);
  });
  it('a bold sentence is the author\'s point, however short ("MIR construction is type-driven.")', () => {
    const sentences = splitSentences([strong('MIR construction is type-driven.'), t(' We saw that all method calls like '), code('iterator.next()'), t(' can be desugared into fully qualified function calls.')]);
    const [first] = judgeSentences(sentences);
    expect(first!.flaws).toEqual([]);
    expect(first!.emphasised).toBe(true);
    expect(chooseKeyPoint(sentences)).toBe(0);
  });
});

describe('asides', () => {
  it('wholly italic or wholly parenthesised', () => {
    // react-19-upgrade-guide: an italic paragraph before the point of four sections.
    expect(isAside([em('This change is included in the '), t('')])).toBe(true);
    expect(isAside([em('This change is included in the react-19 codemod preset as refobject-defaults'), t('.')])).toBe(true);
    expect(isAside([t('(This program typically prints 55555, not 01234.)')])).toBe(true); // go race detector
    expect(isAside([t('(I won\'t reproduce the output here, as it is fairly lengthy.)')])).toBe(true); // rust MIR
  });
  it('a parenthesis inside the sentence, or one that closes early, is no aside', () => {
    expect(isAside([t('To start, run your tests using the race detector (go test -race).')])).toBe(false);
    expect(isAside([t('(Syntax such as src="//) requires a prefix such as src="http:// to work.')])).toBe(false);
    expect(isAside([t('Like goto, these are things that we would not want in the base language, '), em('variant downcasts'), t('.')])).toBe(false);
  });
  it('a paragraph of asides only', () => {
    expect(isAsideParagraph([em('This change is included in the react-element-default-any-props codemod.')])).toBe(true);
    expect(isAsideParagraph([t('The props of React elements now default to unknown. '), em('(See below.)')])).toBe(false);
  });
});

describe('leaning on context', () => {
  it.each([
    'This pattern was rarely used and supporting it causes React to be slightly larger and slower than necessary.', // react
    'It depends on whether we entered the if or not.', // rust MIR
    'These green threads explicitly yield control through monkey patching of standard libraries.', // eventlet
    'All of them can be detected with the race detector.', // go
    "Here we see that, when the loop exits normally, we will drop the iterator once it has finished.", // rust MIR
  ])('points back: %s', (sentence) => {
    expect(refersBack(sentence)).toBe(true);
  });
  it.each([
    "However, it can be changed by adding a quoted string containing valid Markdown after the type qualifier:", // mkdocs
    'For example, suppose you\'re cloning your company site to create a documentation site with the same branding.', // jekyll
    'Of course, you couldn\'t write code like this in Rust.', // rust MIR
    'Collaboration is also affected, as developers must document and explain the side effects of monkey patching.', // eventlet risks
  ])('continues the sentence before: %s', (sentence) => {
    expect(continuesPrevious(sentence)).toBe(true);
  });
  it.each([
    "It's common to show a list of posts on the homepage.", // jekyll: the dummy "it"
    'It is therefore strongly recommended that companies avoid using obsolete technologies like Eventlet.', // eventlet risks
    'There are no additional build flags for the race detector.',
    'That is, we are introducing a new intermediate representation (IR) of your program that we call MIR.', // rust MIR: "that is" = i.e.
    'Admonitions, also known as call-outs, are an excellent choice for including side content.', // mkdocs
    'Theming is easy.',
  ])('self-contained: %s', (sentence) => {
    expect(refersBack(sentence) || continuesPrevious(sentence)).toBe(false);
  });
});

describe('topic words', () => {
  it('matches heading words by a crude stem, ignoring small words', () => {
    const topic = topicWords('How layouts work');
    expect(topicOverlap("You don't need multiple layouts.", topic)).toBe(1);
    expect(topicOverlap('Implicit async transformations became explicit bug fixes.', topicWords('Magic Asynchronicity'))).toBe(1);
    expect(topicOverlap('How it is done', topic)).toBe(0);
  });
  it('works in scripts without spaces (dictionary words)', () => {
    expect(topicOverlap('我们使用软件包管理器安装依赖。', topicWords('安装'))).toBe(1);
  });
});

describe('choosing the key point of a paragraph', () => {
  it('keeps a good lead sentence (most paragraphs)', () => {
    // go race detector, Introduction
    expect(chosen([t('Data races are among the most common and hardest to debug types of bugs in concurrent systems. A data race occurs when two goroutines access the same variable concurrently and at least one of the accesses is a write. See the The Go Memory Model for details.')], 'Introduction')).toBe(
      'Data races are among the most common and hardest to debug types of bugs in concurrent systems.',
    );
    // jekyll, "10. RSS feed": a short lead that names the topic stays
    expect(chosen([t("Your Jekyll site needs an RSS feed. Here's the basic RSS feed syntax. To create an RSS file in Jekyll, create a file called feed.xml in your root directory and add the following:")], '10. RSS feed')).toBe(
      'Your Jekyll site needs an RSS feed.',
    );
  });

  it('passes over a fragment (eventlet.md, Magic Asynchronicity)', () => {
    const p = [t('Python advocate for explicit. Eventlet on the other hand, by using monkey patching, introduce lot of implicit behaviours. Unfortunatelly, with time, all these implicit tricks finish by lot of incidence on existing code, that should not have been impacted. Implicit async transformations became explicit bug fixes here and there.')];
    expect(chosen(p, 'Magic Asynchronicity')).not.toBe('Python advocate for explicit.');
    expect(chosen(p, '')).toBe('Eventlet on the other hand, by using monkey patching, introduce lot of implicit behaviours.');
  });

  it('passes over a short teaser for the sentence on the topic (eventlet.md)', () => {
    const p = [t('Eventlet was created with good intentions. The main promise of Eventlet was to allow people to transform existing synchronous code in an asynchronous code without even rewriting one line of that existing code. Making asynchronous implicit. The magic behind this behavior is due to monkey patching.')];
    expect(chosen(p, 'Magic Asynchronicity')).toMatch(/^The main promise of Eventlet/);
  });

  it('passes over meta sentences (go race detector, jekyll)', () => {
    expect(chosen([t('Here are some typical data races. All of them can be detected with the race detector.')], 'Typical Data Races')).toBe('All of them can be detected with the race detector.');
    expect(chosen([t("By the way, let's pause here to look at the "), code('for'), t(' loop logic a little more closely. For loops in Liquid are one of the most commonly used Liquid tags.')], 'For loops')).toBe(
      'For loops in Liquid are one of the most commonly used Liquid tags.',
    );
    expect(chosen([t("Let's suppose your "), code('default.html'), t(' file is massive and hard to work with. You can break up your layout by putting some of the HTML code in include files.')], '9. Simplify your site with includes')).toBe(
      'You can break up your layout by putting some of the HTML code in include files.',
    );
  });

  it('passes over a lead that leans on the sentence before (rust MIR)', () => {
    expect(chosen([t("But we'd like to do better than that. What we would like to do is to use boolean flags on the stack that tell us what needs to be freed. So that might look something like this:")], 'Drops and stack flags')).toBe(
      'What we would like to do is to use boolean flags on the stack that tell us what needs to be freed.',
    );
  });

  it('keeps a lead that points back to the code or figure just shown', () => {
    const p = [t('Here we have introduced '), code('panic'), t(' edges onto each of the function calls. By looking at these edges, you can see that if the call to next should panic, then we will drop the variable iterator.')];
    expect(chosen(p, 'Explicit drops and panics', true)).toBe('Here we have introduced panic edges onto each of the function calls.');
    expect(chosen(p, 'Explicit drops and panics', false)).not.toBe('Here we have introduced panic edges onto each of the function calls.');
  });

  it('prefers the sentence the author put in bold', () => {
    expect(chosen([t('Some context comes first here. '), strong('The key claim is this one, in bold.'), t(' More detail follows it.')])).toBe('The key claim is this one, in bold.');
  });

  it('keeps the lead when every sentence has a flaw, and ties go to the earliest', () => {
    expect(chosen([t('Here are some examples. See below.')])).toBe('Here are some examples.');
    expect(chosen([t('One two three four five six seven eight. One two three four five six seven nine.')])).toBe('One two three four five six seven eight.');
  });

  it('is deterministic and leaves a one-sentence paragraph alone', () => {
    const p = [t('Eventlet was created with good intentions.')];
    expect(keyPoint(p, 'Magic')).toEqual(p);
    expect(chooseKeyPoint([])).toBe(0);
  });

  it('keeps the formatting of the chosen sentence', () => {
    const p: Inline[] = [t('Python advocate for explicit. Eventlet on the other hand, by using '), strong('monkey patching'), t(', introduce lot of implicit behaviours.')];
    expect(keyPoint(p)).toEqual([t('Eventlet on the other hand, by using '), strong('monkey patching'), t(', introduce lot of implicit behaviours.')]);
  });
});

describe('classifyPoint (for lectern check)', () => {
  it('reports the flaws of a shown point', () => {
    expect(classifyPoint([t('Here are some typical data races.')])).toEqual(['meta']);
    expect(classifyPoint([t('The options are:')])).toEqual(['lead-in', 'fragment']);
    expect(classifyPoint([t('Python advocate for explicit.')])).toEqual(['fragment']);
    expect(classifyPoint([em('This change is included in the react-19 codemod preset.')])).toEqual(['aside', 'leaning']);
    expect(classifyPoint([t('A typical fix for this race is to use a channel or a mutex.')])).toEqual([]);
  });
  it('a short point that is its whole paragraph is no fragment', () => {
    const p = [t('Keep going.')];
    expect(classifyPoint(p, p)).toEqual([]);
    expect(classifyPoint(p)).toEqual(['fragment']);
  });
});

describe('bounds', () => {
  it('judges only the opening sentences of a long paragraph, and splits no further', () => {
    const long: Inline[] = [t(`${'Filler sentence number here. '.repeat(30)}`), strong('A bold point far into the paragraph.')];
    expect(splitSentences(long, MAX_CANDIDATES)).toHaveLength(MAX_CANDIDATES);
    expect(plainText(keyPoint(long) as Inline[])).toBe('Filler sentence number here.');
  });
});
