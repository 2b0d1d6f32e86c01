/**
 * Driving the running extension for the archive benchmark: its messages (through an extension
 * page, as the popup sends them), registering a feed source, and stopping its service worker
 * over the DevTools protocol with proof that it really stopped.
 */
import type { CDPSession, Page } from "playwright-core";
import type { ExtensionSession } from "../../scripts/browser";
import { waitUntil } from "../shared/wait-until";

export interface StatusValue {
  articles: number;
  entities: number;
  syncing: boolean;
  lastError?: string;
}


/** An open extension page (the popup's document) to send background messages from. */
export async function openExtensionPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export async function sendToBackground<T>(extensionPage: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await extensionPage.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Reply<T> | undefined;
  if (!reply) throw new Error(`no reply to ${String(message.type)}`);
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.error}`);
  return reply.value;
}

export const status = (extensionPage: Page) => sendToBackground<StatusValue>(extensionPage, { type: "getStatus" });

/**
 * Adds a briefings feed to the extension's `sources` table, the row the background's sync round
 * reads (what adding a feed in the extension stores). Written with plain IndexedDB from the
 * service worker, in the database the extension itself opened.
 */
export async function registerFeedSource(session: ExtensionSession, source: { id: string; name: string; feedUrl: string }): Promise<void> {
  await session.serviceWorker.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("belarus-briefings");
        open.onerror = () => reject(open.error ?? new Error("cannot open the extension's database"));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("sources", "readwrite");
          tx.objectStore("sources").put({ ...row, kind: "briefings-feed", enabled: true });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error("cannot store the feed source"));
        };
      }),
    source,
  );
}

/** Stops the extension's service worker and resolves once DevTools reports it stopped and gone. */
export class ServiceWorkerControl {
  private statuses: string[] = [];
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<ServiceWorkerControl> {
    const cdp = await page.context().newCDPSession(page);
    const control = new ServiceWorkerControl(cdp);
    cdp.on("ServiceWorker.workerVersionUpdated", (e: { versions: Array<{ runningStatus: string; scriptURL: string }> }) => {
      for (const v of e.versions) if (v.scriptURL.startsWith("chrome-extension://")) control.statuses.push(v.runningStatus);
    });
    await cdp.send("ServiceWorker.enable");
    return control;
  }

  async runningWorkers(): Promise<number> {
    const { targetInfos } = (await this.cdp.send("Target.getTargets")) as { targetInfos: Array<{ type: string; url: string }> };
    return targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith("chrome-extension://")).length;
  }

  /** Returns how long the stop took to be confirmed (ms). */
  async stop(): Promise<number> {
    const started = performance.now();
    this.statuses = [];
    await this.cdp.send("ServiceWorker.stopAllWorkers");
    await waitUntil(async () => this.statuses.at(-1) === "stopped" && (await this.runningWorkers()) === 0, Boolean, "service worker stopped", 10_000);
    return performance.now() - started;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

/** Forces a full garbage collection in the page, then reads its JS heap. */
export async function heapAfterGc(page: Page): Promise<{ usedBytes: number; jsHeapUsedSize: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("Performance.enable");
    // Two rounds: the first can free objects whose finalisers release more.
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> };
    return { usedBytes: usage.usedSize, jsHeapUsedSize: metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN };
  } finally {
    await cdp.detach();
  }
}

