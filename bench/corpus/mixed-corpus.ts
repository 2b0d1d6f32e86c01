/**
 * The benchmark text: ~10 MB of mixed-language news-like prose, built deterministically from
 * the eval snippets, the seed articles and generated filler in all eight languages, so every
 * run (and every machine) measures the same characters.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../../lib/spot/synthetic-gazetteer";

const FILLER: Record<string, readonly string[]> = {
  en: ["the", "government", "said", "on", "Monday", "that", "talks", "with", "officials", "would", "continue", "despite", "sanctions", "and", "pressure", "from", "neighbours", "economy", "growth", "report", "opposition", "court", "sentenced", "journalist", "border", "exports", "potash", "prices", "week"],
  ru: ["правительство", "заявило", "в", "понедельник", "что", "переговоры", "с", "чиновниками", "продолжатся", "несмотря", "на", "санкции", "и", "давление", "экономика", "рост", "доклад", "оппозиция", "суд", "приговорил", "журналиста", "граница", "экспорт", "цены", "неделе"],
  be: ["урад", "заявіў", "у", "панядзелак", "што", "перамовы", "з", "чыноўнікамі", "працягнуцца", "нягледзячы", "на", "санкцыі", "і", "ціск", "эканоміка", "рост", "даклад", "апазіцыя", "суд", "асудзіў", "журналіста", "мяжа", "экспарт", "цэны", "тыдні"],
  uk: ["уряд", "заявив", "у", "понеділок", "що", "переговори", "з", "посадовцями", "триватимуть", "попри", "санкції", "і", "тиск", "економіка", "зростання", "доповідь", "опозиція", "суд", "засудив", "журналіста", "кордон", "експорт", "ціни", "тижні"],
  pl: ["rząd", "oświadczył", "w", "poniedziałek", "że", "rozmowy", "z", "urzędnikami", "będą", "kontynuowane", "mimo", "sankcji", "i", "presji", "gospodarka", "wzrost", "raport", "opozycja", "sąd", "skazał", "dziennikarza", "granica", "eksport", "ceny", "tygodniu"],
  de: ["die", "Regierung", "erklärte", "am", "Montag", "dass", "Gespräche", "mit", "Beamten", "trotz", "Sanktionen", "und", "Druck", "fortgesetzt", "würden", "Wirtschaft", "Wachstum", "Bericht", "Opposition", "Gericht", "verurteilte", "Journalisten", "Grenze", "Exporte", "Preise", "Woche"],
  lt: ["vyriausybė", "pirmadienį", "pareiškė", "kad", "derybos", "su", "pareigūnais", "tęsis", "nepaisant", "sankcijų", "ir", "spaudimo", "ekonomika", "augimas", "ataskaita", "opozicija", "teismas", "nuteisė", "žurnalistą", "siena", "eksportas", "kainos", "savaitę"],
  fr: ["le", "gouvernement", "a", "déclaré", "lundi", "que", "les", "négociations", "avec", "responsables", "se", "poursuivraient", "malgré", "sanctions", "et", "pressions", "économie", "croissance", "rapport", "opposition", "tribunal", "condamné", "journaliste", "frontière", "exportations", "prix", "semaine"],
};


/**
 * Builds about `targetChars` characters; names from `extraNames` are sprinkled into the filler.
 * With `withArticles` false the text is filler prose only (no eval snippets or seed articles).
 */
export function buildMixedCorpus(root: string, targetChars = 10_000_000, extraNames: readonly string[] = [], withArticles = true): string {
  const next = seededRandom(2026);
  const parts: string[] = [];
  const evalCases = JSON.parse(readFileSync(path.join(root, "tests/fixtures/spotting/eval.json"), "utf8")) as { text: string }[];
  const seeds = readdirSync(path.join(root, "data/seeds"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(root, "data/seeds", f), "utf8"));
  const langs = Object.keys(FILLER);
  let size = 0;
  while (size < targetChars) {
    const lang = langs[Math.floor(next() * langs.length)]!;
    const words = FILLER[lang]!;
    const sentence: string[] = [];
    const n = 8 + Math.floor(next() * 20);
    for (let i = 0; i < n; i++) {
      if (extraNames.length > 0 && next() < 0.02) sentence.push(extraNames[Math.floor(next() * extraNames.length)]!);
      else sentence.push(words[Math.floor(next() * words.length)]!);
    }
    let chunk = sentence.join(" ") + ". ";
    const roll = withArticles ? next() : 1;
    if (roll < 0.08) chunk += evalCases[Math.floor(next() * evalCases.length)]!.text + "\n";
    else if (roll < 0.09) chunk += seeds[Math.floor(next() * seeds.length)]! + "\n\n";
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("").slice(0, targetChars);
}
