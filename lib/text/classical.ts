/**
 * Belarusian classical orthography (taraškievica, used by Radio Svaboda, Nasha Niva and most of
 * the independent press) marks assimilated softness with a soft sign: a с, з or ц before a
 * consonant that is itself soft is written сь, зь, ць (Калеснікава → Калесьнікава, Святлана →
 * Сьвятлана, Беларускі сьцяг). The official spelling leaves it out. The fold keeps ь (it
 * separates words: Мінск and Мінськ), so a label in one spelling is given the other.
 */

/** с, з, ц (or дз) before a consonant softened by the vowel or soft sign after it. */
const ASSIMILATED = /([сзцСЗЦ])(?=(?:дз|[нлцвмсзНЛЦВМСЗ])[еёіюяьЕЁІЮЯ])/g;

/** The label in classical spelling, when it differs (Belarusian Cyrillic labels only). */
export function classicalVariant(label: string): string | undefined {
  const out = label.replace(ASSIMILATED, "$1ь");
  return out === label ? undefined : out;
}
