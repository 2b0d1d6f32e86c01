/**
 * Launching Debian's Chromium with the built extension, shared by the demo, the benchmarks and
 * the e2e tests (playwright-core drives it; it never downloads a browser of its own).
 */
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const EXTENSION_DIR = path.resolve(".output/chrome-mv3");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium quiet on a machine with no internet (no background fetches, no sync). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=DialMediaRouteProvider",
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchExtension(opts: { headless?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, "manifest.json"))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(path.join(tmpdir(), "briefings-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Centre of the first occurrence of `text` in the page's visible text, for hovering it. */
export async function pointOfText(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent?.indexOf(needle) ?? -1;
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      r.startContainer.parentElement?.scrollIntoView({ block: "center" });
      const rect = r.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
}
