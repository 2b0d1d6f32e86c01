import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPreviousFeed, writeFeedPlan } from "@/lib/feed/fs";
import { planFeed, type FeedInput } from "@/lib/feed/write";
import type { Article } from "@/lib/schema";
import { ENTITIES, makeArticle } from "./make-article";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "feed-fs-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const articles = ["a0000001", "b0000002", "c0000003"].map((id) => makeArticle(id));
const input = (list: Article[]): FeedInput => ({ archiveId: "test", articles: list, gazetteer: ENTITIES, now: () => "2026-01-01T00:00:00.000Z" });

/** One build step as the CLI does it: read the directory, plan, write. */
async function build(list: Article[]) {
  const previous = await readPreviousFeed(dir);
  if (!previous.ok) throw new Error(previous.error);
  const plan = planFeed(previous.previous, input(list));
  const written = await writeFeedPlan(dir, plan);
  if (!written.ok) throw new Error(written.error);
  return { plan, written, warnings: previous.warnings };
}

async function listFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("feed directory", () => {
  it("reads an empty directory as no previous feed", async () => {
    const result = await readPreviousFeed(dir);
    expect(result).toEqual({ ok: true, previous: undefined, warnings: [] });
  });

  it("writes the manifest and every file it references, and reads the snapshot back", async () => {
    const { plan } = await build(articles);
    expect(await readFile(path.join(dir, "manifest.json"), "utf8")).toBe(plan.manifestText);
    expect(await listFiles()).toEqual(["gazetteer.json", "manifest.json", plan.manifest.snapshot.shards[0]!.url].sort());
    const back = await readPreviousFeed(dir);
    expect(back.ok && back.previous?.articles).toEqual(articles);
  });

  it("writes nothing on a second run with the same articles", async () => {
    await build(articles);
    const before = await listFiles();
    const { written } = await build(articles);
    expect(written).toMatchObject({ written: [], removed: [] });
    expect(await listFiles()).toEqual(before);
  });

  it("prunes content files that neither the current nor the previous manifest references", async () => {
    const first = await build(articles);
    const second = await build(articles.slice(1));
    const third = await build(articles.slice(2));
    const firstShard = first.plan.manifest.snapshot.shards[0]!.url;
    expect(third.written.ok && third.written.removed).toContain(firstShard);
    const files = await listFiles();
    expect(files).not.toContain(firstShard);
    expect(files).toContain(second.plan.manifest.snapshot.shards[0]!.url);
    expect(files).toContain(third.plan.manifest.snapshot.shards[0]!.url);
    for (const delta of third.plan.manifest.deltas) expect(files).toContain(delta.url);
  });

  it("leaves files it did not name alone when pruning", async () => {
    await build(articles);
    await writeFile(path.join(dir, "shards", "README.txt"), "kept");
    await build(articles.slice(1));
    await build(articles.slice(2));
    expect(await listFiles()).toContain(path.join("shards", "README.txt"));
  });

  it("warns and rebuilds without a delta when the previous snapshot was tampered with", async () => {
    const { plan } = await build(articles);
    await writeFile(path.join(dir, plan.manifest.snapshot.shards[0]!.url), "garbage\n");
    const next = await build(articles);
    expect(next.warnings.join("\n")).toMatch(/sha256 does not match/);
    expect(next.plan.manifest.seq).toBe(2);
    expect(next.plan.manifest.deltas).toEqual([]);
  });

  it("refuses to overwrite a manifest it cannot understand", async () => {
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify({ format: "something-else" }));
    const result = await readPreviousFeed(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not a briefings feed manifest.*delete the directory/);
  });
});
