/**
 * Matching-only normalisation: case fold, diacritics stripped, apostrophes/dashes/spaces
 * unified, invisible characters removed. One table serves the gazetteer compiler and the page
 * scanner so both sides fold identically; the folded form is never shown to a user.
 *
 * Folding is per UTF-16 code unit through a lazily filled table (65,536 entries), so the hot
 * loop does one array read per character and never allocates. A code unit folds to zero, one
 * or two code units (ß → ss, ﬁ → fi).
 *
 * Decisions (docs/names.md, "Normalisation"):
 * - NFKD then drop combining marks: é→e, ś→s, č→c, ą→a, ё→е, й→и, ї→і, ў→у. ў folds to у
 *   on purpose: passports and the press write it as "u" (Tsikhanouskaya), so "Ціханоўская"
 *   and a page that types "Цихановская"/"Ціхановская" meet on the same key.
 * - Letters NFKD leaves alone but the press swaps freely: ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe, ı→i.
 * - Cyrillic і stays і (not и): it separates Belarusian/Ukrainian words from Russian ones.
 * - Apostrophes (’ ʼ ' ‘ ` ´ ʹ ′) become ' — inside a word they belong to it (Мар'іна); at a
 *   word's edge they are punctuation. Dashes become "-", odd spaces " ".
 * - Soft hyphen, zero-width characters, bidi controls and combining marks are removed
 *   without ending the word they sit in.
 */

/** Character classes of the scanner. */
export const CharClass = {
  /** Not yet computed (internal). */
  Unknown: 0,
  /** Ends a word: spaces, punctuation, symbols, surrogates (emoji). */
  Separator: 1,
  /** Letter or digit of any script. */
  Word: 2,
  /** Removed without ending the word: combining marks, soft hyphen, zero-width, bidi controls. */
  Ignorable: 3,
  /** Apostrophe: part of the word only between two word characters. */
  Apostrophe: 4,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

const SIZE = 0x10000;
const CLASS = new Uint8Array(SIZE);
/** First folded code unit (0 when the character folds to nothing). */
const FOLD1 = new Uint16Array(SIZE);
/** Second folded code unit, 0 when the fold is a single unit. */
const FOLD2 = new Uint16Array(SIZE);

const SPECIAL: Record<string, string> = {
  "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
  "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
};
const APOSTROPHES = "'’ʼ‘`´ʹ′ʻ";
const WORD_RE = /[\p{L}\p{N}]/u;
const IGNORABLE_RE = /[\p{M}\p{Cf}]/u;
const SPACE_RE = /\s/u;
const DASH_RE = /\p{Pd}|\u2212/u;
const MARKS_RE = /\p{M}/gu;

function computeClass(c: number): number {
  let cls: number;
  let folded: string;
  if (c >= 0xd800 && c <= 0xdfff) {
    cls = CharClass.Separator;
    folded = String.fromCharCode(c);
  } else {
    const ch = String.fromCharCode(c);
    if (APOSTROPHES.includes(ch)) {
      cls = CharClass.Apostrophe;
      folded = "'";
    } else if (IGNORABLE_RE.test(ch)) {
      cls = CharClass.Ignorable;
      folded = "";
    } else if (WORD_RE.test(ch)) {
      cls = CharClass.Word;
      const special = SPECIAL[ch];
      if (special !== undefined) folded = special;
      else {
        const decomposed = ch.normalize("NFKD").replace(MARKS_RE, "").toLowerCase();
        // Compatibility forms that explode (Hangul syllables, ligature words) keep their own letter.
        folded = decomposed.length >= 1 && decomposed.length <= 2 ? decomposed : ch.toLowerCase();
        if (folded.length > 2 || folded.length === 0) folded = ch;
      }
    } else if (SPACE_RE.test(ch)) {
      cls = CharClass.Separator;
      folded = " ";
    } else if (DASH_RE.test(ch)) {
      cls = CharClass.Separator;
      folded = "-";
    } else {
      cls = CharClass.Separator;
      folded = ch;
    }
  }
  CLASS[c] = cls;
  FOLD1[c] = folded.length > 0 ? folded.charCodeAt(0) : 0;
  FOLD2[c] = folded.length > 1 ? folded.charCodeAt(1) : 0;
  return cls;
}

/** Class of a UTF-16 code unit (fills the table on first sight). */
export function charClass(c: number): CharClass {
  const cls = CLASS[c]!;
  return (cls === 0 ? computeClass(c) : cls) as CharClass;
}

/**
 * The raw tables for the scanner's hot loop: read `classes[c]`, and when it is 0 call
 * `charClass(c)` once; afterwards `fold1[c]`/`fold2[c]` hold the folded code units.
 */
export const foldTables = { classes: CLASS, fold1: FOLD1, fold2: FOLD2 } as const;

export interface FoldedText {
  /** The folded string. */
  text: string;
  /**
   * offsets[i] is the UTF-16 index in the input of the character that produced folded
   * character i; offsets[text.length] === input.length. So a folded range [a, b) is the
   * input range [offsets[a], offsets[b]) — the exact surface string, combining marks and
   * all, when b ends on a character boundary.
   */
  offsets: Int32Array;
}

/** Folds a whole string and keeps the map back to the input. */
export function foldText(input: string): FoldedText {
  const out: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    charClass(c);
    const f1 = FOLD1[c]!;
    if (f1 === 0) continue;
    out.push(f1);
    offsets.push(i);
    const f2 = FOLD2[c]!;
    if (f2 !== 0) {
      out.push(f2);
      offsets.push(i);
    }
  }
  offsets.push(input.length);
  let text = "";
  for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode(...out.slice(i, i + 8192));
  return { text, offsets: Int32Array.from(offsets) };
}

/**
 * Folds a string for comparison only: the same units as foldText, without the offset map
 * (short strings, called for every given name and cue word when a page loads).
 */
export function fold(input: string): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    charClass(c);
    const f1 = FOLD1[c]!;
    if (f1 === 0) continue;
    const f2 = FOLD2[c]!;
    out += f2 === 0 ? String.fromCharCode(f1) : String.fromCharCode(f1, f2);
  }
  return out;
}

/** True when a code unit is an upper-case letter (the case rules look at surface text). */
export function isUpperCaseUnit(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** isUpperCaseUnit by code unit, cached: 0 not yet known, 1 upper, 2 not upper. */
const UPPER = new Uint8Array(0x10000);

export function isUpperCaseCode(c: number): boolean {
  let u = UPPER[c]!;
  if (u === 0) {
    u = isUpperCaseUnit(String.fromCharCode(c)) ? 1 : 2;
    UPPER[c] = u;
  }
  return u === 1;
}
