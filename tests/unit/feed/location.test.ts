import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFeedLocation } from "@/lib/feed/location";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "feed-location-"));
  await writeFile(path.join(dir, "manifest.json"), "{}");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = (r: Awaited<ReturnType<ReturnType<typeof openFeedLocation>["read"]>>) => (r.ok ? new TextDecoder().decode(r.bytes) : r.error);

describe("openFeedLocation", () => {
  it("reads files of a directory given as a path, a file: URL or the manifest's own path", async () => {
    for (const location of [dir, pathToFileURL(dir).href, path.join(dir, "manifest.json")]) {
      expect(text(await openFeedLocation(location).read("manifest.json"))).toBe("{}");
    }
  });

  it("refuses references outside the directory and non-http schemes", async () => {
    const feed = openFeedLocation(dir);
    expect(text(await feed.read("../etc/passwd"))).toMatch(/outside the feed directory/);
    expect(text(await feed.read("javascript:alert(1)"))).toMatch(/unsupported URL scheme/);
  });

  it("resolves references against an http base with or without a trailing slash", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? "");
      res.writeHead(req.url === "/feed/shards/a.ndjson" ? 200 : 404);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(text(await openFeedLocation(`${base}/feed`).read("shards/a.ndjson"))).toBe("ok");
      expect(text(await openFeedLocation(`${base}/feed/manifest.json`).read("shards/a.ndjson"))).toBe("ok");
      expect(text(await openFeedLocation(`${base}/feed/`).read("missing.json"))).toMatch(/HTTP 404 for .*\/feed\/missing\.json/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(["/feed/shards/a.ndjson", "/feed/shards/a.ndjson", "/feed/missing.json"]);
  });

  it("says when a server cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    expect(text(await openFeedLocation(`http://127.0.0.1:${port}/`).read("manifest.json"))).toMatch(/cannot fetch .*ECONNREFUSED/);
  });
});
