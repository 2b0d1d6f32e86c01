import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { COMPILED_FORMAT, CompiledGazetteer, edgeSlot, stemWord } from "../../../lib/spot/compiled";
import { buildFilters, filtersFromBase64 } from "../../../lib/spot/filters";
import { createMatcher, createStoredMatcher } from "../../../lib/spot/match";
import { base64ToInt32, int32ToBase64 } from "../../../lib/spot/typed-base64";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

describe("compiled matcher format", () => {
  it("rejects another format or missing arrays", () => {
    const c = compileGazetteer(mini as Entity[]);
    expect(CompiledGazetteer.safeParse({ ...c, format: "other/1" }).success).toBe(false);
    expect(CompiledGazetteer.safeParse({ ...c, format: "briefings-matcher/1" }).success).toBe(false);
    expect(CompiledGazetteer.safeParse({ ...c, edges: { ...c.edges, hash2: undefined } }).success).toBe(false);
    expect(CompiledGazetteer.safeParse({ ...c, filters: { ...c.filters, rootForm: undefined } }).success).toBe(false);
  });

  it("stores the filters the edges give, so loading need not rebuild them", () => {
    const c = compileGazetteer(mini as Entity[]);
    const rebuilt = buildFilters({
      count: c.edges.count,
      parent: base64ToInt32(c.edges.parent),
      hash1: base64ToInt32(c.edges.hash1),
      endingSet: base64ToInt32(c.edges.endingSet),
      endingSets: c.endingSets,
    });
    const stored = filtersFromBase64(c.filters);
    for (const name of ["rootForm", "innerForm", "rootStem", "innerStem"] as const) {
      expect(stored[name].length).toBeGreaterThanOrEqual(32);
      expect(Array.from(stored[name])).toEqual(Array.from(rebuilt[name]));
      expect(stored[name].some((w) => w !== 0)).toBe(true);
    }
  });

  it("refuses a matcher whose filter is damaged, with a message that says what to do", () => {
    const c = compileGazetteer(mini as Entity[]);
    const cut = int32ToBase64(base64ToInt32(c.filters.rootForm).slice(0, 100));
    expect(() => createMatcher({ ...c, filters: { ...c.filters, rootForm: cut } })).toThrow(/rootForm filter has 100 words.*recompile/);
  });

  it("loads a stored form by its format without the schema walk, and refuses any other", () => {
    const c = compileGazetteer(mini as Entity[]);
    expect(createStoredMatcher(JSON.parse(JSON.stringify(c))).find("Łukaszenka w Mińsku").map((m) => m.entityId)).toEqual(createMatcher(c).find("Łukaszenka w Mińsku").map((m) => m.entityId));
    for (const bad of [null, "x", { ...c, format: "briefings-matcher/1" }, { ...c, filters: undefined }, { ...c, edges: { ...c.edges, hash1: 5 } }]) {
      expect(() => createStoredMatcher(bad)).toThrow(`not in format ${COMPILED_FORMAT}`);
    }
  });

  it("says what is wrong with an invalid compiled form", () => {
    const c = compileGazetteer(mini as Entity[]);
    expect(() => createMatcher({ ...c, maxEnding: 99 })).toThrow(/compiled matcher is not valid \(maxEnding: .*\); recompile/);
  });

  it("keeps slot and filter positions inside their tables", () => {
    for (const h of [0, 1, -1, 0x7fffffff, -0x80000000, 123456789]) {
      expect(edgeSlot(5, h, 1023)).toBeGreaterThanOrEqual(0);
      expect(edgeSlot(5, h, 1023)).toBeLessThan(1024);
      expect(stemWord(h, 22)).toBeLessThan(1024);
      expect(stemWord(h, 22)).toBeGreaterThanOrEqual(0);
    }
  });
});
