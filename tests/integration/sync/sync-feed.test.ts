import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { LAST_SYNC, readMeta } from "../../../lib/db/meta";
import { articlesForEntity, counts } from "../../../lib/db/queries";
import { syncFeed } from "../../../lib/sync/sync-feed";
import type { SyncProgress } from "../../../lib/sync/types";
import { article, del, entity, put, serveFeed, writeFeed, type FeedServer } from "./feed-fixture";

let dir: string;
let server: FeedServer;
let db: BriefingsDB;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefings-feed-"));
  server = await serveFeed(dir);
  db = openBriefingsDB(`sync-test-${++dbCount}`);
});

afterEach(async () => {
  db.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const source = () => ({ id: "web", feedUrl: `${server.url}/manifest.json`, name: "Web feed" });
const ids = async () => (await db.articles.orderBy("id").primaryKeys()).sort();

describe("syncFeed", () => {
  it("loads the snapshot shards and the gazetteer on first sync", async () => {
    await writeFeed(dir, {
      seq: 3,
      snapshot: { seq: 3, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))], [put(article("aaaaaa03"))]] },
      gazetteer: { version: "g1", entities: [entity("person/alexander-lukashenko", "Alexander Lukashenko")] },
    });
    const progress: SyncProgress[] = [];
    const result = await syncFeed(db, source(), fetch, (p) => progress.push(p));

    expect(result).toEqual({ ok: true, seq: 3, applied: 2, upToDate: false });
    expect(await ids()).toEqual(["aaaaaa01", "aaaaaa02", "aaaaaa03"]);
    expect(await counts(db)).toEqual({ articles: 3, entities: 1 });
    expect((await articlesForEntity(db, "person/alexander-lukashenko")).length).toBe(3);
    const row = await db.sources.get("web");
    expect(row).toMatchObject({ seq: 3, archiveId: "test-archive", name: "Web feed", feedUrl: source().feedUrl });
    expect(row?.lastError).toBeUndefined();
    expect(row?.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(await readMeta(db, LAST_SYNC)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(progress).toContainEqual({ phase: "snapshot", done: 2, total: 2 });
    // Articles are stored under the local source id they came from.
    expect((await db.articles.get("aaaaaa01"))?.source).toBe("web");
  });

  it("answers up to date after a 304 for an unchanged manifest, fetching nothing else", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    expect((await syncFeed(db, source())).ok).toBe(true);
    const before = server.log.length;

    const second = await syncFeed(db, source());

    expect(second).toEqual({ ok: true, seq: 1, applied: 0, upToDate: true });
    expect(server.log.slice(before)).toEqual([{ path: "/manifest.json", status: 304 }]);
  });

  it("applies a delta on top of the local seq instead of reloading the snapshot", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 2,
      snapshot: { seq: 2, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02", { title: "Changed" })), put(article("aaaaaa03"))]] },
      deltas: [{ from: 1, to: 2, ops: [put(article("aaaaaa02", { title: "Changed" })), put(article("aaaaaa03"))] }],
    });
    const before = server.log.length;

    const result = await syncFeed(db, source());

    expect(result).toEqual({ ok: true, seq: 2, applied: 1, upToDate: false });
    expect(server.log.slice(before).map((l) => l.path)).toEqual(["/manifest.json", "/deltas/1-2.ndjson"]);
    expect((await db.articles.get("aaaaaa02"))?.title).toBe("Changed");
    expect(await ids()).toEqual(["aaaaaa01", "aaaaaa02", "aaaaaa03"]);
    expect((await db.sources.get("web"))?.seq).toBe(2);
  });

  it("applies a chain of deltas in order", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 3,
      snapshot: { seq: 3, shards: [[put(article("aaaaaa01", { title: "Third" }))]] },
      deltas: [
        { from: 1, to: 2, ops: [put(article("aaaaaa01", { title: "Second" }))] },
        { from: 2, to: 3, ops: [put(article("aaaaaa01", { title: "Third" }))] },
      ],
    });

    const result = await syncFeed(db, source());

    expect(result).toEqual({ ok: true, seq: 3, applied: 2, upToDate: false });
    expect((await db.articles.get("aaaaaa01"))?.title).toBe("Third");
  });

  it("falls back to the snapshot when the delta chain has a gap, dropping articles the snapshot no longer has", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 4,
      snapshot: { seq: 4, shards: [[put(article("aaaaaa02")), put(article("aaaaaa04"))]] },
      // 1→2 was pruned by the publisher: the chain from 1 is broken.
      deltas: [{ from: 2, to: 3, ops: [] }, { from: 3, to: 4, ops: [put(article("aaaaaa04"))] }],
    });
    const before = server.log.length;

    const result = await syncFeed(db, source());

    expect(result).toEqual({ ok: true, seq: 4, applied: 1, upToDate: false });
    expect(server.log.slice(before).map((l) => l.path)).toEqual(["/manifest.json", "/shards/4-1.ndjson"]);
    expect(await ids()).toEqual(["aaaaaa02", "aaaaaa04"]);
  });

  it("keeps another source's articles when a snapshot replaces this source's", async () => {
    await db.articles.put({ ...article("bbbbbb01"), source: "other" });
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });

    await syncFeed(db, source());

    expect(await ids()).toEqual(["aaaaaa01", "bbbbbb01"]);
  });

  it("removes an article on a delete op", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 2,
      snapshot: { seq: 2, shards: [[put(article("aaaaaa02"))]] },
      deltas: [{ from: 1, to: 2, ops: [del("aaaaaa01")] }],
    });

    expect(await syncFeed(db, source())).toMatchObject({ ok: true, seq: 2 });
    expect(await ids()).toEqual(["aaaaaa02"]);
    expect(await articlesForEntity(db, "person/alexander-lukashenko")).toHaveLength(1);
  });

  it("stops at a corrupted shard: the earlier state stays, lastError names the file", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 5,
      snapshot: { seq: 5, shards: [[put(article("aaaaaa05"))], [put(article("aaaaaa06"))]] },
    });
    await writeFile(join(dir, "shards/5-2.ndjson"), JSON.stringify(put(article("eeeeee66"))) + "\n");

    const result = await syncFeed(db, source());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("Snapshot shard 2 of 2");
    expect(result.error).toContain("/shards/5-2.ndjson");
    expect(result.error).toContain("sha256");
    expect(result.error).toContain("stays at seq 1");
    const row = await db.sources.get("web");
    expect(row?.seq).toBe(1);
    expect(row?.lastError).toBe(result.error);
    // Shard 1 was applied on its own; nothing was deleted and nothing of shard 2 was stored.
    expect(await ids()).toEqual(["aaaaaa01", "aaaaaa05"]);
  });

  it("resumes an interrupted snapshot load at the failed shard and then completes it", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, { seq: 5, snapshot: { seq: 5, shards: [[put(article("aaaaaa05"))], [put(article("aaaaaa06"))]] } });
    server.dropMidFile.add("/shards/5-2.ndjson");
    expect((await syncFeed(db, source())).ok).toBe(false);
    server.dropMidFile.clear();
    const before = server.log.length;

    const result = await syncFeed(db, source());

    expect(result).toEqual({ ok: true, seq: 5, applied: 1, upToDate: false });
    expect(server.log.slice(before).map((l) => l.path)).toEqual(["/manifest.json", "/shards/5-2.ndjson"]);
    expect(await ids()).toEqual(["aaaaaa05", "aaaaaa06"]);
    expect((await db.sources.get("web"))?.lastError).toBeUndefined();
    expect(await db.meta.where("key").startsWith("snapshot").count()).toBe(0);
  });

  it("reports a connection dropped mid-delta and applies nothing from that delta", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    const big = Array.from({ length: 200 }, (_, i) => put(article(`cccccc${String(i).padStart(3, "0")}`)));
    await writeFeed(dir, {
      seq: 3,
      snapshot: { seq: 3, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02")), ...big]] },
      deltas: [
        { from: 1, to: 2, ops: [put(article("aaaaaa02"))] },
        { from: 2, to: 3, ops: big },
      ],
    });
    server.dropMidFile.add("/deltas/2-3.ndjson");

    const result = await syncFeed(db, source());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("Delta 2→3");
    expect(result.error).toContain("download was interrupted");
    expect((await db.sources.get("web"))?.seq).toBe(2);
    expect(await ids()).toEqual(["aaaaaa01", "aaaaaa02"]);
  });

  it("rolls back a delta whose write fails half-way and returns the storage error as a value", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 2,
      snapshot: { seq: 2, shards: [[put(article("aaaaaa03"))]] },
      deltas: [{ from: 1, to: 2, ops: [del("aaaaaa01"), put(article("aaaaaa03"))] }],
    });
    const bulkPut = vi.spyOn(db.articles, "bulkPut").mockRejectedValueOnce(new DOMException("disk is full", "QuotaExceededError"));

    const result = await syncFeed(db, source());

    expect(bulkPut).toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("QuotaExceededError") });
    // The delete ran before the failing put in the same transaction: it was rolled back.
    expect(await ids()).toEqual(["aaaaaa01"]);
    expect((await db.sources.get("web"))?.seq).toBe(1);
    bulkPut.mockRestore();
  });

  it("rejects a shard with an invalid article, naming the line and the field", async () => {
    const bad = { ...article("aaaaaa02"), title: "" };
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01")), put(bad)]] } });

    const result = await syncFeed(db, source());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain("Snapshot shard 1 of 1");
    expect(result.error).toContain("line 2");
    expect(result.error).toContain("article.title");
    expect(await counts(db)).toEqual({ articles: 0, entities: 0 });
    expect((await db.sources.get("web"))?.lastError).toBe(result.error);
  });

  it("rejects a javascript: url in an article", async () => {
    const bad = { ...article("aaaaaa02"), url: "javascript:alert(1)" };
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(bad)]] } });

    const result = await syncFeed(db, source());

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("article.url") });
    expect(await db.articles.count()).toBe(0);
  });

  it("rejects a gazetteer with an invalid entity and stores none of it", async () => {
    await writeFeed(dir, {
      seq: 1,
      snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] },
      gazetteer: { version: "g1", entities: [entity("place/minsk", "Minsk"), { id: "Bad Id", type: "place", name: "X", labels: {}, description: { en: "x" } }] },
    });

    const result = await syncFeed(db, source());

    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Gazetteer.*entity 2 \(Bad Id\): id/) });
    expect(await db.entities.count()).toBe(0);
  });

  it("fetches the gazetteer again only when its checksum changes", async () => {
    const minsk = entity("place/minsk", "Minsk");
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] }, gazetteer: { version: "g1", entities: [minsk] } });
    await syncFeed(db, source());
    await writeFeed(dir, {
      seq: 2,
      snapshot: { seq: 2, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))]] },
      deltas: [{ from: 1, to: 2, ops: [put(article("aaaaaa02"))] }],
      gazetteer: { version: "g1", entities: [minsk] },
    });
    let before = server.log.length;
    await syncFeed(db, source());
    expect(server.log.slice(before).map((l) => l.path)).not.toContain("/gazetteer.json");

    await writeFeed(dir, {
      seq: 2,
      snapshot: { seq: 2, shards: [[put(article("aaaaaa01")), put(article("aaaaaa02"))]] },
      gazetteer: { version: "g2", entities: [minsk, entity("place/brest", "Brest")] },
    });
    before = server.log.length;
    await syncFeed(db, source());
    expect(server.log.slice(before).map((l) => l.path)).toEqual(["/manifest.json", "/gazetteer.json"]);
    expect(await db.entities.count()).toBe(2);
  });

  it("reports an unreachable feed with the address, keeping the data", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    const url = source().feedUrl;
    await server.close();

    const result = await syncFeed(db, { id: "web", feedUrl: url });

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(url) });
    expect(await ids()).toEqual(["aaaaaa01"]);
    server = await serveFeed(dir);
  });

  it("reports a manifest that is not a briefings feed", async () => {
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ format: "something-else/2" }));

    const result = await syncFeed(db, source());

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("format") });
  });

  it("reloads the snapshot when the archive id changed, even at the same seq", async () => {
    await writeFeed(dir, { archiveId: "first", seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, { archiveId: "rebuilt", seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa09"))]] } });

    const result = await syncFeed(db, source());

    expect(result).toEqual({ ok: true, seq: 1, applied: 1, upToDate: false });
    expect(await ids()).toEqual(["aaaaaa09"]);
  });

  it("reloads the snapshot at the same seq when forced", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa07"))]] } });

    expect(await syncFeed(db, source(), fetch, undefined, { forceSnapshot: true })).toMatchObject({ ok: true, applied: 1 });
    expect(await ids()).toEqual(["aaaaaa07"]);
  });

  it("empties the source when the snapshot has no shards", async () => {
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("aaaaaa01"))]] } });
    await syncFeed(db, source());
    await writeFeed(dir, { seq: 2, snapshot: { seq: 2, shards: [] } });

    expect(await syncFeed(db, source())).toMatchObject({ ok: true, seq: 2 });
    expect(await db.articles.count()).toBe(0);
  });
});
