import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledEntity } from "../../../lib/spot/compiled";
import { applyContext, CueIndex, hasCueIn } from "../../../lib/spot/context";
import { fold } from "../../../lib/text/fold";

// Pieces that exercise word starts: soft hyphens and combining marks (ignorable), units that
// fold to two (ß, ﬁ), apostrophes, line breaks and cue fragments.
const PIECES = ["Франц", "ии", "France", "fr", "an", "ce", "Belarus", "bel", "ß", "ss", "ﬁ", "fi", "\u00ad", "\u0301", " ", ", ", ".", "\n", "'", "’", "x", "Ё", "е"];
const CUES = [fold("Франц"), fold("France"), fold("belarus"), fold("ss"), fold("fi"), fold("e"), fold("ance")];

describe("CueIndex", () => {
  it("answers exactly as hasCueIn for every window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 3000 }).map((a) => a.join("")),
        fc.subarray(CUES, { minLength: 1 }),
        fc.array(fc.tuple(fc.integer({ min: -50, max: 9000 }), fc.integer({ min: 0, max: 2500 })), { minLength: 1, maxLength: 40 }),
        (text, cues, windows) => {
          // Two lists sharing cues in one index: each answers for its own cues only.
          const other = CUES.filter((c) => !cues.includes(c));
          const index = CueIndex.of(text, [{ id: "a", name: "A", type: "place", requires: cues, forbids: other }]);
          for (const [from, len] of windows) {
            expect(index.has(from, from + len, cues)).toBe(hasCueIn(text, from, from + len, cues));
            expect(index.has(from, from + len, other)).toBe(hasCueIn(text, from, from + len, other));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers exactly as hasCueIn once its blocks are indexed (a long text asked about many times)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 2000, maxLength: 3000 }).map((a) => a.join("")),
        fc.subarray(CUES, { minLength: 1 }),
        // More windows per block than a block answers by scanning before it is indexed.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 400 })), { minLength: 150, maxLength: 200 }),
        (text, cues, windows) => {
          const index = CueIndex.of(text, [{ id: "a", name: "A", type: "place", requires: cues }]);
          for (const [from, len] of windows) expect(index.has(from, from + len, cues)).toBe(hasCueIn(text, from, from + len, cues));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("finds a cue that starts in one block and ends in the next, only when the window holds all of it", () => {
    const text = `${"x ".repeat(1023)}Belarus`; // "Belarus" starts at 2046, across the 2048 boundary
    const cues = [fold("Belarus")];
    const index = CueIndex.of(text, [{ id: "a", name: "A", type: "place", requires: cues }]);
    expect(index.has(2000, text.length, cues)).toBe(true);
    expect(index.has(2000, text.length - 1, cues)).toBe(false);
  });
});

describe("applyContext on long texts", () => {
  const entities: CompiledEntity[] = [
    { id: "place/mir", name: "Mir", type: "place", requiresIds: ["place/minsk"] },
    { id: "place/minsk", name: "Minsk", type: "place" },
    { id: "person/loika", name: "Nasta Loika", type: "person" },
  ];

  it("takes a requiresNearby entity as evidence only within the window, among many mentions", () => {
    // A sentence-initial weak place label needs evidence nearby: "Mir" is also a common word.
    const line = `${"y".repeat(500)}. Mir ${"y".repeat(487)} Minsk\n`; // 1,000 characters
    const far = `${"z ".repeat(700)}. Mir\n`;
    const text = line.repeat(40) + far;
    const minsks = Array.from({ length: 40 }, (_, k) => ({ start: k * 1000 + 994, end: k * 1000 + 999, entity: 1, weak: false }));
    const mirs = Array.from({ length: 40 }, (_, k) => ({ start: k * 1000 + 502, end: k * 1000 + 505, entity: 0, weak: true }));
    const farMir = { start: text.length - 4, end: text.length - 1, entity: 0, weak: true };
    expect(mirs.every((m) => text.slice(m.start, m.end) === "Mir") && text.slice(farMir.start, farMir.end) === "Mir").toBe(true);
    const out = applyContext(text, [...minsks, ...mirs, farMir], entities);
    expect(out).toEqual([...minsks, ...mirs]);
    // Its window is its own line (the paragraph): the previous line's Minsk is not evidence.
    expect(applyContext(text, [minsks[4]!, mirs[4]!], entities)).toEqual([minsks[4], mirs[4]]);
    expect(applyContext(text, [minsks[3]!, mirs[4]!], entities)).toEqual([minsks[3]]);
    expect(applyContext(text, [minsks[5]!, mirs[4]!], entities)).toEqual([minsks[5]]);
  });

  it("accepts a surname alone only when the same person is named in full elsewhere", () => {
    const text = `${"a ".repeat(2000)}Nasta Loika said. ${"b ".repeat(2000)}then Loika left.`;
    const full = { start: 4000, end: 4011, entity: 2, weak: false };
    const at = text.lastIndexOf("Loika");
    const surname = { start: at, end: at + 5, entity: 2, weak: true };
    expect(applyContext(text, [full, surname], entities)).toEqual([full, surname]);
  });
});
