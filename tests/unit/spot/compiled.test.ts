import { describe, expect, it } from "vitest";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { CompiledGazetteer, edgeSlot, filterBit1, filterBit2 } from "../../../lib/spot/compiled";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

describe("compiled matcher format", () => {
  it("rejects another format or missing arrays", () => {
    const c = compileGazetteer(mini as Entity[]);
    expect(CompiledGazetteer.safeParse({ ...c, format: "other/1" }).success).toBe(false);
    expect(CompiledGazetteer.safeParse({ ...c, edges: { ...c.edges, lead: undefined } }).success).toBe(false);
  });

  it("keeps slot and filter positions inside their tables", () => {
    for (const h of [0, 1, -1, 0x7fffffff, -0x80000000, 123456789]) {
      expect(edgeSlot(5, h, 1023)).toBeGreaterThanOrEqual(0);
      expect(edgeSlot(5, h, 1023)).toBeLessThan(1024);
      expect(filterBit1(h, 22)).toBeLessThan(1024);
      expect(filterBit2(h, 22)).toBeLessThan(1024);
    }
  });
});
