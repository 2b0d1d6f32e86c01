/**
 * Apostrophe spellings of Ukrainian and Belarusian labels. Both languages write an apostrophe
 * between a labial or р and an iotated vowel (В'ячорка, Мар'іна), and the press drops or
 * keeps it freely, in several characters (’ ʼ '). The fold unifies the characters; this module
 * gives the label the spelling it lacks, so "Вячорка" in the data also finds "В’ячорка" on a
 * page and "Мар'іна" also finds "Марїна".
 */
import type { Lang } from "../schema";

const APOSTROPHES = /['’ʼ]/g;
/**
 * Labial or р, then a vowel that takes an apostrophe after it: uk я ю є ї; be я ю ё (not е
 * and і, which far more often just soften the consonant: Беларусь, Мінск).
 */
const SLOT: Partial<Record<Lang, RegExp>> = {
  uk: /([бпвмфрБПВМФР])([яюєїЯЮЄЇ])/g,
  be: /([бпвмфрБПВМФР])([яюёЯЮЁ])/g,
};

/** The label's other apostrophe spelling(s), or none (other languages, nothing to change). */
export function apostropheVariants(label: string, lang: Lang): string[] {
  const slot = SLOT[lang];
  if (slot === undefined) return [];
  const out = new Set<string>();
  const without = label.replace(APOSTROPHES, "");
  if (without !== label) out.add(without);
  const withApostrophes = label.replace(slot, "$1'$2");
  if (withApostrophes !== label) out.add(withApostrophes);
  return [...out];
}
