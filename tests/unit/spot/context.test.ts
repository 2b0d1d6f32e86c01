import { describe, expect, it } from "vitest";
import type { CompiledEntity } from "../../../lib/spot/compiled";
import { applyContext, hasCueIn } from "../../../lib/spot/context";
import { fold } from "../../../lib/text/fold";

describe("hasCueIn", () => {
  it("matches folded cues as word prefixes only", () => {
    const text = "Матч во Франции, Bretagne's coast";
    expect(hasCueIn(text, 0, text.length, [fold("Франц")])).toBe(true);
    expect(hasCueIn(text, 0, text.length, [fold("Bretagne")])).toBe(true);
    expect(hasCueIn(text, 0, text.length, [fold("ранц")])).toBe(false);
    expect(hasCueIn(text, 0, 5, [fold("Франц")])).toBe(false);
  });

  it("matches multi-word cues across a space, case- and diacritics-insensitively", () => {
    expect(hasCueIn("Centre for HUMAN Rights", 0, 30, [fold("human rights")])).toBe(true);
    expect(hasCueIn("Finistère", 0, 9, [fold("Finistere")])).toBe(true);
  });
});

describe("applyContext", () => {
  const entities: CompiledEntity[] = [
    { id: "place/brest", name: "Brest", type: "place", requires: [fold("Belarus")], forbids: [fold("France")] },
    { id: "place/minsk", name: "Minsk", type: "place" },
    { id: "place/mir", name: "Mir", type: "place", requiresIds: ["place/minsk"] },
  ];

  it("lets a forbidden word veto even an unambiguous label", () => {
    const text = "Brest, France";
    expect(applyContext(text, [{ start: 0, end: 5, entity: 0, weak: false }], entities)).toEqual([]);
  });

  it("accepts a weak label with a cue nearby and drops it without one", () => {
    const cand = { start: 0, end: 5, entity: 0, weak: true };
    expect(applyContext("Brest is in Belarus", [cand], entities)).toEqual([cand]);
    expect(applyContext("Brest is a port", [cand], entities)).toEqual([]);
  });

  it("counts an accepted mention of a listed entity id as evidence", () => {
    const text = "the Mir castle near Minsk";
    const mir = { start: 4, end: 7, entity: 2, weak: true };
    const minsk = { start: 20, end: 25, entity: 1, weak: false };
    expect(applyContext(text, [mir, minsk], entities)).toEqual([minsk, mir]);
  });

  it("vetoes an unambiguous label only with the veto word beside it, a weak one anywhere near", () => {
    const text = "Brest lies on the Bug river far from here; France has a port of that name too.";
    const strong = { start: 0, end: 5, entity: 0, weak: false };
    expect(applyContext(text, [strong], entities)).toEqual([strong]);
    expect(applyContext(text, [{ ...strong, weak: true }], entities)).toEqual([]);
  });

  it("drops a one-word person mention after someone else's given name, keeps it after their own", () => {
    const people: CompiledEntity[] = [{ id: "person/vladimir-putin", name: "Vladimir Putin", type: "person" }];
    const igor = "Igor Putin";
    expect(applyContext(igor, [{ start: 5, end: 10, entity: 0, weak: false }], people)).toEqual([]);
    const own = "Uladzimir Putin";
    const c = { start: 10, end: 15, entity: 0, weak: false };
    expect(applyContext(own, [c], people)).toEqual([c]);
  });
});
