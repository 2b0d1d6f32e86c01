/**
 * Word tokens with folded text and offsets into the original string. The gazetteer compiler
 * and the context rules use this; the scanner in lib/spot/match.ts inlines the same rules for
 * speed, and the tests hold the two to the same answers.
 *
 * A word is a run of word characters (letters, digits) and ignorable characters. An apostrophe
 * between two word characters belongs to the word (Мар'іна, Lukashenka's) — except after a
 * one- or two-letter elided Latin prefix (d'Aliaksandr, l'Ukraine, qu'Ambrazevitch), where it
 * splits. Cyrillic has no elision: Ukrainian and Belarusian write an apostrophe inside the word
 * after a one-letter start as well (В'ячорка, П'ятро), so there it always belongs to the word.
 */
import { CharClass as CharClasses, charClass as classOfImported, foldTables as tables } from "./fold";

// Module-level copies of imported bindings (see lib/spot/context.ts for why).
const charClass = classOfImported;
const foldTables = tables;
const CharClass = { Word: CharClasses.Word, Ignorable: CharClasses.Ignorable, Apostrophe: CharClasses.Apostrophe } as const;

export interface WordToken {
  /** UTF-16 offsets into the input: input.slice(start, end) is the surface word. */
  start: number;
  end: number;
  /** Folded form (the match key). */
  folded: string;
}

/** The longest prefix (in folded units) that an apostrophe splits off as an elision. */
export const ELISION_MAX = 2;

/** Folded units from here on are not Latin (Cyrillic starts at U+0400): no elision after them. */
const NON_LATIN_FROM = 0x0400;

/**
 * Whether an apostrophe after a word start of `len` folded units, the last of them
 * `lastUnit`, splits off an elided prefix (d'…, l'…) — the scanner applies the same test.
 */
export function isElision(len: number, lastUnit: number): boolean {
  return len <= ELISION_MAX && lastUnit < NON_LATIN_FROM;
}

export function wordTokens(input: string): WordToken[] {
  const { fold1, fold2 } = foldTables;
  const out: WordToken[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    if (charClass(input.charCodeAt(i)) !== CharClass.Word) {
      i++;
      continue;
    }
    const start = i;
    let folded = "";
    while (i < n) {
      const c = input.charCodeAt(i);
      const cls = charClass(c);
      if (cls === CharClass.Word || cls === CharClass.Ignorable) {
        const f1 = fold1[c]!;
        if (f1 !== 0) folded += String.fromCharCode(f1);
        const f2 = fold2[c]!;
        if (f2 !== 0) folded += String.fromCharCode(f2);
        i++;
        continue;
      }
      if (cls === CharClass.Apostrophe && i + 1 < n && charClass(input.charCodeAt(i + 1)) === CharClass.Word) {
        if (isElision(folded.length, folded.charCodeAt(folded.length - 1))) break; // d'…: the apostrophe ends the prefix word
        folded += "'";
        i++;
        continue;
      }
      break;
    }
    // Ignorables right after the word (a combining mark belongs to its letter) stay in its span.
    out.push({ start, end: i, folded });
  }
  return out;
}

/** Two independent 32-bit FNV-1a style hashes over folded code units (a ~64-bit key). */
export const HASH_SEED_1 = 0x811c9dc5 | 0;
export const HASH_SEED_2 = 0x3c6ef372 | 0;
export const HASH_MUL_1 = 0x01000193;
export const HASH_MUL_2 = 0x5bd1e995;

export function hashFolded(folded: string): [number, number] {
  let h1 = HASH_SEED_1;
  let h2 = HASH_SEED_2;
  for (let i = 0; i < folded.length; i++) {
    const f = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ f, HASH_MUL_1);
    h2 = Math.imul(h2 ^ f, HASH_MUL_2);
  }
  return [h1, h2];
}
