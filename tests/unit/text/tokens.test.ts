import { describe, expect, it } from "vitest";
import { hashFolded, wordTokens } from "../../../lib/text/tokens";

describe("wordTokens", () => {
  it("splits on spaces and punctuation and keeps offsets into the input", () => {
    const input = "Łukaszenka, Mińsk—Brest";
    const t = wordTokens(input);
    expect(t.map((x) => x.folded)).toEqual(["lukaszenka", "minsk", "brest"]);
    for (const x of t) expect(input.slice(x.start, x.end).length).toBeGreaterThan(0);
    expect(input.slice(t[1]!.start, t[1]!.end)).toBe("Mińsk");
  });

  it("keeps an inner apostrophe (Мар'іна, Lukashenka's) but splits elisions (d'Aliaksandr)", () => {
    expect(wordTokens("Мар’іна Lukashenka's").map((x) => x.folded)).toEqual(["мар'іна", "lukashenka's"]);
    expect(wordTokens("d'Aliaksandr l’Ukraine").map((x) => x.folded)).toEqual(["d", "aliaksandr", "l", "ukraine"]);
    expect(wordTokens("Belarus' future").map((x) => x.folded)).toEqual(["belarus", "future"]);
  });

  it("does not split a word at a soft hyphen or zero-width character", () => {
    expect(wordTokens("Lu\u00adkashen\u200bka").map((x) => x.folded)).toEqual(["lukashenka"]);
  });

  it("hashes equal folded strings equally and different ones differently", () => {
    expect(hashFolded("minsk")).toEqual(hashFolded("minsk"));
    expect(hashFolded("minsk")).not.toEqual(hashFolded("minsq"));
  });

  it("keeps an apostrophe after a one-letter Cyrillic start in the word (В’ячорка) but splits Latin elisions", () => {
    expect(wordTokens("В’ячорка Вʼячорка П'ятро").map((x) => x.folded)).toEqual(["в'ячорка", "в'ячорка", "п'ятро"]);
    expect(wordTokens("qu'Ambrazevitch").map((x) => x.folded)).toEqual(["qu", "ambrazevitch"]);
  });
});
