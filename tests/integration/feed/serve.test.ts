import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeedServer, type FeedServer } from "@/lib/feed/serve";
import { validateFeed } from "@/lib/feed/validate";
import { writeFeedPlan } from "@/lib/feed/fs";
import { planFeed } from "@/lib/feed/write";
import { ENTITIES, makeArticle } from "../../unit/feed/make-article";

let base: string;
let feedDir: string;
let server: FeedServer;
let shardUrl: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "feed-serve-"));
  feedDir = path.join(base, "feed");
  // A secret next to the feed directory: the server must never hand it out.
  await writeFile(path.join(base, "package.json"), '{"secret":true}');
  const plan = planFeed(undefined, { archiveId: "t", articles: [makeArticle("a0000001")], gazetteer: ENTITIES, now: () => "2026-01-01T00:00:00Z" });
  const written = await writeFeedPlan(feedDir, plan);
  if (!written.ok) throw new Error(written.error);
  shardUrl = plan.manifest.snapshot.shards[0]!.url;
  await mkdir(path.join(feedDir, "site"));
  await writeFile(path.join(feedDir, "site", "index.html"), "<p>Minsk</p>");
  await writeFile(path.join(feedDir, ".hidden.json"), "{}");
  await symlink(path.join(base, "package.json"), path.join(feedDir, "link.json"));
  server = await startFeedServer(feedDir, { port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise "/../"). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startFeedServer", () => {
  it("serves the manifest as JSON with a strong ETag, no-cache and CORS", async () => {
    const res = await fetch(`${server.url}/manifest.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(JSON.parse(await res.text())).toMatchObject({ format: "briefings-feed/1", seq: 1 });
  });

  it("answers a repeated request carrying the ETag with 304 and no body", async () => {
    const first = await fetch(`${server.url}/manifest.json`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag") ?? "";
    const again = await fetch(`${server.url}/manifest.json`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await fetch(`${server.url}/manifest.json`, { headers: { "If-None-Match": '"0000"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("changes the ETag when the file changes", async () => {
    const file = path.join(feedDir, "site", "index.html");
    const before = (await fetch(`${server.url}/site/index.html`)).headers.get("etag");
    await writeFile(file, "<p>Minsk and Brest, a longer page</p>");
    const res = await fetch(`${server.url}/site/index.html`);
    expect(await res.text()).toContain("Brest");
    expect(res.headers.get("etag")).not.toBe(before);
  });

  it("marks content-addressed shards immutable and serves them as NDJSON", async () => {
    const res = await fetch(`${server.url}/${shardUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toContain('"op":"put"');
  });

  it("serves index.html for a directory", async () => {
    const res = await fetch(`${server.url}/site/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("answers a CORS preflight for If-None-Match", async () => {
    const res = await fetch(`${server.url}/manifest.json`, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/site/../../package.json", "/..%2fpackage.json", "/link.json", "/.hidden.json", "/missing.json", "/%zz"])(
    "answers %s with 404",
    async (rawPath) => {
      const res = await rawGet(rawPath);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain("secret");
    },
  );

  it("refuses methods that would change anything", async () => {
    const res = await fetch(`${server.url}/manifest.json`, { method: "PUT", body: "{}" });
    expect(res.status).toBe(405);
  });

  it("lets the validator check a feed over HTTP", async () => {
    const report = await validateFeed(`${server.url}/`);
    expect(report.problems).toEqual([]);
    expect(report.articles).toBe(1);
    const missing = await validateFeed(`${server.url}/site`);
    expect(missing.problems[0]?.message).toMatch(/HTTP 404/);
  });
});
