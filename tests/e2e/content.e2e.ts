/**
 * The content script in real Chromium with the built extension: highlights, hover card,
 * keyboard, editable content, infinite scroll, strict CSP, the per-site switch and style
 * isolation. Pages are served from 127.0.0.1 by the test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { currentServiceWorker, launchExtension, pointOfText, startStaticServer, waitFor, type ExtensionSession, type StaticServer } from "./harness";

const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/pages", name), "utf8");
const STRICT_CSP = "default-src 'self'; require-trusted-types-for 'script'";
/** Titles of the seed articles that name Lukashenko (first line of each seed file that has one). */
const SEED_LUKASHENKO_TITLES = [
  "Lukashenko offers to release political prisoners to resume a dialogue with the West",
  "Lukashenko seeks way out of isolation, reopens contacts with EU",
];

let session: ExtensionSession;
let server: StaticServer;

beforeAll(async () => {
  session = await launchExtension();
  server = await startStaticServer({
    "/en.html": { body: fixture("news-en.html") },
    "/ru.html": { body: fixture("news-ru.html") },
    "/editable.html": { body: fixture("editable-only.html") },
    "/infinite.html": { body: fixture("infinite.html") },
    "/infinite.js": { body: fixture("infinite.js"), type: "text/javascript" },
    "/csp.html": { body: fixture("news-en.html"), headers: { "content-security-policy": STRICT_CSP } },
    "/csp-infinite.html": { body: fixture("infinite.html"), headers: { "content-security-policy": STRICT_CSP } },
    "/page.css": { body: fixture("hostile.css"), type: "text/css" },
  });
  // The background compiles the name list on install and stores it for content scripts.
  const worker = await currentServiceWorker(session);
  await waitFor(
    () => worker.evaluate(() => chrome.storage.local.get("matcher").then((r) => Boolean(r.matcher))),
    (ok) => ok,
    { what: "compiled matcher in storage", timeout: 60_000 },
  );
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

/** Evaluated in the page's main world: the highlight registry is per document. */
const highlightCount = (page: Page) => page.evaluate(() => (CSS.highlights.get("briefings-mention") as Highlight | undefined)?.size ?? 0);
const waitForHighlights = (page: Page, atLeast = 1) => waitFor(() => highlightCount(page), (n) => n >= atLeast, { what: `${atLeast} highlighted names` });
const scanDone = (page: Page) =>
  waitFor(() => page.evaluate(() => performance.getEntriesByName("briefings:scan-done").length), (n) => n > 0, { what: "first scan finished" });

interface CardSnapshot {
  name: string;
  box: { top: number; bottom: number; left: number; right: number };
  titles: string[];
  text: string;
  focusInside: boolean;
  color: string;
  fontSize: string;
}
const card = (page: Page) =>
  page.evaluate((): CardSnapshot | null => {
    const host = document.querySelector("briefings-card");
    const el = host?.shadowRoot?.querySelector<HTMLElement>(".bb-card");
    if (!host || !el) return null;
    const style = getComputedStyle(el.querySelector(".bb-name") ?? el);
    const r = el.getBoundingClientRect();
    return {
      name: el.querySelector(".bb-name")?.textContent ?? "",
      box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
      titles: [...el.querySelectorAll(".bb-title")].map((t) => t.textContent ?? ""),
      text: el.textContent ?? "",
      focusInside: host.shadowRoot!.activeElement !== null,
      color: style.color,
      fontSize: style.fontSize,
    };
  });

async function hover(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await pointOfText(page, text);
  if (!point) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return point;
}

/** Centre of `word` inside the first occurrence of `context`. */
async function pointOfWordIn(page: Page, context: string, word: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([ctx, w]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf(ctx) ?? -1;
        if (at < 0) continue;
        const start = at + ctx.indexOf(w);
        const r = document.createRange();
        r.setStart(n, start);
        r.setEnd(n, start + w.length);
        const rect = r.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [context, word] as const,
  );
  if (!point) throw new Error(`"${word}" in "${context}" is not on the page`);
  return point;
}

const pinButton = `.bb-actions button[aria-pressed]`;
const pinPressed = (page: Page) => page.evaluate((sel) => document.querySelector("briefings-card")?.shadowRoot?.querySelector(sel)?.getAttribute("aria-pressed") ?? null, pinButton);
async function pinButtonCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate((sel) => {
    const r = document.querySelector("briefings-card")!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, pinButton);
}

describe("content script in Chromium", () => {
  it("highlights names on an English news page without changing its DOM", async () => {
    const page = await open(`${server.url}/en.html`);
    const before = fixture("news-en.html");
    await waitForHighlights(page, 8);
    const article = await page.evaluate(() => document.querySelector("article")!.innerHTML);
    expect(before).toContain(article.trim().slice(0, 200));
    expect(await page.evaluate(() => document.querySelectorAll("span.briefings-mention").length)).toBe(0);
    await page.close();
  });

  it("highlights inflected names on a Russian page", async () => {
    const page = await open(`${server.url}/ru.html`);
    await waitForHighlights(page, 8);
    await page.close();
  });

  it("opens the card on hover with the entity and a seed briefing, isolated from page styles, and Esc closes it", async () => {
    const page = await open(`${server.url}/en.html`);
    await waitForHighlights(page, 8);
    await page.mouse.move(5, 5);
    const point = await hover(page, "Lukashenka said");
    const shown = await waitFor(() => card(page), (c) => c !== null && c.titles.length > 0, { what: "card with briefings" });
    expect(shown!.name).toBe("Alexander Lukashenko");
    expect(shown!.titles.some((t) => SEED_LUKASHENKO_TITLES.includes(t))).toBe(true);
    // Snippets mark the name, and a seed titled with his name ranks for being named in the title.
    const marked = await page.evaluate(() => [...document.querySelector("briefings-card")!.shadowRoot!.querySelectorAll("mark")].map((m) => m.textContent));
    expect(marked.some((t) => /Lukash/i.test(t ?? ""))).toBe(true);
    expect(shown!.text).toContain("named in the title");
    // Placed next to the name: just below it (or above, when flipped), overlapping it horizontally.
    const gap = Math.min(Math.abs(shown!.box.top - point.y), Math.abs(point.y - shown!.box.bottom));
    expect(gap).toBeLessThan(30);
    expect(shown!.box.left).toBeLessThanOrEqual(point.x);
    expect(shown!.box.right).toBeGreaterThanOrEqual(point.x);
    // The page's `* { color: red !important; font-size: 40px !important }` does not reach inside.
    expect(shown!.color).not.toBe("rgb(255, 0, 0)");
    expect(shown!.fontSize).toBe("15px");
    // Our card styles do not reach the page's element that shares a class name.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById("page-bb")!).position)).toBe("static");
    await page.keyboard.press("Escape");
    await waitFor(() => card(page), (c) => c === null, { what: "card closed" });
    await page.close();
  });

  it("opens a briefing from the card in the reader, with its full text", async () => {
    const page = await open(`${server.url}/en.html`);
    await waitForHighlights(page, 8);
    await page.mouse.move(5, 5);
    await hover(page, "Lukashenka said");
    const shown = await waitFor(() => card(page), (c) => c !== null && c.titles.length > 0, { what: "card with briefings" });
    const title = shown!.titles[0]!;
    const point = await page.evaluate(() => {
      const r = document.querySelector("briefings-card")!.shadowRoot!.querySelector(".bb-title")!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    // Chromium opens it in the tab's side panel; read back which article the panel shows.
    const worker = await currentServiceWorker(session);
    const panelPath = await waitFor(
      () =>
        worker.evaluate(async () => {
          // The extension has no "tabs" permission, so tabs are told apart by being active.
          const [tab] = (await chrome.tabs.query({ active: true, lastFocusedWindow: true })) as Array<{ id?: number }>;
          if (tab?.id === undefined) return "";
          const options = (await chrome.sidePanel.getOptions({ tabId: tab.id })) as { path?: string };
          return options.path ?? "";
        }),
      (p) => p.includes("sidepanel.html?article="),
      { what: "side panel showing the briefing" },
    );
    const reader = await session.context.newPage();
    await reader.goto(`chrome-extension://${session.extensionId}${panelPath}`);
    await reader.locator("h1").waitFor();
    expect(await reader.locator("h1").innerText()).toBe(title);
    expect(await reader.locator("article p").count()).toBeGreaterThan(2);
    await reader.close();
    await page.close();
  });

  it("can be reached with the pointer and pinned; pinned it survives scrolling, unpinned it closes", async () => {
    const page = await open(`${server.url}/en.html`);
    await waitForHighlights(page, 8);
    await page.mouse.move(5, 5);
    const word = await pointOfWordIn(page, "Minsk talks stall", "Minsk");
    await page.mouse.move(word.x, word.y, { steps: 2 });
    await waitFor(() => card(page), (c) => c !== null && c.name === "Minsk", { what: "card for Minsk" });
    // Travel onto the card through blank space and press its pin button.
    const pin = await pinButtonCentre(page);
    await page.mouse.move(pin.x, pin.y, { steps: 4 });
    await page.mouse.click(pin.x, pin.y);
    await waitFor(() => pinPressed(page), (p) => p === "true", { what: "card pinned" });
    await page.mouse.move(5, 5);
    await page.evaluate(() => window.scrollBy(0, 2500));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await card(page))?.name).toBe("Minsk");
    const unpin = await pinButtonCentre(page);
    await page.mouse.click(unpin.x, unpin.y);
    await waitFor(() => pinPressed(page), (p) => p === "false", { what: "card unpinned" });
    await page.evaluate(() => window.scrollBy(0, 10));
    await waitFor(() => card(page), (c) => c === null, { what: "card closed after scrolling away" });
    await page.close();
  });

  it("opens the card of the next name from the keyboard with focus inside, Esc returns focus", async () => {
    const page = await open(`${server.url}/en.html`);
    await waitForHighlights(page, 8);
    await page.evaluate(() => document.querySelector<HTMLAnchorElement>("nav a")!.focus());
    await page.keyboard.press("Alt+Shift+B");
    const shown = await waitFor(() => card(page), (c) => c !== null && c.focusInside, { what: "card opened from the keyboard" });
    expect(shown!.name.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (CSS.highlights.get("briefings-focus") as Highlight | undefined)?.size)).toBe(1);
    await page.keyboard.press("Escape");
    await waitFor(() => card(page), (c) => c === null, { what: "card closed" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("World");
    await page.close();
  });

  it("answers the focus-next-mention command sent by the background", async () => {
    const page = await open(`${server.url}/en.html`);
    await waitForHighlights(page, 8);
    await page.bringToFront();
    const worker = await currentServiceWorker(session);
    // What the background does on the keyboard command: message the active tab.
    await worker.evaluate(async () => {
      type Tabs = { query(q: { active: boolean }): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      const [tab] = await tabs.query({ active: true });
      await tabs.sendMessage(tab!.id!, { type: "focusNextMention" });
    });
    await waitFor(() => card(page), (c) => c !== null && c.focusInside, { what: "card opened by the command" });
    await page.close();
  });

  it("leaves names in inputs, textareas, contenteditable and code alone, byte for byte", async () => {
    const page = await open(`${server.url}/editable.html`);
    const snapshot = () =>
      page.evaluate(() => ({
        input: document.querySelector<HTMLInputElement>("#title")!.value,
        textarea: document.querySelector<HTMLTextAreaElement>("#body")!.value,
        editor: document.querySelector("#editor")!.innerHTML,
        pre: document.querySelector("#pre")!.innerHTML,
        code: document.querySelector("#code")!.innerHTML,
      }));
    const before = await snapshot();
    await scanDone(page);
    expect(await highlightCount(page)).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(before.editor).toBe("<p>Draft: <b>Lukashenka</b> in Minsk, Tsikhanouskaya in Vilnius.</p>");
    await page.close();
  });

  it("highlights names in text appended later (infinite scroll)", async () => {
    const page = await open(`${server.url}/infinite.html`);
    const first = await waitForHighlights(page, 1);
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await waitForHighlights(page, first + 4);
    await page.close();
  });

  it("works on a page with a strict CSP and Trusted Types", async () => {
    const page = await open(`${server.url}/csp.html`);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|TrustedHTML|Trusted Type/i.test(m.text())) violations.push(m.text());
    });
    await waitForHighlights(page, 8);
    await hover(page, "Tsikhanouskaya, who");
    const shown = await waitFor(() => card(page), (c) => c !== null && c.name.length > 0, { what: "card on the CSP page" });
    expect(shown!.name).toBe("Sviatlana Tsikhanouskaya");
    expect(violations).toEqual([]);
    await page.close();
  });

  it("follows appended text on a strict-CSP page too", async () => {
    const page = await open(`${server.url}/csp-infinite.html`);
    const first = await waitForHighlights(page, 1);
    await page.evaluate(() => (window as unknown as { loadMore(): void }).loadMore());
    await waitForHighlights(page, first + 2);
    await page.close();
  });

  it("does nothing on a site that is switched off, and follows the switch live", async () => {
    const worker = await currentServiceWorker(session);
    const setDisabled = (sites: string[]) => worker.evaluate((s) => chrome.storage.local.set({ disabledSites: s }), sites);
    await setDisabled(["localhost"]);
    const offUrl = server.url.replace("127.0.0.1", "localhost") + "/en.html";
    const off = await open(offUrl);
    // The same page on an enabled host, opened at the same time, shows when scanning is done.
    const on = await open(`${server.url}/en.html`);
    await waitForHighlights(on, 8);
    await scanDone(on);
    expect(await highlightCount(off)).toBe(0);
    expect(await off.evaluate(() => document.querySelector("briefings-card"))).toBeNull();
    await setDisabled([]);
    await waitForHighlights(off, 8);
    await setDisabled(["localhost"]);
    await waitFor(() => highlightCount(off), (n) => n === 0, { what: "highlights cleared after switching the site off" });
    expect(await off.evaluate(() => document.querySelector("briefings-card"))).toBeNull();
    await setDisabled([]);
    await off.close();
    await on.close();
  });
});
