/**
 * The reading view's style sheet, inline in the page (it loads nothing): a column of text in the
 * system fonts, each slide's content in a framed box above its notes, code on a pale panel with the
 * light theme's token colours (each ≥ 4.5:1 on it), and a print layout (A4 or letter, no navigation,
 * slide boxes kept whole).
 */
export const READING_CSS = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#57606a;--link:#1d4ed8;--rule:#d0d7de;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--fg);font:18px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.rv-skip{position:absolute;left:-9999px}
.rv-skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:1}
header,main{max-width:46rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:2rem;padding-bottom:1rem;border-bottom:1px solid var(--rule)}
header nav{display:flex;gap:1.25rem;font-size:.95rem;margin-bottom:1.5rem}
h1{font-size:2.1rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.5rem;line-height:1.25;margin:0}
h3{font-size:1.25rem;line-height:1.3;margin:0}
.rv-about,.rv-meta{color:var(--muted);font-size:.9rem}
.rv-about{margin:.75rem 0 0}
.rv-slide{padding:2rem 0 1rem;border-bottom:1px solid var(--rule)}
.rv-kicker{display:block;font-size:.85rem;font-weight:600;color:var(--muted)}
.rv-meta{margin:.25rem 0 .75rem}
.rv-backup .rv-meta{font-weight:600}
.rv-screen{border:1px solid var(--rule);border-radius:8px;padding:.75rem 1.25rem;margin:0 0 1rem;font-size:1.05rem}
.rv-screen:empty{display:none}
.rv-screen ul,.rv-screen ol,.rv-notes ul,.rv-notes ol{padding-left:1.4em}
.rv-notes>:first-child{margin-top:0}
.rv-source{font-size:.9rem;overflow-wrap:anywhere}
.lectern-statement{font-size:1.4rem;font-weight:700}
.lectern-subtitle,.lectern-description{font-size:1.15rem}
.lectern-kicker{display:none}
.lectern-caption{font-style:italic;margin:0 0 .35rem}
.lectern-code-title{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem;color:var(--muted)}
figure{margin:1rem 0}
img{max-width:100%;height:auto}
.lectern-qr svg{width:8rem;height:8rem}
pre{background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:.75rem 1rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;line-height:1.5}
code{font-family:ui-monospace,SFMono-Regular,Menlo,"JetBrains Mono",monospace;font-size:.9em}
:not(pre)>code{background:var(--panel);border-radius:3px;padding:0 .2em}
table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
th,td{border:1px solid var(--rule);padding:.3rem .6rem;text-align:left}
th{background:var(--panel)}
blockquote,.lectern-callout{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid #93c5fd;background:var(--panel)}
.lectern-callout-title{font-weight:700}
.lectern-row{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.lectern-nav{display:flex;flex-wrap:wrap;gap:1rem}
.hljs-comment,.hljs-quote{color:#57606a;font-style:italic}
.hljs-keyword,.hljs-selector-tag,.hljs-template-tag{color:#cf222e}
.hljs-string,.hljs-template-variable,.hljs-code{color:#0a3069}
.hljs-regexp,.hljs-link,.hljs-tag,.hljs-name,.hljs-addition{color:#116329}
.hljs-title,.hljs-title.function_{color:#8250df}
.hljs-title.class_,.hljs-type,.hljs-built_in,.hljs-variable,.hljs-property{color:#953800}
.hljs-number,.hljs-literal,.hljs-symbol,.hljs-attr,.hljs-attribute,.hljs-meta,.hljs-section{color:#0550ae}
.hljs-deletion{color:#82071e}
@media print{
  body{font-size:11pt}
  header nav,.rv-skip{display:none}
  header,main{max-width:none;padding:0}
  .rv-slide{padding:1rem 0 .5rem}
  .rv-screen,pre,table,figure{break-inside:avoid}
  h2,h3,.rv-meta{break-after:avoid}
  a{color:inherit}
}
`;
