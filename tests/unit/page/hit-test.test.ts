// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { caretAtPoint, findMentionAtPoint, isPointInRects } from "../../../lib/page/hit-test";
import { MentionIndex } from "../../../lib/page/mention-index";

const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);

describe("hit testing", () => {
  it("counts a point only inside a box (with a pixel of slack), ignoring empty boxes", () => {
    const boxes = [rect(0, 0, 0, 0), rect(100, 50, 60, 18)];
    expect(isPointInRects(boxes, 130, 60)).toBe(true);
    expect(isPointInRects(boxes, 99.5, 60)).toBe(true);
    expect(isPointInRects(boxes, 170, 60)).toBe(false);
    expect(isPointInRects(boxes, 0, 0)).toBe(false);
    // Two line boxes of a wrapped name: the gap between them is not the name.
    expect(isPointInRects([rect(300, 0, 50, 18), rect(0, 20, 40, 18)], 200, 10)).toBe(false);
  });

  it("prefers the standard caret API and falls back to WebKit's", () => {
    const text = document.createTextNode("Minsk");
    const standard = { caretPositionFromPoint: () => ({ offsetNode: text, offset: 2 }), caretRangeFromPoint: () => null } as unknown as Document;
    expect(caretAtPoint(standard, 1, 1)).toEqual({ node: text, offset: 2 });
    const range = document.createRange();
    document.body.append(text);
    range.setStart(text, 4);
    const webkit = { caretRangeFromPoint: () => range } as unknown as Document;
    expect(caretAtPoint(webkit, 1, 1)).toEqual({ node: text, offset: 4 });
    expect(caretAtPoint({} as Document, 1, 1)).toBeNull();
  });

  it("finds nothing when the caret lands outside indexed text", () => {
    const p = document.createElement("p");
    p.textContent = "no names here";
    document.body.append(p);
    const doc = Object.assign(Object.create(document), { caretPositionFromPoint: () => ({ offsetNode: p, offset: 0 }) }) as Document;
    const index = new MentionIndex();
    expect(findMentionAtPoint(doc, index, 5, 5)).toBeNull();
  });
});
