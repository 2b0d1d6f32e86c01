/**
 * Shared set-up for browser end-to-end tests: real Debian Chromium driven by playwright-core,
 * with the built extension (.output/chrome-mv3) loaded into a fresh profile, and small HTTP
 * servers on 127.0.0.1 for the test pages.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Worker } from "playwright-core";
import { launchExtension, pointOfText, type ExtensionSession } from "../../scripts/browser";

export { launchExtension, pointOfText, type ExtensionSession };

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

declare global {
  /** The part of Chromium's extension API that e2e tests call inside extension pages. */
  // eslint-disable-next-line no-var
  var chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: Record<string, unknown>): Promise<unknown[]> };
    sidePanel: { getOptions(o: { tabId: number }): Promise<unknown> };
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        remove(key: string): Promise<void>;
      };
    };
  };
}
