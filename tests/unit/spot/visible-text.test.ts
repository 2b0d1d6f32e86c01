// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { isBlockElement, isSkippedElement, SKIPPED_TAGS, visibleTextOf } from "../../../lib/spot/visible-text";

function el(html: string): Element {
  const host = document.createElement("div");
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe("isSkippedElement", () => {
  it("skips every tag in SKIPPED_TAGS", () => {
    for (const tag of SKIPPED_TAGS) expect(isSkippedElement(document.createElement(tag))).toBe(true);
  });

  it("skips editable, hidden and the card host, keeps aria-hidden and contenteditable=false", () => {
    expect(isSkippedElement(el("<div contenteditable></div>"))).toBe(true);
    expect(isSkippedElement(el('<div contenteditable="plaintext-only"></div>'))).toBe(true);
    expect(isSkippedElement(el('<div contenteditable="false"></div>'))).toBe(false);
    expect(isSkippedElement(el("<p hidden></p>"))).toBe(true);
    expect(isSkippedElement(document.createElement("briefings-card"))).toBe(true);
    expect(isSkippedElement(el('<span aria-hidden="true"></span>'))).toBe(false);
    expect(isSkippedElement(el("<p></p>"))).toBe(false);
  });

  it("tells block from inline elements", () => {
    expect(isBlockElement(el("<p></p>"))).toBe(true);
    expect(isBlockElement(el("<b></b>"))).toBe(false);
  });
});

describe("visibleTextOf (browser DOM)", () => {
  it("separates blocks, joins inline runs, skips hidden parts", () => {
    const root = el('<div><p>Min<b>sk</b></p><p>Brest</p><script>Lida</script><textarea>Mir</textarea><p hidden>Pinsk</p></div>');
    expect(visibleTextOf(root)).toBe("Minsk\n\nBrest");
  });
});
