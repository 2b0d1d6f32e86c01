// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { Card, type CardState } from "../../../components/Card";
import { cleanMarks } from "../../../components/MarkedText";
import { briefingDateLabel } from "../../../components/briefing-date";
import type { Briefing, LookupResult } from "../../../lib/lookup";

function briefing(n: number, extra: Partial<Briefing> = {}): Briefing {
  return {
    id: `b${n}`,
    title: `Briefing number ${n}`,
    published: `2023-07-${String(10 + n).padStart(2, "0")}`,
    source: "bisc",
    sourceName: "Belarus Security Blog",
    snippet: { text: `Lukashenka said thing ${n}.`, marks: [[0, 10]] },
    score: 1 / n,
    why: ["named in the title", "recent"],
    ...extra,
  };
}

function ready(briefings: Briefing[], total = briefings.length): CardState {
  const result: LookupResult = {
    entity: {
      id: "person/alexander-lukashenko",
      name: "Alexander Lukashenko",
      type: "person",
      description: "President of Belarus since 1994",
      labels: ["Lukashenka", "Лукашенко", "Łukaszenka"],
    },
    total,
    briefings,
  };
  return { entityId: "person/alexander-lukashenko", name: "Lukashenka", status: "ready", result };
}

let root: HTMLElement;
function show(state: CardState, handlers: Partial<{ onTogglePin: () => void; onClose: () => void; onOpenArticle: (b: Briefing) => void }> = {}, pinned = false) {
  root = document.createElement("div");
  document.body.append(root);
  act(() => {
    render(
      <Card state={state} pinned={pinned} onTogglePin={handlers.onTogglePin ?? (() => {})} onClose={handlers.onClose ?? (() => {})} onOpenArticle={handlers.onOpenArticle ?? (() => {})} />,
      root,
    );
  });
  return root;
}

afterEach(() => {
  render(null, root);
  document.body.innerHTML = "";
});

