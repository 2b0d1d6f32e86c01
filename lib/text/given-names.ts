/**
 * Given names, for telling a namesake ("Igor Putin", "Ирина Колесникова") from the entity a
 * surname-only label stands for. The built-in list (data/given-names.json, 47–84 common names
 * per language) is joined by the first names of the gazetteer's people at run time.
 *
 * Two spellings of one name ("Aliaksandr", "Alexander", "Олександр") share a consonant
 * skeleton: the folded name in Latin letters, digraphs merged (sh sz sch → s, kh ch → h,
 * x → ks, w → v, dz → d), h and g merged (Ihar/Igor, Siarhei/Sergei), vowels and doubled
 * letters dropped. The skeleton is a comparison key only; it never names anything.
 */
import data from "../../data/given-names.json";
import { fold } from "./fold";

/**
 * Folded built-in given names of every language. The file is ours and bundled at build time
 * (the content script carries it, so no schema library is pulled in for it); its shape is
 * checked by tests/unit/text/given-names.test.ts.
 */
export const BUILT_IN_GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.values(data.names as Record<string, readonly string[]>)
    .flat()
    .map((n) => fold(n)),
);

/** How many letters an inflected given name may add to its nominative stem (Ирины, Igora, Jana). */
const MAX_CASE_ENDING = 2;
const MIN_STEM = 3;
const FINAL_VOWEL = /[aeiouyаеиоуыэюяіьй]$/;

/** A set of folded given names that also accepts their case forms. */
export class GivenNames {
  private readonly names = new Set<string>();
  private readonly stems = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const n of names) this.add(n);
  }

  add(name: string): void {
    const f = fold(name);
    if (f.length < 2) return;
    this.names.add(f);
    if (FINAL_VOWEL.test(f) && f.length - 1 >= MIN_STEM) this.stems.add(f.slice(0, -1));
  }

  /** True when the word is a listed name or one of its case forms. */
  has(word: string): boolean {
    const f = fold(word);
    if (this.names.has(f)) return true;
    for (let k = 1; k <= MAX_CASE_ENDING && f.length - k >= MIN_STEM; k++) {
      const head = f.slice(0, f.length - k);
      if (this.names.has(head) || this.stems.has(head)) return true;
    }
    return false;
  }
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "e", ж: "z", з: "z", и: "i", і: "i",
  ї: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "h", ц: "c", ч: "c", ш: "s", щ: "s", ъ: "", ы: "i", ь: "", э: "e", ю: "u", я: "a", "'": "",
};

const DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/sch/g, "s"], [/s[hz]/g, "s"], [/cz/g, "c"], [/[ck]h/g, "h"], [/zh/g, "z"], [/t[sz]/g, "c"],
  [/dz/g, "d"], [/x/g, "ks"], [/w/g, "v"], [/ph/g, "f"], [/th/g, "t"], [/h/g, "g"], [/q/g, "k"],
];

/** The consonant skeleton of a given name (see the module comment). */
export function nameSkeleton(name: string): string {
  let s = "";
  for (const ch of fold(name)) s += CYRILLIC_TO_LATIN[ch] ?? ch;
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  // Belarusian writes в as у before a consonant at the start (Уладзімір, Uladzimir).
  s = s.replace(/^u(?=[^aeiouyj])/, "v");
  return s.replace(/[aeiouyj'\W\d_]/g, "").replace(/(.)\1+/g, "$1");
}

/** Whether two given names are spellings or case forms of one name (Aliaksandr, Олександра). */
export function sameGivenName(a: string, b: string): boolean {
  const x = nameSkeleton(a);
  const y = nameSkeleton(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  return x.length >= 3 && y.length >= 3 && (x.startsWith(y) || y.startsWith(x));
}
