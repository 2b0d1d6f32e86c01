import { describe, expect, it } from "vitest";
import { Entity } from "../../../lib/schema";
import { syntheticEntities } from "../../../lib/spot/synthetic-gazetteer";

describe("syntheticEntities", () => {
  it("is deterministic, valid and has four distinct labels per entity", () => {
    const a = syntheticEntities(400);
    expect(a).toEqual(syntheticEntities(400));
    expect(a.length).toBe(100);
    for (const e of a) expect(Entity.safeParse(e).success).toBe(true);
    const labels = a.flatMap((e) => [...(e.labels.en ?? []), ...(e.labels.ru ?? [])]);
    expect(new Set(labels).size).toBe(400);
  });

  it("changes with the seed", () => {
    expect(syntheticEntities(8, 1)[0]!.name).not.toBe(syntheticEntities(8, 2)[0]!.name);
  });
});
