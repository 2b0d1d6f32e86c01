/**
 * Latin spellings of Cyrillic labels, generated when the gazetteer is compiled.
 *
 * One variant per romanisation system (never a per-letter product), so a label yields at most
 * SYSTEMS.length variants before de-duplication. Variants are match keys only: they are
 * folded (diacritics dropped) before use and never displayed, so systems that differ only in
 * diacritics (national 2007, Łacinka, ISO 9) collapse into one key.
 *
 * Tables (docs/names.md, "Romanisation systems in real use"):
 * - bgn:      BGN/PCGN Russian (1947) and Belarusian (1979): г→g (ru) / h (be), х kh, ц ts,
 *             ы y, й y, ў w; Belarusian е→ye everywhere (Vitsyebsk), Russian е→ye only
 *             initially/after vowels; -ий → -iy.
 * - passport: ICAO Doc 9303 for Russian (й i, ю iu, я ia, -ий -ii); Belarusian MVD
 *             instruction No. 288 (2008): г h, ь dropped, ў u (Aliaksandr, Sviatlana).
 * - press:    English-language press (Wikipedia conventions): ya/yu/yo after vowels and
 *             initially, ia/iu/io after consonants for Belarusian (Tsikhanouskaya,
 *             Aliaksandr), -ий/-ый → -y (Tikhanovsky).
 * - national: Belarusian national system 2000/2007 (UN 2007; č š ž ŭ c ch, ie/je, ĺ ś ć ń ź).
 * - lacinka:  Łacinka as in Nasha Niva (ł for hard л, je/ie, ŭ) — declined like Belarusian.
 * - iso9:     ISO 9:1995, one letter per letter (č š ž ŝ j ŭ â û ë).
 * - pl:       Polish PWN, Polonised (w for в, cz sz szcz ż, ch, c; -ская → -ska, -ский/-скі → -ski).
 * - de:       German Duden (w, sch, tsch, schtsch, z for ц, ch for х, -ская → -skaja).
 * - fr:       French (ou, ch, tch, chtch, kh, j for ж, ï after vowels: Tikhanovskaïa, Loukachenko).
 * - lt:       Lithuanian press (š č ž, c for ц, ch for х, v, j; Cichanouskaja, Lukašenka).
 * - ukNational: Ukrainian national 2010 (KMU No. 55) for Ukrainian labels: г h, ґ g, и y,
 *             і i, ї yi, є ye, х kh, ц ts, щ shch.
 */
import type { Lang } from "../schema";

export type CyrillicLang = "ru" | "be" | "uk";
export type SystemId =
  | "bgn" | "passport" | "press" | "national" | "lacinka" | "iso9" | "pl" | "de" | "fr" | "lt" | "ukNational";

export interface LatinVariant {
  text: string;
  system: SystemId;
  /** The language whose endings apply to this spelling (Łacinka declines as Belarusian). */
  inflectAs: Lang;
}

const VOWELS = new Set([..."аеёиоуыэюяіїєў"]);
const SOFTENERS = new Set(["ь", "ъ", "'", "’", "ʼ"]);

type Position = "initial" | "afterVowel" | "afterConsonant";
interface SystemSpec {
  id: SystemId;
  inflectAs: Lang;
  from: readonly CyrillicLang[];
  /** Plain letter map for the source language. */
  letter: (ch: string, lang: CyrillicLang) => string;
  /** е ё ю я є ї by position. */
  iotated: (ch: string, pos: Position, lang: CyrillicLang, prev?: string) => string;
  /** Ending rewrites applied to the Cyrillic word before letter mapping (e.g. -ий → -y). */
  endings?: (word: string, lang: CyrillicLang) => { word: string; tail: string };
}

const COMMON: Record<string, string> = {
  а: "a", б: "b", в: "v", д: "d", з: "z", и: "i", і: "i", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", ы: "y", э: "e", ь: "", ъ: "",
  "'": "", "’": "", "ʼ": "", ґ: "g",
};

function mapper(overrides: Record<string, string>, gFor: (lang: CyrillicLang) => string) {
  return (ch: string, lang: CyrillicLang): string => {
    if (ch === "г") return gFor(lang);
    const o = overrides[ch];
    if (o !== undefined) return o;
    const c = COMMON[ch];
    return c === undefined ? ch : c;
  };
}
const hForBe = (lang: CyrillicLang) => (lang === "ru" ? "g" : "h");

function adjEnding(map: { ii: string; yi: string; aya?: string }) {
  return (word: string, lang: CyrillicLang) => {
    if (lang === "ru" && /[иы]й$/.test(word)) {
      return { word: word.slice(0, -2), tail: word.endsWith("ий") ? map.ii : map.yi };
    }
    if (map.aya !== undefined && /ая$/.test(word)) return { word: word.slice(0, -2), tail: map.aya };
    return { word, tail: "" };
  };
}

