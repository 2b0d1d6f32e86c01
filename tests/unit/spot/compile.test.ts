import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { CompiledGazetteer } from "../../../lib/spot/compiled";
import { createMatcher } from "../../../lib/spot/match";
import { syntheticEntities } from "../../../lib/spot/synthetic-gazetteer";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

describe("compileGazetteer", () => {
  it("produces plain JSON that loads into the same matcher", () => {
    const compiled = compileGazetteer(mini as Entity[]);
    const json = JSON.stringify(compiled);
    const restored = JSON.parse(json) as unknown;
    expect(CompiledGazetteer.safeParse(restored).success).toBe(true);
    const a = createMatcher(compiled);
    const b = createMatcher(restored as CompiledGazetteer);
    const text = "Лукашэнкам і Ціханоўскай у Мінску, Łukaszence, Brest, Belarus";
    expect(b.find(text)).toEqual(a.find(text));
    expect(a.find(text).length).toBeGreaterThan(3);
  });

  it("rejects two entries with the same id", () => {
    const e = (mini as Entity[])[0]!;
    expect(() => compileGazetteer([e, e])).toThrow(/twice/);
  });

  it("can switch off transliteration and inflection", () => {
    const plain = createMatcher(compileGazetteer(mini as Entity[], { transliterate: false, inflect: false }));
    expect(plain.find("Лукашэнкам Loukachenka Лукашэнка").map((m) => m.text)).toEqual(["Лукашэнка"]);
  });

  it("handles 100,000 patterns and finds names drawn from them", () => {
    const entities = syntheticEntities(100_000);
    const compiled = compileGazetteer(entities, { transliterate: false });
    expect(compiled.stats.patterns).toBeGreaterThanOrEqual(100_000);
    const matcher = createMatcher(compiled);
    const sample = [entities[7]!, entities[4_321]!, entities[24_999]!];
    const text = sample.map((e) => `… ${e.labels.en![1]} and ${e.labels.ru![0]} …`).join(" ");
    const ids = matcher.find(text).map((m) => m.entityId);
    expect(ids).toEqual(sample.flatMap((e) => [e.id, e.id]));
  });
});
