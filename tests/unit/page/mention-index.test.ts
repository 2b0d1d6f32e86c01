// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MentionIndex } from "../../../lib/page/mention-index";
import type { PageMention } from "../../../lib/page/mention";

let key = 0;
function mentionIn(node: Text, start: number, end: number, endNode: Text = node): PageMention {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  const nodes = endNode === node ? [node] : [node, endNode];
  return { key: ++key, entityId: "place/minsk", text: range.toString(), range, nodes };
}

describe("mention index", () => {
  it("finds the mention at a caret offset, both edges included", () => {
    const node = document.createTextNode("Minsk and Hrodna and Brest");
    const index = new MentionIndex();
    const minsk = mentionIn(node, 0, 5);
    const hrodna = mentionIn(node, 10, 16);
    index.add(hrodna);
    index.add(minsk);
    expect(index.at(node, 0)).toEqual([minsk]);
    expect(index.at(node, 5)).toEqual([minsk]);
    expect(index.at(node, 7)).toEqual([]);
    expect(index.at(node, 13)).toEqual([hrodna]);
    expect(index.at(node, 16)).toEqual([hrodna]);
    expect(index.at(node, 21)).toEqual([]);
  });

  it("files a mention that spans nodes under each of them and removes it from all", () => {
    const a = document.createTextNode("Alaksandr ");
    const b = document.createTextNode("Lukashenka said");
    // Both in one tree, or a range between them collapses.
    document.createElement("p").append(a, b);
    const index = new MentionIndex();
    const m = mentionIn(a, 0, 10, b);
    index.add(m);
    expect(index.at(a, 3)).toEqual([m]);
    expect(index.at(b, 4)).toEqual([m]);
    expect(index.at(b, 12)).toEqual([]);
    index.remove(m);
    expect(index.at(a, 3)).toEqual([]);
    expect(index.at(b, 4)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it("agrees with a linear scan for any set of non-overlapping mentions", () => {
    const text = "x".repeat(400);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 30 }), fc.integer({ min: 0, max: 400 }), (slots, offset) => {
        const node = document.createTextNode(text);
        const index = new MentionIndex();
        // Slot i covers [10i, 10i + 6): never overlapping, in random insertion order.
        const mentions = slots.map((i) => mentionIn(node, i * 10, i * 10 + 6));
        mentions.forEach((m) => index.add(m));
        const expected = mentions.filter((m) => m.range.startOffset <= offset && offset <= m.range.endOffset);
        expect(new Set(index.at(node, offset))).toEqual(new Set(expected));
      }),
      { numRuns: 200 },
    );
  });
});
