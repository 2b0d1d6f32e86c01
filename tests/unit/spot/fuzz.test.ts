import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { createMatcher } from "../../../lib/spot/match";
import { foldText } from "../../../lib/text/fold";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

const matcher = createMatcher(compileGazetteer(mini as Entity[]));

/** Pieces that stress the scanner: names, inflections, marks, surrogates, RTL, ZWJ, quotes. */
const PIECES = [
  "Lukashenka", "Лукашэнкам", "Łukaszence", "Mińsku", "Minsk", "Brest", "«Вясна»", "Lida", "Belarus",
  "Ціханоўскай", "Sviatlana", " ", "\n", "-", "'", "’", "\u0301", "\u00ad", "\u200d", "\u200b", "\ud83d\ude00",
  "\ud800", "\udfff", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "ß", "ﬁ", "İ", "a",
];

const textArb = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join("")),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 60 }).map((a) => a.join("")),
);

describe("matcher fuzz", () => {
  it("findEach over many texts answers exactly as find on each, whatever the texts hold", () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 8 }), (texts) => {
        expect(matcher.findEach(texts)).toEqual(texts.map((t) => matcher.find(t)));
      }),
      { numRuns: 1000, seed: 20261126 },
    );
    // Context rules see each text alone: the Belarus cue in the first text does not admit the
    // weak "Brest" of the second, and a name never joins across two texts.
    const texts = ["Belarus and Brest.", "Brest", "Sviatlana", "Tsikhanouskaya"];
    expect(matcher.findEach(texts)).toEqual(texts.map((t) => matcher.find(t)));
    expect(matcher.findEach(texts)[1]).toEqual([]);
    expect(matcher.find(texts.join(" ")).some((m) => m.text === "Sviatlana Tsikhanouskaya")).toBe(true);
    expect(matcher.findEach(texts).flat().some((m) => m.text.includes(" "))).toBe(false);
  });

  it("never throws and every mention slices back to its text, in order and without overlap", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const mentions = matcher.find(text);
        let last = 0;
        for (const m of mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          last = m.end;
        }
      }),
      { numRuns: 2000, seed: 20260524 },
    );
  });

  it("folds any string with an offset map that stays inside the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const { text: folded, offsets } = foldText(text);
        expect(offsets.length).toBe(folded.length + 1);
        for (const o of offsets) expect(o >= 0 && o <= text.length).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("scans a ~1M character input with names scattered in it", () => {
    const unit = "Lu\u00adkashenka \ud83d\ude00 Łukaszence w Mińsku\u200d שלום «Вясна» \ud800x Belarus.\n";
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const mentions = matcher.find(text);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const perUnit = matcher.find(unit).length;
    expect(perUnit).toBeGreaterThanOrEqual(4);
    expect(mentions.length).toBe(perUnit * Math.ceil(1_000_000 / unit.length));
    for (const m of mentions.slice(0, 1000)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
