import { describe, expect, it } from "vitest";
import { resolveFeedFile } from "../../../lib/sync/feed-url";

describe("resolveFeedFile", () => {
  it("resolves relative file names against the manifest", () => {
    expect(resolveFeedFile("https://feeds.example/by/manifest.json", "shards/1-1.ndjson")).toEqual({ ok: true, url: "https://feeds.example/by/shards/1-1.ndjson" });
    expect(resolveFeedFile("chrome-extension://abc/archive/manifest.json", "shards/1-1.ndjson")).toEqual({
      ok: true,
      url: "chrome-extension://abc/archive/shards/1-1.ndjson",
    });
  });

  it("accepts absolute web addresses (a CDN for shards)", () => {
    expect(resolveFeedFile("https://feeds.example/manifest.json", "https://cdn.example/s.ndjson")).toEqual({ ok: true, url: "https://cdn.example/s.ndjson" });
  });

  it("refuses a packaged feed pointing into another extension, and addresses that are not URLs", () => {
    expect(resolveFeedFile("chrome-extension://abc/archive/manifest.json", "//other-extension/x.ndjson")).toMatchObject({ ok: false });
    expect(resolveFeedFile("https://feeds.example/manifest.json", "http://[bad")).toMatchObject({ ok: false, error: expect.stringContaining("not a URL") });
  });
});
