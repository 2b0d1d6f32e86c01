/**
 * Shared set-up for browser end-to-end tests: real Debian Chromium driven by playwright-core,
 * with the built extension (.output/chrome-mv3) loaded into a fresh profile, and small HTTP
 * servers on 127.0.0.1 for the test pages.
 */
import { chromium, type BrowserContext, type Worker } from "playwright-core";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";

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
  const profile = mkdtempSync(path.join(tmpdir(), "briefings-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
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

/** The service worker may be restarted by Chromium; this returns the live one. */
export async function currentServiceWorker(session: ExtensionSession): Promise<Worker> {
  const live = session.context.serviceWorkers().find((w) => w.url().includes(session.extensionId));
  return live ?? (await session.context.waitForEvent("serviceworker", { timeout: 30_000 }));
}

export interface Route {
  body: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
  status?: number;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Paths requested so far, in order (to assert what the extension fetched). */
  requests: string[];
}

/** Serves fixed routes (path → response) on 127.0.0.1 at a free port. */
export async function startStaticServer(
  routes: Record<string, Route | ((req: IncomingMessage, res: ServerResponse) => void)>,
): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const p = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(p);
    const route = routes[p];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") {
      route(req, res);
      return;
    }
    res.writeHead(route.status ?? 200, {
      "content-type": route.type ?? "text/html; charset=utf-8",
      ...route.headers,
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Polls a condition until it holds; the machine is shared, so no fixed sleeps. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  accept: (v: T) => boolean,
  { timeout = 30_000, interval = 100, what = "condition" } = {},
): Promise<T> {
  const until = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
