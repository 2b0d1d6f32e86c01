/**
 * Whitespace clean-up for ingested text. Only spacing changes: curly quotes, dashes,
 * Cyrillic and every other visible character are kept exactly as the source printed them.
 */

/** NBSP, the Unicode space family, tabs and other odd blanks: each becomes a plain space. */
const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
/** Zero-width characters carry no text; scraped pages scatter them between words. */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;

/** One line of text: odd spaces become spaces, runs of spaces collapse to one, ends trimmed. */
export function normaliseLine(line: string): string {
  return line.replace(ZERO_WIDTH, "").replace(ODD_SPACES, " ").replace(/ {2,}/g, " ").trim();
}

/** Text that may span lines (e.g. an element's textContent) folded into one normalised line. */
export function foldToLine(text: string): string {
  return normaliseLine(text.replace(/[\r\n]+/g, " "));
}
