// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CardRender, CardView } from "../../../lib/page/controller";
import { startPageSession, type PageSession } from "../../../lib/page/session";
import { DEFAULT_PAGE_SETTINGS } from "../../../lib/page/settings";
import { literalFinder } from "./literal-finder";
import { manualTimers } from "./manual-timers";

let session: PageSession | null = null;
afterEach(() => {
  session?.stop();
  session = null;
  document.body.innerHTML = "";
  document.adoptedStyleSheets = [];
});

function start(html: string) {
  document.body.innerHTML = html;
  const timers = manualTimers();
  const idle: Array<() => void> = [];
  const renders: Array<CardRender | null> = [];
  const host = document.createElement("briefings-card");
  document.body.append(host);
  const view: CardView = { host, render: (c) => void renders.push(c), focusInside: () => {}, place: () => {} };
  session = startPageSession({
    doc: document,
    matcher: literalFinder({ Minsk: "place/minsk", Lukashenka: "person/alexander-lukashenko" }),
    describeEntity: () => undefined,
    settings: DEFAULT_PAGE_SETTINGS,
    view,
    lookup: async () => ({ entity: null, total: 0, briefings: [] }),
    openArticle: () => {},
    timers: {
      // No requestIdleCallback here: the scheduler's timer fallback runs the chunks.
      setTimeout: (cb, ms) => (ms <= 1 ? (idle.push(cb), idle.length) : timers.setTimeout(cb, ms)),
      clearTimeout: timers.clearTimeout,
      requestFrame: timers.requestFrame,
      now: timers.now,
    },
    listen: (target, type, handler, options) => target.addEventListener(type, handler, options),
    forceSpans: true,
  });
  const runIdle = () => {
    while (idle.length) idle.shift()!();
  };
  return { renders, runIdle, timers };
}

describe("page session", () => {
  it("paints what the scanner finds and cleans the page up when stopped", () => {
    const { runIdle } = start(`<p>Lukashenka in <b>Minsk</b></p>`);
    runIdle();
    expect(session!.painter.kind).toBe("spans");
    expect([...document.querySelectorAll("span.briefings-mention")].map((s) => s.textContent)).toEqual(["Lukashenka", "Minsk"]);
    session!.stop();
    session = null;
    expect(document.querySelectorAll("span.briefings-mention")).toHaveLength(0);
    expect(document.querySelector("p")!.textContent).toBe("Lukashenka in Minsk");
  });

  it("opens a card from a pointer over a wrapped name, and a stopped session ignores input", async () => {
    const { runIdle, renders, timers } = start(`<p>Lukashenka in Minsk</p>`);
    runIdle();
    const span = document.querySelector("span.briefings-mention")!;
    span.dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: 1, clientY: 1 }));
    timers.runFrames();
    timers.advance(DEFAULT_PAGE_SETTINGS.hoverDelayMs);
    expect(renders.at(-1)?.state.name).toBe("Lukashenka");
    await vi.waitFor(() => expect(renders.at(-1)?.state.status).toBe("ready"));
    session!.stop();
    session = null;
    const count = renders.length;
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "B", code: "KeyB", altKey: true, shiftKey: true }));
    span.dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: 2, clientY: 2 }));
    timers.runFrames();
    timers.advance(1000);
    expect(renders.length).toBe(count);
  });
});
