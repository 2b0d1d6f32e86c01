/**
 * Inflection as stems + allowed endings (docs/names.md, "Inflection"). A label token such as
 * "Лукашэнка" becomes the stem "лукашэнк" with endings {а, і, у, ам, …}; the scanner probes
 * the last few prefixes of every page word and accepts a hit only when the rest of the word
 * is one of the stem's endings. Consonant alternations (к→ц, ст→сц, д→дз, Homel→Homl) are
 * extra stems with their own endings.
 *
 * Measured choice: expanding every form at compile time would turn the default gazetteer's
 * 28.9k stem edges into 83.9k form edges (2.9×, and the stored matcher and per-tab memory with
 * it); probing at most maxEnding+1 prefixes costs a few bit tests for the rare word whose
 * letters could begin some name (form filter), and nothing for the others.
 *
 * The endings are those of nouns only. An adjective never follows from them: Беларусь →
 * беларус- takes {ь, і, …} but not -кі; Minsk takes {'s} in English, not -er; Mińsk takes
 * {a, u, iem} but not -i (Miński). Rules read the surface letters (lower case, unfolded), so
 * they can tell ў from у, й from и and ś from s; the compiler folds stems and endings after.
 */
import type { Lang } from "../schema";

export interface StemRule {
  /** Lower-case surface stem. */
  stem: string;
  /** Lower-case surface endings; "" means the bare stem is a form. */
  endings: readonly string[];
}

/** Stems shorter than this never take endings: short words would match too much. */
export const MIN_STEM = 3;

const CYR_CONSONANT = /[бвгджзйклмнпрстфхцчшщўґ]$/;
const LAT_CONSONANT = /[bcćdfghjklłmnńpqrsśtvwxzźż]$/;

