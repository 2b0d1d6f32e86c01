import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchExtension, waitFor, type ExtensionSession } from "./harness";

interface Status {
  ok: boolean;
  value?: { articles: number; entities: number; lastSync?: string; syncing: boolean; lastError?: string };
  error?: string;
}

let session: ExtensionSession;
let page: Page;

beforeAll(async () => {
  session = await launchExtension();
  page = await session.context.newPage();
  // An extension page can message the service worker like the popup will.
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
});

afterAll(async () => {
  await session?.close();
});

const getStatus = () => page.evaluate(() => chrome.runtime.sendMessage({ type: "getStatus" }) as Promise<Status>);

describe("background service worker in Chromium", () => {
  it("starts and loads the embedded seed archive on install", async () => {
    const status = await waitFor(getStatus, (s) => s.ok && (s.value?.articles ?? 0) > 0 && !s.value?.syncing, { what: "seed archive loaded" });
    expect(status.value?.articles).toBe(7);
    expect(status.value?.entities).toBeGreaterThanOrEqual(300);
    expect(status.value?.lastError).toBeUndefined();
    expect(status.value?.lastSync).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("answers a malformed message with an error instead of hanging", async () => {
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: "noSuchThing" }) as Promise<Status>);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/noSuchThing/);
  });

  it("hands the compiled name matcher to content scripts through storage", async () => {
    const stored = await waitFor(
      () => page.evaluate(() => chrome.storage.local.get("matcher").then((r: Record<string, unknown>) => (r.matcher ? { version: (r.matcher as { version?: string }).version } : null))),
      (v) => v !== null,
      { what: "matcher in storage.local" },
    );
    expect(typeof stored?.version).toBe("string");
  });

  it("shows the archive size in the popup", async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText("briefings", { exact: false }).first().waitFor();
    const text = await popup.locator("[role=status]").innerText();
    expect(text).toMatch(/^7 briefings · \d{3,} names in your archive/);
    await popup.close();
  });
});