describe("the card", () => {
  it("shows the entity, its type, description and other spellings as a labelled dialog", () => {
    const el = show(ready([briefing(1)]));
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute("aria-label")).toBe("Briefings: Alexander Lukashenko");
    expect(el.querySelector(".bb-name")!.textContent).toBe("Alexander Lukashenko");
    expect(el.querySelector(".bb-type")!.textContent).toBe("Person");
    expect(el.querySelector(".bb-desc")!.textContent).toBe("President of Belarus since 1994");
    expect(el.querySelector(".bb-labels")!.textContent).toBe("Also: Lukashenka, Лукашенко, Łukaszenka");
  });

  it("shows the top three briefings and the rest behind more…", () => {
    const el = show(ready([1, 2, 3, 4, 5].map((n) => briefing(n)), 12));
    expect(el.querySelectorAll(".bb-briefing")).toHaveLength(3);
    expect(el.querySelector(".bb-count")!.textContent).toBe("12 briefings in your archive");
    const more = el.querySelector<HTMLButtonElement>(".bb-more")!;
    expect(more.textContent).toBe("more… (2)");
    act(() => more.click());
    expect([...el.querySelectorAll(".bb-title")].map((t) => t.textContent)).toEqual([1, 2, 3, 4, 5].map((n) => `Briefing number ${n}`));
    expect(el.querySelector(".bb-more")).toBeNull();
  });

  it("renders feed text as text, never as markup", () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = show(ready([briefing(1, { title: hostile, snippet: { text: `${hostile} Lukashenka`, marks: [[hostile.length + 1, hostile.length + 11]] }, sourceName: "<b>src</b>" })]));
    expect(el.querySelector("img")).toBeNull();
    expect(el.querySelector("b")).toBeNull();
    expect(el.querySelector(".bb-title")!.textContent).toBe(hostile);
    expect(el.querySelector(".bb-source")!.textContent).toBe("<b>src</b>");
    expect(el.querySelector(".bb-snippet mark")!.textContent).toBe("Lukashenka");
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("marks the name in the snippet with <mark> elements", () => {
    const el = show(ready([briefing(1, { snippet: { text: "Lukashenka met Łukaszenka's aides", marks: [[15, 25], [0, 10]] } })]));
    const snippet = el.querySelector(".bb-snippet")!;
    expect([...snippet.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Lukashenka", "Łukaszenka"]);
    expect(snippet.textContent).toBe("Lukashenka met Łukaszenka's aides");
  });

  it("links http(s) articles in a new tab and opens archive-only ones through the extension", () => {
    const onOpenArticle = vi.fn();
    const el = show(
      ready([briefing(1, { url: "https://example.org/a" }), briefing(2), briefing(3, { url: "javascript:alert(1)" as string })]),
      { onOpenArticle },
    );
    const [first, second, third] = [...el.querySelectorAll<HTMLElement>(".bb-title")];
    expect(first!.localName).toBe("a");
    expect(first!.getAttribute("href")).toBe("https://example.org/a");
    expect(first!.getAttribute("target")).toBe("_blank");
    expect(first!.getAttribute("rel")).toContain("noopener");
    expect(second!.localName).toBe("button");
    expect(third!.localName).toBe("button");
    expect(el.querySelector('a[href^="javascript"]')).toBeNull();
    act(() => second!.click());
    expect(onOpenArticle).toHaveBeenCalledWith(expect.objectContaining({ id: "b2" }));
  });

  it("says 'undated' when a briefing has no date, and prefers the printed date", () => {
    const el = show(ready([briefing(1, { published: undefined }), briefing(2, { dateText: "July 24 – July 30, 2023" }), briefing(3)]));
    expect([...el.querySelectorAll(".bb-date")].map((d) => d.textContent)).toEqual(["undated", "July 24 – July 30, 2023", "13 Jul 2023"]);
    expect(briefingDateLabel({ published: "not a date" })).toBe("undated");
  });

  it("shows why each briefing was chosen", () => {
    const el = show(ready([briefing(1)]));
    expect(el.querySelector(".bb-why")!.textContent).toBe("Why: named in the title · recent");
  });

  it("has an empty state naming the entity", () => {
    const el = show(ready([], 0));
    expect(el.querySelector(".bb-status")!.textContent).toBe("No briefings in your archive mention Alexander Lukashenko yet.");
  });

  it("has loading and error states", () => {
    let el = show({ entityId: "place/minsk", name: "Minsk", type: "place", status: "loading" });
    expect(el.querySelector('[role="status"]')!.textContent).toContain("Looking up");
    expect(el.querySelector(".bb-type")!.textContent).toBe("Place");
    render(null, root);
    el = show({ entityId: "place/minsk", name: "Minsk", status: "error", message: "The archive is not ready yet." });
    expect(el.querySelector('[role="alert"]')!.textContent).toBe("Could not load briefings: The archive is not ready yet.");
  });

  it("pins and closes through its buttons", () => {
    const onTogglePin = vi.fn();
    const onClose = vi.fn();
    const el = show(ready([briefing(1)]), { onTogglePin, onClose }, true);
    const pin = el.querySelector<HTMLButtonElement>('[aria-pressed]')!;
    expect(pin.getAttribute("aria-pressed")).toBe("true");
    expect(pin.getAttribute("aria-label")).toBe("Unpin card");
    act(() => pin.click());
    act(() => el.querySelector<HTMLButtonElement>('[aria-label="Close card"]')!.click());
    expect(onTogglePin).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("keeps Tab inside the card", () => {
    const el = show(ready([briefing(1, { url: "https://example.org/a" })]));
    const controls = [...el.querySelectorAll<HTMLElement>("a[href], button")];
    const last = controls.at(-1)!;
    last.focus();
    const tab = new KeyboardEvent("keydown", { key: "Tab", bubbles: true, cancelable: true });
    last.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(controls[0]);
    const back = new KeyboardEvent("keydown", { key: "Tab", shiftKey: true, bubbles: true, cancelable: true });
    controls[0]!.dispatchEvent(back);
    expect(document.activeElement).toBe(last);
  });
});

describe("snippet marks", () => {
  it("clips, sorts and merges marks from untrusted data", () => {
    expect(cleanMarks("abcdefghij", [[8, 20], [0, 2], [1, 4], [5, 5], [-3, 1]])).toEqual([[0, 4], [8, 10]]);
  });
});
