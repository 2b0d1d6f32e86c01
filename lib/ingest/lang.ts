/**
 * A deliberately simple language guess for ingested articles: the script decides
 * Cyrillic vs Latin, and letters that exist in only one alphabet separate Belarusian,
 * Russian and Ukrainian. Latin text is not guessed further: the caller's default applies.
 */
import type { Lang } from "../schema";

export interface DetectLangOptions {
  /** Language to report for Latin-script text (default "en"). */
  latinDefault?: Lang;
  /** Language to report when the text has no letters at all (default: latinDefault or "en"). */
  fallback?: Lang;
}

/** Share of Cyrillic among all letters above which the text counts as Cyrillic. */
const CYRILLIC_SHARE = 0.5;
/**
 * Russian has no і; a few can still appear in quoted Belarusian or Ukrainian names, so і
 * must make up at least this share of Cyrillic letters before the text counts as be/uk
 * (running Belarusian and Ukrainian text has about 4–6 %).
 */
const I_SHARE = 0.005;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Guesses the language of a text: en/pl/… (Latin, by option) or be/ru/uk (Cyrillic, by letters). */
export function detectLang(text: string, options: DetectLangOptions = {}): Lang {
  const latinDefault = options.latinDefault ?? "en";
  const lower = text.toLowerCase();
  const cyrillic = count(lower, /[\u0400-\u04ff]/g);
  const latin = count(lower, /[a-z\u00c0-\u024f]/g);
  if (cyrillic + latin === 0) return options.fallback ?? latinDefault;
  if (cyrillic / (cyrillic + latin) < CYRILLIC_SHARE) return latinDefault;

  // Letters found in only one of the three alphabets.
  const onlyBelarusian = count(lower, /ў/g);
  const onlyUkrainian = count(lower, /[їєґ]/g);
  if (onlyBelarusian > 0 && onlyBelarusian >= onlyUkrainian) return "be";
  if (onlyUkrainian > 0) return "uk";

  const i = count(lower, /і/g);
  if (i / cyrillic < I_SHARE) return "ru";
  // Both use і; Belarusian writes ы/э/ё and never и, Ukrainian writes и and never ы/э/ё.
  const belarusianVowels = count(lower, /[ыэё]/g);
  const ukrainianI = count(lower, /и/g);
  return belarusianVowels >= ukrainianI ? "be" : "uk";
}

/** Maps an HTML/XML language tag ("ru-RU", "be_BY", "ua") to a supported language, if any. */
export function langFromTag(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  // "ua" is the country code, but Ukrainian sites often declare it as their language.
  const aliases: Record<string, Lang> = { ua: "uk", by: "be" };
  const known: readonly string[] = ["en", "ru", "be", "uk", "pl", "de", "lt", "fr"];
  if (known.includes(primary)) return primary as Lang;
  return aliases[primary];
}