const SYSTEMS: readonly SystemSpec[] = [
  {
    id: "bgn", inflectAs: "en", from: ["ru", "be"],
    letter: mapper({ ж: "zh", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", й: "y", ў: "w" }, hForBe),
    iotated: (ch, pos, lang) => {
      if (ch === "е") return lang === "be" || pos !== "afterConsonant" ? "ye" : "e";
      return { ё: "yo", ю: "yu", я: "ya" }[ch] ?? ch;
    },
    endings: adjEnding({ ii: "iy", yi: "yy" }),
  },
  {
    id: "passport", inflectAs: "en", from: ["ru", "be"],
    letter: mapper({ ж: "zh", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", й: "i", ў: "u" }, hForBe),
    iotated: (ch, pos) => (ch === "е" ? (pos === "afterConsonant" ? "e" : "e") : { ё: "e", ю: "iu", я: "ia" }[ch] ?? ch),
    endings: adjEnding({ ii: "ii", yi: "yi" }),
  },
  {
    id: "press", inflectAs: "en", from: ["ru", "be"],
    letter: mapper({ ж: "zh", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", й: "y", ў: "u" }, hForBe),
    iotated: (ch, pos, lang) => {
      if (ch === "е") return pos === "afterConsonant" ? "e" : "ye";
      const soft = lang === "be" ? { ё: "io", ю: "iu", я: "ia" } : { ё: "yo", ю: "yu", я: "ya" };
      const hard = { ё: "yo", ю: "yu", я: "ya" };
      return (pos === "afterConsonant" ? soft : hard)[ch as "ё"] ?? ch;
    },
    endings: adjEnding({ ii: "y", yi: "y" }),
  },
  {
    id: "national", inflectAs: "en", from: ["be"],
    letter: mapper({ ж: "ž", х: "ch", ц: "c", ч: "č", ш: "š", щ: "šč", й: "j", ў: "ŭ" }, () => "h"),
    iotated: (ch, pos) => (pos === "afterConsonant" ? { е: "ie", ё: "io", ю: "iu", я: "ia" } : { е: "je", ё: "jo", ю: "ju", я: "ja" })[ch as "е"] ?? ch,
  },
  {
    id: "lacinka", inflectAs: "be", from: ["be"],
    letter: mapper({ ж: "ž", х: "ch", ц: "c", ч: "č", ш: "š", щ: "šč", й: "j", ў: "ŭ", л: "ł" }, () => "h"),
    iotated: (ch, pos) => (pos === "afterConsonant" ? { е: "ie", ё: "io", ю: "iu", я: "ia" } : { е: "je", ё: "jo", ю: "ju", я: "ja" })[ch as "е"] ?? ch,
  },
  {
    id: "iso9", inflectAs: "en", from: ["ru", "be"],
    letter: mapper({ ж: "ž", х: "h", ц: "c", ч: "č", ш: "š", щ: "ŝ", й: "j", ў: "ŭ", і: "ì" }, () => "g"),
    iotated: (ch) => ({ е: "e", ё: "ë", ю: "û", я: "â" })[ch as "е"] ?? ch,
  },
  {
    id: "pl", inflectAs: "pl", from: ["ru", "be"],
    letter: mapper({ в: "w", ж: "ż", х: "ch", ц: "c", ч: "cz", ш: "sz", щ: "szcz", й: "j", ў: "u", л: "ł" }, hForBe),
    iotated: (ch, pos, _lang, prev) =>
      // After hushing consonants and л Polish writes plain e (Łukaszenko, Aleksandr).
      ch === "е" && prev !== undefined && "жцчшщл".includes(prev)
        ? "e"
        : (pos === "afterConsonant" ? { е: "ie", ё: "io", ю: "iu", я: "ia" } : { е: "je", ё: "jo", ю: "ju", я: "ja" })[ch as "е"] ?? ch,
    endings: (word) => {
      if (/[сц]кая$/.test(word)) return { word: word.slice(0, -2), tail: "a" };
      if (/[сц]к(ий|і|ый)$/.test(word)) return { word: word.replace(/(ий|і|ый)$/, ""), tail: "i" };
      return { word, tail: "" };
    },
  },
  {
    id: "de", inflectAs: "de", from: ["ru", "be"],
    letter: mapper({ в: "w", ж: "sch", з: "s", х: "ch", ц: "z", ч: "tsch", ш: "sch", щ: "schtsch", й: "i", ў: "u", с: "s" }, hForBe),
    iotated: (ch, pos) => (ch === "е" ? (pos === "afterConsonant" ? "e" : "je") : { ё: "jo", ю: "ju", я: "ja" }[ch] ?? ch),
    endings: adjEnding({ ii: "i", yi: "y" }),
  },
  {
    id: "fr", inflectAs: "fr", from: ["ru", "be"],
    letter: mapper({ ж: "j", у: "ou", ў: "u", х: "kh", ц: "ts", ч: "tch", ш: "ch", щ: "chtch", й: "ï" }, hForBe),
    iotated: (ch, pos) => {
      if (ch === "е") return pos === "initial" ? "ie" : "e";
      const m = { ё: "io", ю: "iou", я: "ia" }[ch as "ё"] ?? ch;
      return pos === "afterVowel" ? "ï" + m.slice(1) : m;
    },
    endings: adjEnding({ ii: "i", yi: "y" }),
  },
  {
    id: "lt", inflectAs: "lt", from: ["ru", "be"],
    letter: mapper({ ж: "ž", х: "ch", ц: "c", ч: "č", ш: "š", щ: "šč", й: "j", ў: "u" }, hForBe),
    iotated: (ch, pos) => (pos === "afterConsonant" ? { е: "e", ё: "io", ю: "iu", я: "ia" } : { е: "je", ё: "jo", ю: "ju", я: "ja" })[ch as "е"] ?? ch,
    endings: adjEnding({ ii: "is", yi: "is" }),
  },
  {
    id: "ukNational", inflectAs: "en", from: ["uk"],
    letter: mapper({ и: "y", е: "e", ж: "zh", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", й: "i" }, () => "h"),
    iotated: (ch, pos) => {
      const initial = { є: "ye", ї: "yi", ю: "yu", я: "ya", е: "e" };
      const inner = { є: "ie", ї: "i", ю: "iu", я: "ia", е: "e" };
      return (pos === "initial" ? initial : inner)[ch as "є"] ?? ch;
    },
  },
];

const IOTATED = new Set([..."еёюяєї"]);

function transliterateWord(word: string, lang: CyrillicLang, spec: SystemSpec): string {
  const lower = word.toLowerCase();
  const { word: body, tail } = spec.endings ? spec.endings(lower, lang) : { word: lower, tail: "" };
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    let piece: string;
    if (IOTATED.has(ch) && !(lang === "uk" && ch === "е")) {
      const prev = i === 0 ? "" : body[i - 1]!;
      const pos: Position =
        i === 0 ? "initial" : VOWELS.has(prev) || SOFTENERS.has(prev) ? "afterVowel" : "afterConsonant";
      piece = spec.iotated(ch, pos, lang, prev || undefined);
    } else {
      piece = spec.letter(ch, lang);
    }
    out += piece;
  }
  out += tail;
  // Restore the source's capitalisation: Title case, or all caps for an all-caps word.
  if (word.length > 1 && word === word.toUpperCase() && word !== lower) return out.toUpperCase();
  if (word[0] !== undefined && word[0] !== word[0].toLowerCase()) return out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

const CYRILLIC_WORD = /[\u0400-\u04ff'’ʼ]+/g;

/** Transliterates every Cyrillic word of a label with one system. */
export function transliterate(label: string, lang: CyrillicLang, system: SystemId): string {
  const spec = SYSTEMS.find((s) => s.id === system);
  if (spec === undefined) throw new Error(`unknown romanisation system "${system}"`);
  return label.replace(CYRILLIC_WORD, (w) => transliterateWord(w, lang, spec));
}

/**
 * Only proper-name shaped labels get Latin variants: every word capitalised and no acronym
 * (acronyms are translated by the press — КГБ/KGB, БДУ/BSU — not transliterated).
 */
export function isTransliterable(label: string): boolean {
  const words = label.match(/[\p{L}'’ʼ]+/gu) ?? [];
  if (words.length === 0 || words.length > 4) return false;
  if (!/[\u0400-\u04ff]/.test(label)) return false;
  return words.every((w) => {
    const first = w.charAt(0);
    const isCapital = first !== first.toLowerCase();
    const isAcronym = w.length > 1 && w === w.toUpperCase();
    return isCapital && !isAcronym;
  });
}

/** The Latin variants of one Cyrillic label, one per applicable system, distinct by text. */
export function latinVariants(label: string, lang: CyrillicLang): LatinVariant[] {
  if (!isTransliterable(label)) return [];
  const seen = new Set<string>();
  const out: LatinVariant[] = [];
  for (const spec of SYSTEMS) {
    if (!spec.from.includes(lang)) continue;
    const text = transliterate(label, lang, spec.id);
    const key = `${text}\u0000${spec.inflectAs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, system: spec.id, inflectAs: spec.inflectAs });
  }
  return out;
}

export const SYSTEM_IDS: readonly SystemId[] = SYSTEMS.map((s) => s.id);
