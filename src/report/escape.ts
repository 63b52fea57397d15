// Values from the input (a YAML string, a CSV cell, a zip entry's name) quoted in an output are
// escaped for that output, once, where the output is written: on a terminal or in a CI log no
// control character acts (an ESC sequence, a BEL, a line break that would start a line of its own —
// under GitHub Actions a line beginning `::error` is a workflow command); in Markdown no HTML and no
// link is made of them.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: matching them is the point
// oxlint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** A value as one printable line: each control character written as an escape (\n, \e, \u0007). */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for Markdown: printable, with HTML and Markdown's own syntax made literal. */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1');
}
