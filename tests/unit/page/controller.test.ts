// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PageController, CLOSE_GRACE_MS, type CardRender, type CardView } from "../../../lib/page/controller";
import type { MentionPainter } from "../../../lib/page/highlight";
import type { PageMention } from "../../../lib/page/mention";
import { PageScanner } from "../../../lib/page/scanner";
import type { LookupResult } from "../../../lib/lookup";
import { DEFAULT_PAGE_SETTINGS, type PageSettings } from "../../../lib/page/settings";
import { literalFinder } from "./literal-finder";
import { manualTimers } from "./manual-timers";

const LABELS = { Lukashenka: "person/alexander-lukashenko", Minsk: "place/minsk" };

function answerFor(entityId: string): LookupResult {
  return {
    entity: { id: entityId, name: entityId === "place/minsk" ? "Minsk" : "Alexander Lukashenko", type: "person", description: "d", labels: [] },
    total: 1,
    briefings: [],
  };
}

interface Rig {
  controller: PageController;
  scanner: PageScanner;
  renders: Array<CardRender | null>;
  focusRing: Array<PageMention | null>;
  lookups: Array<{ entityId: string; pageEntityIds: string[] }>;
  timers: ReturnType<typeof manualTimers>;
  host: HTMLElement;
  settings: PageSettings;
  mention(text: string, nth?: number): PageMention;
  hover(m: PageMention | null): void;
  last(): CardRender | null;
}

let rig: Rig;

function setup(html: string, lookupImpl?: (id: string) => Promise<LookupResult>): Rig {
  document.body.innerHTML = html;
  const timers = manualTimers();
  const idle: Array<() => void> = [];
  const scanner = new PageScanner({
    doc: document,
    matcher: literalFinder(LABELS),
    scheduler: { request: (w) => (idle.push(() => w({ timeRemaining: () => 50 })), () => {}) },
    now: timers.now,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    requestFrame: timers.requestFrame,
  });
  scanner.start();
  while (idle.length) idle.shift()!();
  const host = document.createElement("briefings-card");
  document.body.append(host);
  const renders: Array<CardRender | null> = [];
  const view: CardView = {
    host,
    render: (card) => {
      renders.push(card);
      host.replaceChildren();
      if (card) {
        const button = document.createElement("button");
        button.textContent = card.state.name;
        host.append(button);
      }
    },
    focusInside: () => host.querySelector("button")?.focus(),
    place: () => {},
  };
  const focusRing: Array<PageMention | null> = [];
  const painter: MentionPainter = { kind: "css-highlight", add() {}, remove() {}, focus: (m) => void focusRing.push(m), setStyle() {}, dispose() {} };
  const lookups: Rig["lookups"] = [];
  const r: Rig = {
    scanner,
    renders,
    focusRing,
    lookups,
    timers,
    host,
    settings: { ...DEFAULT_PAGE_SETTINGS },
    controller: undefined as unknown as PageController,
    mention(text, nth = 0) {
      const found = scanner.mentions().filter((m) => m.text === text)[nth];
      if (!found) throw new Error(`no mention ${text}`);
      return found;
    },
    hover(m) {
      scanner.events.emit("pointer", { mention: m, clientX: 1, clientY: 1, timeStamp: timers.now() });
    },
    last: () => renders.at(-1) ?? null,
  };
  r.controller = new PageController({
    doc: document,
    scanner,
    painter,
    view,
    lookup: (entityId, pageEntityIds) => {
      lookups.push({ entityId, pageEntityIds });
      return lookupImpl ? lookupImpl(entityId) : Promise.resolve(answerFor(entityId));
    },
    openArticle: () => {},
    describeEntity: (id) => (id === "place/minsk" ? { name: "Minsk", type: "place" } : undefined),
    settings: () => r.settings,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    requestFrame: timers.requestFrame,
    now: timers.now,
  });
  r.controller.start();
  return r;
}

beforeEach(() => {
  rig = setup(`<input id=field><p>Lukashenka went to Minsk.</p><p>Then Minsk again, and Lukashenka.</p>`);
});

afterEach(() => {
  rig.controller.stop();
  rig.scanner.stop();
  document.body.innerHTML = "";
});

