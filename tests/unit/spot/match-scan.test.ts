import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { createMatcher } from "../../../lib/spot/match";
import { base64ToInt32, int32ToBase64 } from "../../../lib/spot/typed-base64";
import { wordTokens } from "../../../lib/text/tokens";

const entity = (id: string, labels: Entity["labels"], context?: Entity["context"]): Entity => ({
  id,
  type: id.startsWith("person/") ? "person" : id.startsWith("place/") ? "place" : "org",
  name: id.split("/")[1]!,
  labels,
  description: { en: "x" },
  ...(context ? { context } : {}),
});

const gazetteer: Entity[] = [
  entity("org/grosse-strasse", { de: ["Große Straße"] }),
  entity("person/marina", { uk: ["Мар'іна Зоря"] }),
  entity("place/hrodna", { en: ["Hrodna"] }),
  entity("org/eu", { en: ["EU"] }, { caseSensitive: true }),
  entity("place/lida", { en: ["Lida"] }, { caseSensitive: true, weakLabels: ["Lida"] }),
];
const matcher = createMatcher(compileGazetteer(gazetteer, { transliterate: false, inflect: false }));
const found = (text: string) => matcher.find(text).map((m) => `${m.text}=${m.entityId}`);

describe("matcher scan", () => {
  it("folds two-unit letters, soft hyphens, combining marks and in-word apostrophes as the compiler does", () => {
    expect(found("in der GROSSE STRASSE und der große straße")).toEqual(["GROSSE STRASSE=org/grosse-strasse", "große straße=org/grosse-strasse"]);
    expect(found("Hro\u00addna, Hrodna\u0301 and Hr\u200bodna")).toEqual(["Hro\u00addna=place/hrodna", "Hrodna\u0301=place/hrodna", "Hr\u200bodna=place/hrodna"]);
    expect(found("Мар’іна Зоря і Марʼіна Зоря")).toEqual(["Мар’іна Зоря=person/marina", "Марʼіна Зоря=person/marina"]);
  });

  it("reads characters it has never seen as word boundaries or letters by their class", () => {
    // U+2E3B (a dash) may join the words of a name; U+A640/U+A641 (Cyrillic letters) extend a
    // word; U+A66F (a combining mark) stays inside it; U+3003 (punctuation) ends it.
    expect(found("Große\u2E3BStraße")).toEqual(["Große\u2E3BStraße=org/grosse-strasse"]);
    expect(found("Hrodna\uA640 \uA641Hrodna")).toEqual([]);
    expect(found("\u3003Hrodna\uA66F\u3003")).toEqual(["Hrodna\uA66F=place/hrodna"]);
  });

  it("checks the case of case-sensitive and weak labels on the surface words", () => {
    expect(found("the EU, the Eu and the eu")).toEqual(["EU=org/eu"]);
    expect(found("Hrodna and Lida. But lida is not the town.")).toEqual(["Hrodna=place/hrodna", "Lida=place/lida"]);
  });

  it("finds every name wherever it sits among random words, and nothing else", () => {
    const words = ["Hrodna", "Hrodnas", "xHrodna", "Große", "Straße", "EU", "eu", "and", "the", "Зоря", "Мар'іна", "-", ",", "\n"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const text = parts.join(" ");
        const mentions = matcher.find(text);
        // Every single-word name that stands alone as a token must be found.
        const expected = wordTokens(text).filter((t) => {
          const surface = text.slice(t.start, t.end);
          return surface === "Hrodna" || surface === "EU";
        });
        for (const t of expected) expect(mentions.some((m) => m.start === t.start && m.end === t.end)).toBe(true);
        // Multi-word names may span a hyphen gap ("Große - Straße"): compare their words.
        for (const m of mentions) {
          const words = wordTokens(m.text).map((t) => m.text.slice(t.start, t.end)).join(" ");
          expect(["Hrodna", "EU", "Große Straße", "Мар'іна Зоря"]).toContain(words);
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("rejects node and pattern arrays that point outside the compiled matcher", () => {
    const c = compileGazetteer(gazetteer);
    // Every node claims one pattern far past the end of the list.
    const bad = Int32Array.from({ length: c.nodes.count * 2 }, (_, i) => (i % 2 === 0 ? 1_000_000 : 1));
    expect(() => createMatcher({ ...c, nodes: { ...c.nodes, terms: int32ToBase64(bad) } })).toThrow(/damaged.*recompile/);
    // A node list of the wrong length, and a pattern naming an entity that does not exist.
    expect(() => createMatcher({ ...c, nodes: { ...c.nodes, terms: int32ToBase64(Int32Array.from([0, 0])) } })).toThrow(/damaged.*recompile/);
    const patterns = base64ToInt32(c.patterns);
    patterns[0] = 99_999;
    expect(() => createMatcher({ ...c, patterns: int32ToBase64(patterns) })).toThrow(/damaged.*recompile/);
  });
});
