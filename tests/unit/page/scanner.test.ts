// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { literalFinder } from "./literal-finder";
import { manualScanner, mentionTexts } from "./scanner-harness";
import { toLiveRange } from "../../../lib/page/mention";
import { CARD_HOST_TAG } from "../../../lib/page/own-ui";

const LABELS = {
  "Alaksandr Lukashenka": "person/alexander-lukashenko",
  Lukashenka: "person/alexander-lukashenko",
  Лукашенко: "person/alexander-lukashenko",
  Minsk: "place/minsk",
  "Sviatlana Tsikhanouskaya": "person/sviatlana-tsikhanouskaya",
};

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

afterEach(() => {
  document.body.innerHTML = "";
  document.designMode = "off";
});

describe("scanning rules", () => {
  it("finds names in ordinary text and maps them back to the exact DOM text", () => {
    const s = manualScanner(page("<article><h1>Minsk talks</h1><p>Lukashenka met envoys in Minsk.</p></article>"), literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    expect(mentionTexts(s.scanner).sort()).toEqual(["Lukashenka", "Minsk", "Minsk"]);
    for (const m of s.scanner.mentions()) expect(toLiveRange(document, m.range).toString()).toBe(m.text);
  });

  it("reads a name split across inline tags as one name", () => {
    const s = manualScanner(page("<p>President <b>Alaksandr</b> <i>Luka</i>shenka spoke.</p>"), literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    const [m] = s.scanner.mentions();
    expect(s.scanner.mentions()).toHaveLength(1);
    expect(m!.text).toBe("Alaksandr Lukashenka");
    expect(m!.nodes.map((n) => n.data)).toEqual(["Alaksandr", " ", "Luka", "shenka spoke."]);
    expect(toLiveRange(document, m!.range).toString()).toBe("Alaksandr Lukashenka");
  });

  it("does not join text across block boundaries", () => {
    const s = manualScanner(page("<div>Alaksandr</div><div>Lukashenka</div>"), literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    expect(mentionTexts(s.scanner)).toEqual(["Lukashenka"]);
  });

  it("skips scripts, styles, code, form fields and everything inside them", () => {
    const s = manualScanner(
      page(`<p>Minsk</p>
        <script>var a = "Minsk";</script><style>.Minsk{}</style>
        <pre>Minsk</pre><code>Lukashenka</code><noscript>Minsk</noscript>
        <textarea>Lukashenka</textarea><select><option>Minsk</option></select>
        <svg><text>Minsk</text></svg>`),
      literalFinder(LABELS),
    );
    s.scanner.start();
    s.runIdle();
    expect(mentionTexts(s.scanner)).toEqual(["Minsk"]);
    expect(s.scanner.mentions()[0]!.nodes[0]!.parentElement!.localName).toBe("p");
  });

  it("never reads editable content, including children of an editable element", () => {
    const html = `<div contenteditable="true"><p>Lukashenka in <b>Minsk</b></p></div><p>Minsk</p>`;
    const s = manualScanner(page(html), literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    expect(mentionTexts(s.scanner)).toEqual(["Minsk"]);
    expect(s.scanner.mentions()[0]!.nodes[0]!.parentElement!.closest("[contenteditable]")).toBeNull();
  });

  it("reads nothing when the whole document is in design mode", () => {
    const doc = page("<p>Minsk</p>");
    doc.designMode = "on";
    const s = manualScanner(doc, literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    expect(s.scanner.mentions()).toHaveLength(0);
  });

  it("skips hidden elements and the card's own host", () => {
    const doc = page(`<p hidden>Minsk</p><p>Lukashenka</p>`);
    const host = doc.createElement(CARD_HOST_TAG);
    host.textContent = "Minsk";
    doc.body.append(host);
    const s = manualScanner(doc, literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    expect(mentionTexts(s.scanner)).toEqual(["Lukashenka"]);
  });
});

describe("chunking", () => {
  it("reads a long page in several idle chunks, each within its time slice", () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i}: Lukashenka visited <b>Minsk</b> again.</p>`).join("");
    const doc = page(paragraphs);
    // Each text read by the matcher costs 0.001 ms per character on the injected clock (1 M
    // chars/s, slower than the real matcher before it is optimised).
    const s = manualScanner(doc, literalFinder(LABELS, (text) => (clockRef.now += text.length * 0.001)), { sliceMs: 8 });
    const clockRef = s.clock;
    s.scanner.start();
    s.runIdle();
    expect(s.scanner.isIdle).toBe(true);
    expect(s.scanner.mentions()).toHaveLength(6000);
    expect(s.chunks.length).toBeGreaterThan(10);
    const longestRun = Math.max(...s.chunks.map((c) => c.endedAt - c.startedAt));
    // A chunk may overrun its slice by at most the clock-check stride (8 text nodes).
    expect(longestRun).toBeLessThan(8 + 8 * 0.05);
    expect(s.chunks.at(-1)!.done).toBe(true);
    expect(s.chunks.slice(0, -1).every((c) => !c.done)).toBe(true);
    // Each paragraph of inline text is read whole, not node by node.
    expect(s.chunks.reduce((n, c) => n + c.textNodes, 0)).toBe(3000);
  });

  it("respects a short idle deadline but still makes progress when none is left", () => {
    const doc = page(Array.from({ length: 2000 }, () => "<p>Minsk</p>").join(""));
    // 0.002 ms per character: 20 ms of matching in all.
    const s = manualScanner(doc, literalFinder(LABELS, (text) => (s.clock.now += text.length * 0.002)), { sliceMs: 20 });
    s.scanner.start();
    const ran = s.runIdle(10_000, 0);
    expect(s.scanner.mentions()).toHaveLength(2000);
    expect(ran).toBeGreaterThan(5);
    // With no idle time left a chunk still works its minimum slice (2 ms), and not much more.
    expect(Math.max(...s.chunks.map((c) => c.endedAt - c.startedAt))).toBeLessThan(2.5);
  });

  it("matches runs in batches, each run alone, and sizes batches by the matcher's speed", () => {
    const doc = page(Array.from({ length: 400 }, (_, i) => `<p>${i} Lukashenka</p>`).join(""));
    const batches: number[] = [];
    const finder = literalFinder(LABELS, (text) => (s.clock.now += text.length * 0.0001));
    const s = manualScanner(doc, { findEach: (texts) => (batches.push(texts.length), finder.findEach(texts)) }, { sliceMs: 8 });
    s.scanner.start();
    s.runIdle();
    expect(s.scanner.mentions()).toHaveLength(400);
    // Every paragraph was read as a text of its own, in far fewer matcher calls.
    expect(finder.texts).toHaveLength(400);
    expect(finder.texts.every((t) => /^\d+ Lukashenka$/.test(t))).toBe(true);
    expect(batches.length).toBeLessThan(20);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(400);
  });
});

describe("following the page", () => {
  it("scans appended text and only the appended part", async () => {
    const doc = page("<main><p>Lukashenka in Minsk</p></main>");
    const finder = literalFinder(LABELS);
    const s = manualScanner(doc, finder);
    s.scanner.start();
    s.runIdle();
    expect(s.scanner.mentions()).toHaveLength(2);
    finder.texts.length = 0;
    const more = doc.createElement("article");
    more.innerHTML = "<p>Later, Sviatlana Tsikhanouskaya answered.</p>";
    doc.querySelector("main")!.append(more);
    await vi.waitFor(() => expect(s.pendingIdle()).toBeGreaterThan(0));
    s.runIdle();
    expect(mentionTexts(s.scanner).sort()).toEqual(["Lukashenka", "Minsk", "Sviatlana Tsikhanouskaya"]);
    expect(finder.texts).toEqual(["Later, Sviatlana Tsikhanouskaya answered."]);
  });

  it("rescans a paragraph whose text changed and forgets its old mentions", async () => {
    const doc = page("<p id=a>Lukashenka spoke</p><p id=b>Minsk</p>");
    const finder = literalFinder(LABELS);
    const s = manualScanner(doc, finder);
    s.scanner.start();
    s.runIdle();
    finder.texts.length = 0;
    doc.querySelector("#a")!.firstChild!.nodeValue = "Nobody spoke";
    await vi.waitFor(() => expect(s.cleared.flat().map((m) => m.text)).toEqual(["Lukashenka"]));
    s.runIdle();
    expect(mentionTexts(s.scanner)).toEqual(["Minsk"]);
    expect(finder.texts).toEqual(["Nobody spoke"]);
  });

  it("clears mentions of removed content without reading anything", async () => {
    const doc = page("<section><p>Lukashenka</p></section><p>Minsk</p>");
    const finder = literalFinder(LABELS);
    const s = manualScanner(doc, finder);
    s.scanner.start();
    s.runIdle();
    finder.texts.length = 0;
    doc.querySelector("section")!.remove();
    await vi.waitFor(() => expect(mentionTexts(s.scanner)).toEqual(["Minsk"]));
    s.runIdle();
    expect(finder.texts).toEqual([]);
  });

  it("ignores changes inside its own card and inside editable content", async () => {
    const doc = page(`<p>Minsk</p><div contenteditable="true"><p id=e>draft</p></div>`);
    const finder = literalFinder(LABELS);
    const s = manualScanner(doc, finder);
    s.scanner.start();
    s.runIdle();
    finder.texts.length = 0;
    const host = doc.createElement(CARD_HOST_TAG);
    doc.body.append(host);
    host.append(doc.createTextNode("Lukashenka"));
    doc.querySelector("#e")!.append(" Lukashenka");
    // A real page change after ours, to know the observer has delivered everything.
    doc.body.append(Object.assign(doc.createElement("p"), { textContent: "Minsk again" }));
    await vi.waitFor(() => expect(s.pendingIdle()).toBeGreaterThan(0));
    s.runIdle();
    expect(finder.texts).toEqual(["Minsk again"]);
  });

  it("stops observing a tab hidden for long and catches up when it is shown", async () => {
    const doc = page("<p>Minsk</p>");
    let visibility: DocumentVisibilityState = "visible";
    Object.defineProperty(doc, "visibilityState", { configurable: true, get: () => visibility });
    const s = manualScanner(doc, literalFinder(LABELS), { hiddenStopMs: 1000 });
    s.scanner.start();
    s.runIdle();
    visibility = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    s.clock.now += 999;
    s.fireTimers();
    expect(s.scanner.isObserving).toBe(true);
    s.clock.now += 1;
    s.fireTimers();
    expect(s.scanner.isObserving).toBe(false);
    doc.body.append(Object.assign(doc.createElement("p"), { textContent: "Lukashenka" }));
    expect(s.pendingIdle()).toBe(0);
    visibility = "visible";
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(s.scanner.isObserving).toBe(true);
    s.runIdle();
    expect(mentionTexts(s.scanner).sort()).toEqual(["Lukashenka", "Minsk"]);
  });

  it("clears everything when stopped", () => {
    const s = manualScanner(page("<p>Minsk and Lukashenka</p>"), literalFinder(LABELS));
    s.scanner.start();
    s.runIdle();
    s.scanner.stop();
    expect(s.scanner.mentions()).toHaveLength(0);
    expect(s.cleared.flat()).toHaveLength(2);
  });
});

describe("a page that keeps changing", () => {
  it("finishes the first scan while the page changes under it, without duplicates", async () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p id=p${i}>Item ${i}: Lukashenka in Minsk.</p>`).join("") + `<p id=clock>0</p>`;
    const doc = page(html);
    const s = manualScanner(doc, literalFinder(LABELS, () => (s.clock.now += 0.2)), { sliceMs: 4 });
    s.scanner.start();
    // One chunk per tick, and between chunks a ticking clock and an edit in the part already read.
    for (let tick = 1; tick <= 60; tick++) {
      s.runIdle(1);
      doc.querySelector("#clock")!.textContent = String(tick);
      if (tick === 3) doc.querySelector("#p1")!.textContent = "Item 1: Hrodna, no names.";
      await vi.waitFor(() => expect(s.pendingIdle()).toBeGreaterThan(0));
    }
    // Every paragraph was read while the page was still changing.
    expect(s.scanner.mentions()).toHaveLength(299 * 2);
    s.runIdle();
    expect(s.scanner.isIdle).toBe(true);
    expect(s.scanner.mentions()).toHaveLength(299 * 2);
    const starts = s.scanner.mentions().map((m) => `${(m.range.startContainer.parentNode as Element).id}:${m.range.startOffset}`);
    expect(new Set(starts).size).toBe(starts.length);
  });
});
