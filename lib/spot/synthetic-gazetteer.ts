/**
 * A deterministic synthetic gazetteer of made-up names (Latin and Cyrillic) for load tests and
 * the benchmark: the matcher must stay fast and correct at 100,000 patterns.
 */
import type { Entity } from "../schema";

const LATIN_SYLLABLES = ["ka", "lo", "mir", "sen", "tra", "vik", "dor", "zul", "pes", "ran", "bel", "gor", "nyx", "qua", "tel", "wen", "yar", "hul", "fis", "jom"];
const CYRILLIC_SYLLABLES = ["ка", "ло", "мир", "сен", "тра", "вик", "дор", "зул", "пес", "ран", "бел", "гор", "ных", "ква", "тел", "вен", "яр", "хул", "фис", "йом"];

/** mulberry32: a small full-period generator; same seed, same names on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(next: () => number, syllables: readonly string[]): string {
  const n = 2 + Math.floor(next() * 3);
  let w = "";
  for (let i = 0; i < n; i++) w += syllables[Math.floor(next() * syllables.length)]!;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * `patterns` labels spread over entities of four labels each (two Latin, two Cyrillic, one and
 * two words). Names are unique within the set.
 */
export function syntheticEntities(patterns: number, seed = 42): Entity[] {
  const next = seededRandom(seed);
  const seen = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const s = make();
      if (!seen.has(s)) {
        seen.add(s);
        return s;
      }
    }
  };
  const out: Entity[] = [];
  const count = Math.ceil(patterns / 4);
  for (let i = 0; i < count; i++) {
    const latin = unique(() => word(next, LATIN_SYLLABLES));
    const latin2 = unique(() => `${word(next, LATIN_SYLLABLES)} ${word(next, LATIN_SYLLABLES)}`);
    const cyr = unique(() => word(next, CYRILLIC_SYLLABLES));
    const cyr2 = unique(() => `${word(next, CYRILLIC_SYLLABLES)} ${word(next, CYRILLIC_SYLLABLES)}`);
    out.push({
      id: `other/synthetic-${String(i).padStart(6, "0")}`,
      type: "other",
      name: latin,
      labels: { en: [latin, latin2], ru: [cyr, cyr2] },
      description: { en: "Synthetic entity for load tests." },
    });
  }
  return out;
}
