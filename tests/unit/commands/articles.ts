/** Small articles for the orchestrator tests: two good ones, and one of each way a build can fail. */

/** A good article with a description, an image, five points and a code block. */
export const ALPHA = `---
title: Alpha Talk
description: The first talk
---

# Alpha Talk

An introduction to the first talk.

## Pictures

![A diagram](img/diagram.png)

## Points

- one point
- two points
- three points
- four points
- five points

## Code

Some code follows here.

\`\`\`python
print("alpha")
\`\`\`
`;

/** A good article without an image. */
export const BETA = `---
title: Beta Talk
---

# Beta Talk

The second talk opens here.

## Only section

A short paragraph of the second talk.
`;

/** A code fence that is never closed (line 9): an error diagnostic. */
export const UNCLOSED = `---
title: Unclosed
---

# Unclosed

The code block below is never closed.

\`\`\`python
print("never closed")

## Not a heading
`;

/** Code in a language Lectern does not know (line 9): a warning, fatal with --strict. */
export const UNKNOWN_LANGUAGE = `---
title: Klingon
---

# Klingon

The fence below names an unknown language.

\`\`\`klingon
Qapla' batlh Daqawlu'taH
\`\`\`
`;

/** A theme the runtime does not have: compiling it throws `theme-unknown`. */
export const UNKNOWN_THEME = `---
title: Neon
theme: neon
---

# Neon

A talk in a theme that does not exist.
`;
