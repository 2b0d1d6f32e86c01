/** Generated test texts for spot-parallel: multilingual snippets from the spotting fixtures, cut-point traps. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));

interface EvalCase {
  id: string;
  text: string;
}

/** The annotated sentences of tests/fixtures/spotting/eval.json (en, ru, be, uk, pl, de, lt, fr). */
export const SNIPPETS: readonly string[] = (JSON.parse(readFileSync(path.join(REPO, "tests/fixtures/spotting/eval.json"), "utf8")) as EvalCase[]).map((c) => c.text);

/** Small deterministic PRNG (mulberry32): the same text on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paragraphs of shuffled snippets, most separated by a blank line, some by one line break (a
 * name may run over it: "Maksim\nZnak"), each opening and closing with a name so that every
 * blank line, and so every cut, has a name right beside it.
 */
export function multilingualText(chars: number, seed: number): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const openers = ["Lukashenka", "Minsk", "Brest", "Lida", "Maksim\nZnak", "Лукашенко", "Kolesnikowa", "Tsikhanouskaya"];
  const closers = ["in Brest.", "Maksim\nZnak.", "w Mińsku.", "in Lida.", "à Brest.", "Lukashenka.", "u Lidzie.", "Kolesnikowas Schwester."];
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(SNIPPETS));
    const paragraph = `${pick(openers)} ${sentences.join(" ")} ${pick(closers)}`;
    parts.push(paragraph, next() < 0.8 ? "\n\n" : "\n");
    length += paragraph.length + 2;
  }
  return parts.join("");
}
