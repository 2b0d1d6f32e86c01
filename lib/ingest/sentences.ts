/**
 * Sentence splitting for summaries. A sentence ends at . ! ? or … (optionally followed by
 * a closing quote or bracket) before whitespace and an upper-case letter, digit or opening
 * quote. Initials ("A. Lukashenko") and common abbreviations do not end a sentence.
 */

const END = /([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(\[]?[\p{Lu}\p{N}])/gu;
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "lt", "sgt", "jr", "sr", "vs", "no", "nos",
  "co", "inc", "ltd", "corp", "dept", "est", "approx", "e.g", "i.e", "etc", "u.s", "u.k", "u.n",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "г", "гг", "т.е", "т.д", "т.п", "им", "ул", "д", "см", "стр", "тыс", "млн", "млрд", "руб",
]);

function endsWithAbbreviation(textBefore: string): boolean {
  const word = /(\S+)\.$/.exec(textBefore)?.[1];
  if (word === undefined) return false;
  const bare = word.replace(/^["'“‘«(\[]+/, "").toLowerCase();
  // A single letter before the dot is an initial.
  if (/^\p{L}$/u.test(bare)) return true;
  return ABBREVIATIONS.has(bare);
}

/** Splits one paragraph into trimmed sentences. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(END)) {
    const endOfSentence = match.index + (match[1]?.length ?? 0);
    const candidate = paragraph.slice(start, endOfSentence);
    if (match[1] === "." && endsWithAbbreviation(candidate)) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}