const LATIN_WORD = /^[\p{Script=Latin}'’]+$/u;

const rule = (stem: string, endings: readonly string[]): StemRule => ({ stem, endings });

function cut(token: string, n: number): string {
  return token.slice(0, token.length - n);
}

/*
 * Gender: a masculine -ский/-скі/-ський/-ski stem never takes a feminine ending (-ой, -ую, -ай,
 * -ої, -iej, -ą) and a feminine -ская/-ska stem never a masculine one (-ого, -ому, -им, -iego):
 * "Тихановской" is Sviatlana Tsikhanouskaya, not her husband Тихановский.
 */
function ru(t: string): StemRule[] {
  if (/[сц]кая$/.test(t)) return [rule(cut(t, 2), ["ая", "ой", "ую", "ою"])];
  if (/[сц]кий$/.test(t)) return [rule(cut(t, 2), ["ий", "ого", "ому", "им", "ом"])];
  if (/[сц]кой$/.test(t)) return [rule(cut(t, 2), ["ой", "ого", "ому", "им", "ом"])];
  if (/(ов|ев|ин|ын)а$/.test(t)) return [rule(cut(t, 1), ["а", "ой", "у", "ою"])];
  // Adjectives inside names (Народного антикризисного управления, Центральную избирательную комиссию).
  if (/[ыо]й$/.test(t) || /ое$/.test(t)) return [rule(cut(t, 2), [t.slice(-2), "ого", "ому", "ым", "ом"])];
  if (/ая$/.test(t)) return [rule(cut(t, 2), ["ая", "ой", "ую", "ою"])];
  if (/яя$/.test(t)) return [rule(cut(t, 2), ["яя", "ей", "юю", "ею"])];
  if (/ые$/.test(t)) return [rule(cut(t, 2), ["ые", "ых", "ым", "ыми"])];
  // -ие: a neuter noun (управление, собрание) or a plural adjective; -ий: a first name (Юрий →
  // Юрия, Юрием) or an adjective (Высший → Высшего). Both sets: a form of the other kind never
  // occurs in text.
  if (/ие$/.test(t)) return [rule(cut(t, 2), ["ие", "ия", "ию", "ием", "ии", "их", "им", "ими"])];
  if (/ий$/.test(t)) return [rule(cut(t, 1), ["й", "я", "ю", "ем", "и"]), rule(cut(t, 2), ["ий", "его", "ему", "им", "ем"])];
  if (/а$/.test(t)) return [rule(cut(t, 1), ["а", "ы", "и", "е", "у", "ой", "ою"])];
  if (/я$/.test(t)) return [rule(cut(t, 1), ["я", "и", "е", "ю", "ей", "ею"])];
  if (/ь$/.test(t)) return [rule(cut(t, 1), ["ь", "я", "ю", "ем", "е", "и", "ью"])];
  // Plurals and plural-only place names: Киберпартизаны → Киберпартизанами, Барановичи → Барановичах.
  if (/[бвгдзклмнпрстфхц]ы$/.test(t)) return [rule(cut(t, 1), ["ы", "ам", "ами", "ах", "ов"])];
  if (/[гкх]и$/.test(t)) return [rule(cut(t, 1), ["и", "ам", "ами", "ах", "ов"])];
  if (/[жчшщ]и$/.test(t)) return [rule(cut(t, 1), ["и", "ам", "ами", "ах", "ей"])];
  if (/[аеоуэ]й$/.test(t)) return [rule(cut(t, 1), ["й", "я", "ю", "ем", "е"])];
  if (CYR_CONSONANT.test(t)) return [rule(t, ["", "а", "у", "ом", "ем", "е", "ым", "ым"]), ...fleeting(t, ["ец", "ок", "ёк"], ["а", "у", "ом", "ем", "е"])];
  return []; // -о, -е, -и, -у: not declined (Лукашенко, Гродно)
}

/**
 * The fleeting vowel of -ец/-ок nouns: Островец → Островца, в Островце; Городок → Городка. An
 * extra stem without the vowel, with the oblique endings.
 */
function fleeting(t: string, suffixes: readonly string[], endings: readonly string[], soften: (stem: string) => string = (x) => x): StemRule[] {
  for (const suffix of suffixes) {
    if (t.endsWith(suffix) && t.length > suffix.length + 2) return [rule(soften(cut(t, suffix.length)) + suffix.slice(-1), endings)];
  }
  return [];
}

function be(t: string): StemRule[] {
  if (/[сц]кая$/.test(t)) return [rule(cut(t, 2), ["ая", "ай", "ую", "аю"])];
  if (/[сц]кі$/.test(t)) return [rule(cut(t, 1), ["і", "ага", "аму", "ім"])];
  // Adjectives inside names (Народнага антыкрызіснага ўпраўлення, Каардынацыйную раду).
  if (/[ао]е$/.test(t)) return [rule(cut(t, 2), [t.slice(-2), "ага", "аму", "ым"])];
  if (/ая$/.test(t)) return [rule(cut(t, 2), ["ая", "ай", "ую", "аю"])];
  // -ыя: a noun (Марыя → Марыі, Марыяй) or a plural adjective (народныя → народных).
  if (/ыя$/.test(t)) return [rule(cut(t, 1), ["я", "і", "ю", "яй", "яю", "ёй"]), rule(cut(t, 2), ["ыя", "ых", "ым", "ымі"])];
  // Neuter nouns: упраўленне → упраўлення, ва ўпраўленні.
  if (/[нлцсзджтч]е$/.test(t)) return [rule(cut(t, 1), ["е", "я", "ю", "ем", "і"])];
  if (/а$/.test(t)) {
    const stem = cut(t, 1);
    const out = [rule(stem, ["а", "ы", "і", "е", "э", "у", "ай", "аю", "ою", "ам"])];
    // Locative/dative alternations: Ліда → Лідзе, Брэст-type т → ц, Прага → Празе, рука → руцэ.
    const alt = alternate(stem, [["ст", "сц"], ["д", "дз"], ["т", "ц"], ["г", "з"], ["х", "с"], ["к", "ц"]]);
    if (alt !== undefined) out.push(rule(alt, ["е", "э", "ы"]));
    return out;
  }
  if (/я$/.test(t)) return [rule(cut(t, 1), ["я", "і", "ю", "яй", "яю", "ёй"])]; // Вільня → Вільні
  // Plurals and plural-only place names: Кіберпартызаны → Кіберпартызанамі, Баранавічы → Баранавічах.
  // (-ы is also a masculine adjective: народны → народнага.)
  if (/[бвгджзклмнпрстфхцчшў]ы$/.test(t) || /[гкх]і$/.test(t)) return [rule(cut(t, 1), [t.slice(-1), "аў", "ам", "амі", "ах", "ага", "аму", "ым", "ых"])];
  if (/ь$/.test(t)) {
    const stem = cut(t, 1);
    const last = stem.slice(-1);
    // Беларусь → Беларуссю: the consonant doubles before the instrumental -ю. Classical
    // spelling drops the е of -ель: Гомель → Гомля, у Гомлі.
    return [rule(stem, ["ь", "і", "ю", "ем", "я", `${last}ю`]), ...fleeting(stem, ["ел"], ["я", "ю", "і", "ем"])];
  }
  if (/[аеёоуэыіюя]ў$/.test(t)) return [rule(cut(t, 1) + "в", ["а", "у", "е", "ам"])]; // Магілёў → Магілёва
  if (/[аеоуэ]й$/.test(t)) return [rule(cut(t, 1), ["й", "я", "ю", "ем", "і"])];
  if (/о$/.test(t)) return [rule(cut(t, 1), ["о", "а", "у", "ам", "е"])];
  if (CYR_CONSONANT.test(t)) {
    const out = [rule(t, ["", "а", "у", "ам", "ом", "е", "ы", "ым"])];
    const alt = alternate(t, [["ст", "сц"], ["д", "дз"], ["т", "ц"], ["г", "з"], ["х", "с"]]);
    if (alt !== undefined) out.push(rule(alt, ["е"])); // Брэст → Брэсце
    // Fleeting vowel, в → ў before the consonant left: Астравец → Астраўца, у Астраўцы; Гарадок → Гарадка.
    out.push(...fleeting(t, ["ец", "ок", "ак"], ["а", "у", "ом", "ам", "ы", "е"], (stem) => stem.replace(/([аеёіоуыэюя])в$/, "$1ў")));
    return out;
  }
  return [];
}

/**
 * Belarusian in Łacinka (Latin-script labels and the generated Łacinka variants): the same
 * declension as be() with the endings spelled in Latin (Pucin → Pucinym, Miensk → Miensku,
 * Lukašenka → Lukašenku, Ciachanoŭskaja → Ciachanoŭskaj).
 */
function beLatin(t: string): StemRule[] {
  if (/[sc]kaja$/.test(t)) return [rule(cut(t, 3), ["aja", "aj", "uju", "aju"])];
  if (/[sc]ki$/.test(t)) return [rule(cut(t, 1), ["i", "aha", "amu", "im"])];
  if (/[iyj]a$/.test(t)) return [rule(cut(t, 1), ["a", "i", "u", "aj", "aju"])];
  if (/a$/.test(t)) {
    const stem = cut(t, 1);
    const out = [rule(stem, ["a", "y", "i", "ie", "e", "u", "aj", "aju", "oju", "am"])];
    const alt = alternate(stem, [["st", "sc"], ["d", "dz"], ["t", "c"], ["h", "z"], ["ch", "s"], ["k", "c"]]);
    if (alt !== undefined) out.push(rule(alt, ["ie", "e", "y"]));
    return out;
  }
  if (/o$/.test(t)) return [rule(cut(t, 1), ["o", "a", "u", "am", "ie"])];
  if (/[aeiouy][uŭ]$/.test(t)) return [rule(cut(t, 1) + "v", ["a", "u", "ie", "am"])]; // Mahilioŭ → Mahilova
  if (LAT_CONSONANT.test(t)) {
    const out = [rule(t, ["", "a", "u", "am", "om", "ie", "e", "y", "ym"])];
    const alt = alternate(t, [["st", "sc"], ["d", "dz"], ["t", "c"]]);
    if (alt !== undefined) out.push(rule(alt, ["ie", "e"])); // Brest → Breście
    return out;
  }
  return [];
}

function uk(t: string): StemRule[] {
  if (/[сц]ька$/.test(t)) return [rule(cut(t, 1), ["а", "ої", "ій", "у", "ою"])];
  if (/[сц]ький$/.test(t)) return [rule(cut(t, 2), ["ий", "ого", "ому", "им", "ім"])];
  // Adjectives inside names (Народного антикризового управління, Координаційну раду).
  if (/ий$/.test(t)) return [rule(cut(t, 2), ["ий", "ого", "ому", "им", "ім"])];
  if (/[нвлр]е$/.test(t)) return [rule(cut(t, 1), ["е", "ого", "ому", "им", "ім"])];
  if (/ко$/.test(t)) return [rule(cut(t, 1), ["о", "а", "у", "ові", "ом"])];
  if (/а$/.test(t)) {
    const stem = cut(t, 1);
    // -на words are often possessive adjectives in place names (Мар'їна Гірка → Мар'їній Гірці).
    const out = [rule(stem, /на$/.test(t) ? ["а", "и", "і", "у", "ою", "ій", "ої", "ину"] : ["а", "и", "і", "у", "ою"])];
    const alt = alternate(stem, [["к", "ц"], ["г", "з"], ["х", "с"]]);
    if (alt !== undefined) out.push(rule(alt, ["і"]));
    return out;
  }
  // (-ння, -ття: neuter nouns, управління → управлінням.)
  if (/я$/.test(t)) return [rule(cut(t, 1), ["я", "і", "ю", "ею", "ям"])];
  if (/ь$/.test(t)) {
    const stem = cut(t, 1);
    // Островець → Островця, в Островці.
    return [rule(stem, ["ь", "я", "ю", "ем", "і", `${stem.slice(-1)}ю`]), ...fleeting(stem, ["ец"], ["я", "ю", "ем", "і"])];
  }
  // Plurals and plural-only place names: Кіберпартизани → Кіберпартизанами, Ошмяни → Ошмянах.
  if (/[бвгджзклмнпрстфхцчшщ]и$/.test(t)) return [rule(cut(t, 1), ["и", "ів", "ам", "ами", "ах"])];
  if (/[нвлр]і$/.test(t)) return [rule(cut(t, 1), ["і", "их", "им", "ими"])]; // plural adjectives: народні → народних
  if (/[жчшщ]і$/.test(t)) return [rule(cut(t, 1), ["і", "ів", "ам", "ами", "ах"])]; // Осиповичі → Осиповичів, Барановичах
  if (/о$/.test(t)) return [rule(cut(t, 1), ["о", "а", "у", "і", "ом"])];
  if (/[аеоуиі]й$/.test(t)) return [rule(cut(t, 1), ["й", "я", "ю", "єм", "ї"])]; // Білоруськалій → Білоруськалію
  if (CYR_CONSONANT.test(t)) return [rule(t, ["", "а", "у", "ом", "і", "ові", "ем", "им"]), ...fleeting(t, ["ок"], ["а", "у", "ом", "і"])];
  return [];
}

/** Polish locative/dative softening before -e (Lida → Lidzie, Wiasna → Wiaśnie, Grodno → Grodnie). */
const PL_SOFTENING: readonly (readonly [string, string])[] = [
  ["st", "ści"], ["sł", "śl"], ["ch", "sz"], ["d", "dzi"], ["t", "ci"], ["n", "ni"], ["s", "si"],
  ["z", "zi"], ["w", "wi"], ["m", "mi"], ["b", "bi"], ["p", "pi"], ["f", "fi"], ["r", "rz"],
  ["ł", "l"], ["k", "c"], ["g", "dz"],
];

function pl(t: string): StemRule[] {
  if (/[sc]ka$/.test(t)) return [rule(cut(t, 1), ["a", "iej", "ą", "ę"])];
  if (/[sc]ki$/.test(t)) return [rule(cut(t, 1), ["i", "iego", "iemu", "im"])];
  // Feminine surnames in -owa/-ewa/-awa decline as adjectives: Kalesnikawej, Kolesnikową.
  if (/[aoe]wa$/.test(t)) return [rule(cut(t, 1), ["a", "ej", "ą", "ę"])];
  // Adjectives inside names (Narodowego Zarządzania Antykryzysowego, Sądu Najwyższego).
  if (/[^aeiouyąęó]y$/.test(t)) return [rule(cut(t, 1), ["y", "ego", "emu", "ym", "ych", "ymi"])];
  // -ie: a neuter noun (Zarządzanie → Zarządzania, Zgromadzeniu) or an adjective (-kie, -gie).
  if (/ie$/.test(t)) return [rule(cut(t, 2), ["ie", "ia", "iu", "iem", "iego", "iemu", "im", "ich", "imi"])];
  // -e: an adjective (Narodowe → Narodowego) or a plural-only town (Osipowicze → Osipowiczach, do Osipowicz).
  if (/[^aeiouyąęó]e$/.test(t)) return [rule(cut(t, 1), ["e", "ego", "emu", "ym", "ych", "ymi", "", "ach", "ami", "om"])];
  if (/ów$/.test(t)) {
    // -ów is a genitive plural (Cyberpartyzantów → Cyberpartyzantami) or a town (Borysów →
    // Borysowie): both sets of endings, on the stem without -ów.
    const stem = cut(t, 2);
    return [rule(stem, ["ów", "om", "ami", "ach", "owa", "owie", "owem"])];
  }
  if (/[ao]$/.test(t)) {
    const stem = cut(t, 1);
    // (-a is also a feminine adjective: Rada Koordynacyjna → Rady Koordynacyjnej.)
    const endings = t.endsWith("a") ? ["a", "y", "i", "ę", "ą", "o", "ej"] : ["o", "a", "u", "em", "i", "ę", "ą"];
    const out = [rule(stem, endings)];
    const alt = alternate(stem, PL_SOFTENING);
    if (alt !== undefined) out.push(rule(alt, ["e"]));
    return out;
  }
  if (/[śćńźĺ]$/.test(t)) {
    // Białoruś → Białorusi, Brześć → Brześcia: the soft consonant is spelled with -i- before a vowel.
    const stem = cut(t, 1);
    const plain = ({ ś: "s", ć: "c", ń: "n", ź: "z", ĺ: "l" } as Record<string, string>)[t.slice(-1)]!;
    return [rule(stem, [t.slice(-1), `${plain}i`, `${plain}ia`, `${plain}iu`, `${plain}ią`, `${plain}iem`])];
  }
  if (LAT_CONSONANT.test(t)) {
    const out = [rule(t, ["", "a", "u", "em", "iem", "owi", "ie", "y"])];
    // Mobile e: Homel → Homla, Aleksander → Aleksandra, Ostrowiec → Ostrowca, pod Ostrowcem.
    const mobile = /^(.+?)(ie|e)([lkcr])$/.exec(t);
    if (mobile) out.push(rule(mobile[1]! + mobile[3]!, ["a", "u", "em", "owi"]));
    return out;
  }
  return [];
}

function lt(t: string): StemRule[] {
  // Plurals: Kiberpartizanai → Kiberpartizanų, Kiberpartizanams.
  if (/[^aeiouyė]ai$/.test(t)) return [rule(cut(t, 2), ["ai", "ų", "ams", "ais", "us", "uose"])];
  if (/as$/.test(t)) return [rule(cut(t, 2), ["as", "o", "ui", "ą", "e", "u"])];
  if (/[iy]s$/.test(t)) return [rule(cut(t, 2), [t.slice(-2), "io", "iui", "į", "yje", "iu", "ies"])];
  if (/us$/.test(t)) return [rule(cut(t, 2), ["us", "aus", "ui", "ų", "uje"])];
  if (/a$/.test(t)) return [rule(cut(t, 1), ["a", "os", "ai", "ą", "oje"])];
  if (/ė$/.test(t)) return [rule(cut(t, 1), ["ė", "ės", "ei", "ę", "ėje"])];
  // Foreign names in a consonant take the -as declension: Minsk → Minske, Minsko.
  if (LAT_CONSONANT.test(t)) return [rule(t, ["", "as", "o", "ui", "ą", "e", "u"])];
  return [];
}

function alternate(stem: string, pairs: readonly (readonly [string, string])[]): string | undefined {
  for (const [from, to] of pairs) {
    if (stem.endsWith(from)) return stem.slice(0, stem.length - from.length) + to;
  }
  return undefined;
}

/** Genitive/possessive endings of languages that do not decline names. */
const GENITIVE: Partial<Record<Lang, readonly string[]>> = {
  en: ["", "'s", "’s"],
  de: ["", "s", "'s", "’s"],
  fr: [""],
};

/**
 * The stems of one label token (lower-case surface form) in a language. The token itself is
 * always a form (stem = token, ending "").
 */
export function inflectionStems(token: string, lang: Lang): StemRule[] {
  const t = token.toLowerCase();
  const out: StemRule[] = [rule(t, [""])];
  const genitive = GENITIVE[lang];
  if (genitive !== undefined) {
    out.push(rule(t, genitive));
    return out;
  }
  let rules: StemRule[] = [];
  if (lang === "ru") rules = ru(t);
  else if (lang === "be") rules = LATIN_WORD.test(t) ? beLatin(t) : be(t);
  else if (lang === "uk") rules = uk(t);
  else if (lang === "pl") rules = pl(t);
  else if (lang === "lt") rules = lt(t);
  for (const r of rules) if (r.stem.length >= MIN_STEM) out.push(r);
  return out;
}

/** Every surface form of a token (for tests and the data review). */
export function inflectedForms(token: string, lang: Lang): string[] {
  const forms = new Set<string>();
  for (const r of inflectionStems(token, lang)) for (const e of r.endings) forms.add(r.stem + e);
  return [...forms];
}