describe("hover", () => {
  it("prefetches on pointer enter and opens only after the hover delay", async () => {
    const m = rig.mention("Lukashenka");
    rig.hover(m);
    expect(rig.lookups).toEqual([{ entityId: "person/alexander-lukashenko", pageEntityIds: ["person/alexander-lukashenko", "place/minsk"] }]);
    rig.timers.advance(299);
    expect(rig.controller.isOpen).toBe(false);
    rig.timers.advance(1);
    expect(rig.controller.isOpen).toBe(true);
    // The prefetched answer is already in: the card shows it without a loading step.
    await vi.waitFor(() => expect(rig.last()?.state.status).toBe("ready"));
    expect(rig.lookups).toHaveLength(1);
  });

  it("uses the configured delay, and a pass-over shorter than it opens nothing", () => {
    rig.settings = { ...rig.settings, hoverDelayMs: 100 };
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(60);
    rig.hover(null);
    rig.timers.advance(500);
    expect(rig.controller.isOpen).toBe(false);
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(100);
    expect(rig.controller.isOpen).toBe(true);
    expect(rig.last()!.state.name).toBe("Minsk");
  });

  it("stays open while the pointer moves onto the card, closes after leaving it", () => {
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    rig.hover(null);
    rig.timers.advance(CLOSE_GRACE_MS / 2);
    rig.host.dispatchEvent(new Event("pointerenter"));
    rig.timers.advance(CLOSE_GRACE_MS * 3);
    expect(rig.controller.isOpen).toBe(true);
    rig.host.dispatchEvent(new Event("pointerleave"));
    rig.timers.advance(CLOSE_GRACE_MS);
    expect(rig.controller.isOpen).toBe(false);
  });

  it("closes on a click outside but not on a click inside the card", () => {
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    rig.host.querySelector("button")!.dispatchEvent(new Event("pointerdown", { bubbles: true, composed: true }));
    expect(rig.controller.isOpen).toBe(true);
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true, composed: true }));
    expect(rig.controller.isOpen).toBe(false);
  });

  it("stays open when pinned: pointer leaving and clicks outside do not close it, Esc does", () => {
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    rig.last()!.onTogglePin();
    expect(rig.last()!.pinned).toBe(true);
    rig.hover(null);
    rig.timers.advance(5000);
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true, composed: true }));
    expect(rig.controller.isOpen).toBe(true);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(rig.controller.isOpen).toBe(false);
  });

  it("shows an error the reader can act on when the lookup fails, and retries on the next hover", async () => {
    rig.controller.stop();
    let fail = true;
    rig = setup(`<p>Minsk</p>`, (id) => (fail ? Promise.reject(new Error("The archive is still syncing.")) : Promise.resolve(answerFor(id))));
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    await vi.waitFor(() => expect(rig.last()?.state).toMatchObject({ status: "error", message: "The archive is still syncing." }));
    rig.last()!.onClose();
    fail = false;
    rig.hover(null);
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    await vi.waitFor(() => expect(rig.last()?.state.status).toBe("ready"));
    expect(rig.lookups).toHaveLength(2);
  });

  it("closes when its name scrolls out of view, unless pinned", () => {
    // happy-dom lays nothing out: every name is outside the (empty) viewport.
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    rig.last()!.onTogglePin();
    window.dispatchEvent(new Event("scroll"));
    rig.timers.runFrames();
    expect(rig.controller.isOpen).toBe(true);
    rig.last()!.onTogglePin();
    window.dispatchEvent(new Event("scroll"));
    rig.timers.runFrames();
    expect(rig.controller.isOpen).toBe(false);
  });

  it("closes when its mention disappears from the page", async () => {
    rig.hover(rig.mention("Minsk"));
    rig.timers.advance(300);
    document.querySelector("p")!.remove();
    await vi.waitFor(() => expect(rig.controller.isOpen).toBe(false));
  });
});

describe("keyboard", () => {
  const shortcut = () => new KeyboardEvent("keydown", { key: "B", code: "KeyB", altKey: true, shiftKey: true, bubbles: true, cancelable: true });

  it("Alt+Shift+B walks the names in page order, opening each card with focus inside", () => {
    const field = document.querySelector<HTMLInputElement>("#field")!;
    field.focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      rig.timers.advance(1000);
      field.dispatchEvent(shortcut());
      order.push(rig.controller.openMention!.text);
      expect(rig.focusRing.at(-1)).toBe(rig.controller.openMention);
      expect(document.activeElement).toBe(rig.host.querySelector("button"));
    }
    expect(order).toEqual(["Lukashenka", "Minsk", "Minsk", "Lukashenka", "Lukashenka"]);
  });

  it("Esc closes the card and returns focus to where it was", () => {
    const field = document.querySelector<HTMLInputElement>("#field")!;
    field.focus();
    field.dispatchEvent(shortcut());
    expect(rig.controller.isOpen).toBe(true);
    const esc = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    rig.host.querySelector("button")!.dispatchEvent(esc);
    expect(rig.controller.isOpen).toBe(false);
    expect(document.activeElement).toBe(field);
    expect(rig.focusRing.at(-1)).toBeNull();
  });

  it("the extension command does the same, and a key press plus its command count once", () => {
    rig.controller.onFocusNextCommand();
    expect(rig.controller.openMention!.text).toBe("Lukashenka");
    rig.timers.advance(1000);
    document.body.dispatchEvent(shortcut());
    rig.controller.onFocusNextCommand();
    expect(rig.controller.openMention!.text).toBe("Minsk");
    expect(rig.scanner.mentions().filter((m) => m === rig.controller.openMention)).toHaveLength(1);
    rig.timers.advance(1000);
    rig.controller.onFocusNextCommand();
    expect(rig.controller.openMention).toBe(rig.mention("Minsk", 1));
  });
});
