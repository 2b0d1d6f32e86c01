import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { isSiteDisabled, readPageStorage, watchPageStorage, type PageStorage } from "../../../entrypoints/content/page-storage";
import { DEFAULT_PAGE_SETTINGS } from "../../../lib/page/settings";

beforeEach(() => fakeBrowser.reset());

describe("what the content script reads from storage", () => {
  it("reads a stored matcher, the switched-off sites and the settings", async () => {
    await fakeBrowser.storage.local.set({
      matcher: { version: "v7", compiled: { format: "briefings-matcher/1" } },
      disabledSites: ["example.org"],
      settings: { hoverDelayMs: 150, highlightStyle: "background" },
    });

    const storage = await readPageStorage("news.example.org");

    expect(storage).toEqual({
      matcher: { version: "v7", compiled: { format: "briefings-matcher/1" } },
      disabledSites: ["example.org"],
      settings: { hoverDelayMs: 150, highlightStyle: "background" },
    });
    expect(isSiteDisabled(storage, "example.org")).toBe(true);
    expect(isSiteDisabled(storage, "news.example.org")).toBe(false);
  });

  it("does not read the matcher for a switched-off site", async () => {
    await fakeBrowser.storage.local.set({ matcher: { version: "v7", compiled: { format: "briefings-matcher/2" } }, disabledSites: ["example.org"] });
    const get = vi.spyOn(fakeBrowser.storage.local, "get");
    const asked = () => JSON.stringify(get.mock.calls);

    expect(await readPageStorage("example.org")).toEqual({ matcher: null, disabledSites: ["example.org"], settings: DEFAULT_PAGE_SETTINGS });
    expect(asked()).not.toContain("matcher");
    expect((await readPageStorage("news.example.org")).matcher).toEqual({ version: "v7", compiled: { format: "briefings-matcher/2" } });
    expect(asked()).toContain("matcher");
    get.mockRestore();
  });

  it("starts with nothing stored: no matcher, no sites off, default settings", async () => {
    expect(await readPageStorage("example.org")).toEqual({ matcher: null, disabledSites: [], settings: DEFAULT_PAGE_SETTINGS });
  });

  it("refuses a damaged matcher entry and damaged values instead of trusting them", async () => {
    await fakeBrowser.storage.local.set({
      matcher: { version: 7, compiled: {} },
      disabledSites: "example.org",
      settings: { hoverDelayMs: -40, highlightStyle: "blink" },
    });
    expect(await readPageStorage("example.org")).toEqual({ matcher: null, disabledSites: [], settings: DEFAULT_PAGE_SETTINGS });

    await fakeBrowser.storage.local.set({ matcher: { version: "v7" }, disabledSites: ["a.example", 3] });
    expect(await readPageStorage("example.org")).toMatchObject({ matcher: null, disabledSites: [] });
  });

  it("reports a change to one of its keys with a fresh read", async () => {
    const seen: Array<{ storage: PageStorage; changed: Set<string> }> = [];
    const stop = watchPageStorage("news.example.org", (storage, changed) => seen.push({ storage, changed }));

    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ disabledSites: ["example.org"] });
    await expect.poll(() => seen.length).toBe(1);
    stop();
    await fakeBrowser.storage.local.set({ disabledSites: [] });
    await readPageStorage("news.example.org"); // as long as a read the stopped watcher would have made

    expect(seen).toHaveLength(1);
    expect(seen[0]!.changed).toEqual(new Set(["disabledSites"]));
    expect(seen[0]!.storage.disabledSites).toEqual(["example.org"]);
  });
});
