import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { newestArticlesForEntity } from "../../../lib/db/queries";
import { CANDIDATES, lookupBriefings } from "../../../lib/lookup";
import { clearEntityIndex, isEntityIndexStale, readEntityIndex, refreshEntityIndex } from "../../../lib/lookup/entity-index";
import type { Article, Entity } from "../../../lib/schema";
import { seededRandom } from "../../../lib/spot/synthetic-gazetteer";
import { hookArticlesTable } from "../../unit/db/articles-table-hook";

let db: BriefingsDB;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const LUK = "person/alexander-lukashenko";

function row(id: string, entityIds: string[], published: string | undefined): Article {
  return {
    id,
    title: `Briefing ${id}`,
    source: "feed",
    lang: "en",
    summary: "",
    paragraphs: ["Lukashenka met officials in Minsk."],
    entityIds,
    mentions: entityIds.map((entityId) => ({ entityId, count: 1, firstOffset: 0, firstLength: 10 })),
    ...(published !== undefined ? { published } : {}),
  };
}

/** Head of state in ~half, Minsk in ~10%, a rare name in a few; shared dates and some undated. */
function archive(size: number, seed = 7): Article[] {
  const next = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => {
    const ids = [next() < 0.5 ? LUK : undefined, next() < 0.1 ? "place/minsk" : undefined, i % 400 === 5 ? "org/viasna" : undefined].filter((x): x is string => x !== undefined);
    const published = next() < 0.03 ? undefined : `2023-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`;
    return row(`art${String(i).padStart(5, "0")}`, ids, published);
  });
}

/** A new database; `hook` is installed before it opens (Dexie takes middleware only then). */
async function fresh(hook?: (db: BriefingsDB) => void): Promise<BriefingsDB> {
  db = openBriefingsDB(`entity-index-${++n}`);
  hook?.(db);
  await db.sources.put({ id: "feed", name: "Feed", kind: "briefings-feed", enabled: true, seq: 3, archiveId: "feed" });
  return db;
}

describe("entity index", () => {
  it("holds each entity's count and newest ids exactly as a live query returns them", async () => {
    await fresh();
    await db.articles.bulkPut(archive(1500));

    const build = await refreshEntityIndex(db, 50);

    expect(build).toMatchObject({ built: true, articles: 1500, entities: 3 });
    for (const entityId of [LUK, "place/minsk", "org/viasna", "org/nobody"]) {
      const live = await newestArticlesForEntity(db, entityId, 50);
      expect(await readEntityIndex(db, entityId, 50), entityId).toEqual({ total: live.total, newest: live.articles.map((a) => a.id) });
    }
  });

  it("is unusable before it is built, after a sync moves a cursor, during a snapshot load and when cleared", async () => {
    await fresh();
    await db.articles.bulkPut(archive(200));
    expect(await isEntityIndexStale(db)).toBe(true);
    expect(await readEntityIndex(db, LUK, 10)).toBeUndefined();

    await refreshEntityIndex(db, 10);
    expect(await isEntityIndexStale(db)).toBe(false);
    expect(await readEntityIndex(db, LUK, 10)).toBeDefined();
    // Built with 10 ids per entity: it cannot answer for 20.
    expect(await readEntityIndex(db, LUK, 20)).toBeUndefined();

    await db.sources.update("feed", { seq: 4 });
    expect(await readEntityIndex(db, LUK, 10)).toBeUndefined();
    await refreshEntityIndex(db, 10);
    expect(await readEntityIndex(db, LUK, 10)).toBeDefined();

    await db.meta.put({ key: "snapshotLoad:feed", value: { archiveId: "feed", seq: 5, shards: ["a"] } });
    expect(await isEntityIndexStale(db)).toBe(true);
    expect(await refreshEntityIndex(db, 10)).toMatchObject({ built: false });
    await db.meta.delete("snapshotLoad:feed");
    expect(await isEntityIndexStale(db)).toBe(false);

    await clearEntityIndex(db);
    expect(await readEntityIndex(db, LUK, 10)).toBeUndefined();
  });

  it("writes nothing when a sync moves a cursor while it reads the articles", async () => {
    let moved = false;
    await fresh((d) =>
      hookArticlesTable(d, (table) => ({
        query: async (req) => {
          const res = await table.query(req);
          if (!moved && req.values) {
            moved = true;
            // A delta lands between two pages of the rebuild.
            await Dexie.ignoreTransaction(() => db.sources.update("feed", { seq: 9 }));
          }
          return res;
        },
      })),
    );
    await db.articles.bulkPut(archive(300));

    const build = await refreshEntityIndex(db, 10);

    expect(moved).toBe(true);
    expect(build.built).toBe(false);
    expect(await isEntityIndexStale(db)).toBe(true);
    expect(await db.meta.where("key").startsWith("entityIndex").count()).toBe(0);
  });

  it("gives lookups the same answer as the live query, and asks for a rebuild only when stale", async () => {
    await fresh();
    const luk: Entity = { id: LUK, type: "person", name: "Alexander Lukashenko", labels: { en: ["Lukashenka"] }, description: { en: "President of Belarus." } };
    await db.entities.put(luk);
    await db.articles.bulkPut(archive(1200));
    const req = { type: "lookup" as const, entityId: LUK, pageEntityIds: [LUK, "place/minsk"] };
    let staleCalls = 0;
    const opts = { now: Date.parse("2024-01-01T00:00:00Z"), onStaleIndex: () => staleCalls++ };

    const live = await lookupBriefings(db, req, opts);
    expect(staleCalls).toBe(1);
    await refreshEntityIndex(db, CANDIDATES);
    const indexed = await lookupBriefings(db, req, opts);

    expect(staleCalls).toBe(1);
    expect(indexed).toEqual(live);
    expect(indexed.total).toBe(live.total);
    expect(indexed.total).toBeGreaterThan(500);
  });
});
