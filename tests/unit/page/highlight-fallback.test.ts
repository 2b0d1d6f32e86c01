// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSpanPainter } from "../../../lib/page/highlight-fallback";
import { FALLBACK_FOCUS_ATTR } from "../../../lib/page/highlight-style";
import { literalFinder } from "./literal-finder";
import { manualScanner } from "./scanner-harness";

const LABELS = { "Alaksandr Lukashenka": "person/alexander-lukashenko", Minsk: "place/minsk", Hrodna: "place/hrodna" };

afterEach(() => {
  document.body.innerHTML = "";
  document.adoptedStyleSheets = [];
});

function paintedPage(html: string) {
  document.body.innerHTML = html;
  const finder = literalFinder(LABELS);
  const s = manualScanner(document, finder);
  const painter = createSpanPainter(document, "underline", (change) => s.scanner.withoutObserving(change));
  s.scanner.events.on("found", ({ mentions }) => painter.add(mentions));
  s.scanner.events.on("cleared", ({ mentions }) => painter.remove(mentions));
  s.scanner.start();
  s.runIdle();
  return { s, painter, finder };
}

describe("span fallback", () => {
  it("wraps each mention, including several in one text node and one split across tags", () => {
    const { s } = paintedPage(`<p>Minsk, Hrodna and Minsk.</p><p><b>Alaksandr</b> Lukashenka</p>`);
    const spans = [...document.querySelectorAll("span.briefings-mention")];
    expect(spans.map((x) => x.textContent)).toEqual(["Minsk", "Hrodna", "Minsk", "Alaksandr", " Lukashenka"]);
    expect(document.body.textContent).toBe("Minsk, Hrodna and Minsk.Alaksandr Lukashenka");
    // Our own wrapping is not mistaken for a page change.
    expect(s.pendingIdle()).toBe(0);
  });

  it("finds the mention from a pointer target inside its span", () => {
    const { painter, s } = paintedPage(`<p>in <i>Hrodna</i> today</p>`);
    const span = document.querySelector("span.briefings-mention")!;
    expect(painter.mentionAt(span.firstChild!.parentElement)).toBe(s.scanner.mentions()[0]);
    expect(painter.mentionAt(document.querySelector("p"))).toBeNull();
  });

  it("marks the focused mention and unmarks it again", () => {
    const { painter, s } = paintedPage(`<p>Minsk and Hrodna</p>`);
    const [minsk] = s.scanner.mentions();
    painter.focus(minsk!);
    expect([...document.querySelectorAll(`[${FALLBACK_FOCUS_ATTR}]`)].map((x) => x.textContent)).toEqual(["Minsk"]);
    painter.focus(null);
    expect(document.querySelectorAll(`[${FALLBACK_FOCUS_ATTR}]`)).toHaveLength(0);
  });

  it("never wraps inside editable content", () => {
    const html = `<div contenteditable="true">Minsk</div><textarea>Minsk</textarea><p>Minsk</p>`;
    paintedPage(html);
    expect(document.querySelector("[contenteditable]")!.innerHTML).toBe("Minsk");
    expect(document.querySelector("textarea")!.value).toBe("Minsk");
    expect(document.querySelectorAll("span.briefings-mention")).toHaveLength(1);
  });

  it("unwraps and rescans when the page edits a wrapped paragraph", async () => {
    const { s } = paintedPage(`<p id=a>Minsk and Hrodna</p>`);
    document.querySelector("#a")!.append(" and Minsk");
    await vi.waitFor(() => expect(s.pendingIdle()).toBeGreaterThan(0));
    s.runIdle();
    expect([...document.querySelectorAll("span.briefings-mention")].map((x) => x.textContent)).toEqual(["Minsk", "Hrodna", "Minsk"]);
    expect(document.querySelector("#a")!.textContent).toBe("Minsk and Hrodna and Minsk");
    expect(s.scanner.mentions()).toHaveLength(3);
  });

  it("leaves the page's text as it was when disposed", () => {
    const { painter } = paintedPage(`<p>Minsk and <b>Hrodna</b></p>`);
    painter.dispose();
    expect(document.querySelectorAll("span.briefings-mention")).toHaveLength(0);
    expect(document.body.innerHTML).toBe("<p>Minsk and <b>Hrodna</b></p>");
  });
});
