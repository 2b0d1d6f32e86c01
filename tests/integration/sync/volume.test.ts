import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { articlesForEntity, counts } from "../../../lib/db/queries";
import { syncFeed } from "../../../lib/sync/sync-feed";
import { article, put, serveFeed, writeFeed, type FeedServer } from "./feed-fixture";

// Archive-sized run (architecture.md §9: first sync of 10k articles, then a 100-article delta).
const ARTICLES = 10_000;
const PER_SHARD = 1_000;

let dir: string;
let server: FeedServer;
let db: BriefingsDB;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "briefings-volume-"));
  server = await serveFeed(dir);
  db = openBriefingsDB("sync-volume");
});
afterAll(async () => {
  db.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const id = (i: number) => `f${String(i).padStart(7, "0")}`;
const body = (i: number) =>
  article(id(i), {
    published: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`,
    paragraphs: Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of briefing ${i}: Lukashenka met officials in Minsk to discuss the economy and sanctions.`),
    entityIds: ["person/alexander-lukashenko", `place/city-${i % 50}`],
  });

describe("sync at archive size", () => {
  it("loads 10,000 articles in shards, then applies a 100-article delta", async () => {
    const shards = Array.from({ length: ARTICLES / PER_SHARD }, (_, s) => Array.from({ length: PER_SHARD }, (_, k) => put(body(s * PER_SHARD + k))));
    await writeFeed(dir, { seq: 1, snapshot: { seq: 1, shards } });

    const t0 = performance.now();
    const first = await syncFeed(db, { id: "web", feedUrl: `${server.url}/manifest.json` });
    const firstMs = performance.now() - t0;

    expect(first).toEqual({ ok: true, seq: 1, applied: 10, upToDate: false });
    expect(await counts(db)).toEqual({ articles: ARTICLES, entities: 0 });
    expect(await db.articles.where("entityIds").equals("place/city-7").count()).toBe(ARTICLES / 50);

    const changed = Array.from({ length: 100 }, (_, k) => put(article(id(k * 7), { title: `Updated ${k}` })));
    await writeFeed(dir, { seq: 2, snapshot: { seq: 1, shards }, deltas: [{ from: 1, to: 2, ops: changed }] });
    const t1 = performance.now();
    const delta = await syncFeed(db, { id: "web", feedUrl: `${server.url}/manifest.json` });
    const deltaMs = performance.now() - t1;

    expect(delta).toEqual({ ok: true, seq: 2, applied: 1, upToDate: false });
    expect((await db.articles.get(id(7)))?.title).toBe("Updated 1");

    const t2 = performance.now();
    const top = await articlesForEntity(db, "person/alexander-lukashenko", 10);
    const queryMs = performance.now() - t2;
    expect(top).toHaveLength(10);

    console.info(`sync volume: first sync ${ARTICLES} articles ${firstMs.toFixed(0)} ms, 100-article delta ${deltaMs.toFixed(0)} ms, top-10 of ${ARTICLES} for one entity ${queryMs.toFixed(0)} ms`);
  });
});
