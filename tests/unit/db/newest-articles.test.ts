import type { DBCoreGetManyRequest, DBCoreQueryRequest } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { newestArticlesForEntity } from "../../../lib/db/queries";
import type { Article } from "../../../lib/schema";
import { seededRandom } from "../../../lib/spot/synthetic-gazetteer";
import { hookArticlesTable } from "./articles-table-hook";

let db: BriefingsDB;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A fresh database that counts the article values it hands out (keys are not counted). */
function countingDB(): { db: BriefingsDB; valuesRead: () => number } {
  let values = 0;
  const d = openBriefingsDB(`newest-${++n}`);
  hookArticlesTable(d, (table) => ({
    getMany: async (req: DBCoreGetManyRequest) => {
      const rows = await table.getMany(req);
      values += rows.filter((r) => r !== undefined).length;
      return rows;
    },
    get: async (req) => {
      const row = await table.get(req);
      if (row !== undefined) values++;
      return row;
    },
    query: async (req: DBCoreQueryRequest) => {
      const res = await table.query(req);
      if (req.values) values += res.result.length;
      return res;
    },
    openCursor: async (req) => {
      const cursor = await table.openCursor(req);
      // A value cursor hands out a value per step: count them as a full read.
      if (cursor && req.values) values += await table.count({ trans: req.trans, query: req.query });
      return cursor;
    },
  }));
  db = d;
  return { db: d, valuesRead: () => values };
}

function row(id: string, entityIds: string[], published: string | undefined): Article {
  return { id, title: id, source: "default", lang: "en", summary: "", paragraphs: [], entityIds, mentions: [], ...(published !== undefined ? { published } : {}) };
}

/** The reference: every match, fully sorted (newest first, undated last, ties by id). */
function reference(rows: Article[], entityId: string, limit: number): string[] {
  return rows
    .filter((r) => r.entityIds.includes(entityId))
    .sort((a, b) => {
      if (a.published !== b.published) {
        if (a.published === undefined) return 1;
        if (b.published === undefined) return -1;
        return a.published < b.published ? 1 : -1;
      }
      return a.id < b.id ? -1 : 1;
    })
    .slice(0, limit)
    .map((r) => r.id);
}

/**
 * A skewed archive: one entity in ~half the articles, one in ~5%, one in a handful; few
 * distinct dates (many ties on the same day) and some articles without a date.
 */
function skewedArchive(size: number, seed: number): Article[] {
  const next = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => {
    const ids: string[] = [];
    if (next() < 0.5) ids.push("person/heavy");
    if (next() < 0.05) ids.push("place/mid");
    if (i % 700 === 3) ids.push("org/rare");
    const day = 1 + Math.floor(next() * 28);
    const published = next() < 0.03 ? undefined : `2024-02-${String(day).padStart(2, "0")}`;
    return row(`a${Math.floor(next() * 1e9).toString(36)}x${i}`, ids, published);
  });
}

describe("newestArticlesForEntity", () => {
  it("returns the same articles as a full sort for heavy, mid and rare entities, ties and undated included", async () => {
    // 7000 articles: the heavy entity (~3500) is over the load-all bound and walks the date index.
    for (const seed of [1, 2]) {
      const { db: d } = countingDB();
      const rows = skewedArchive(7000, seed);
      await d.articles.bulkPut(rows);
      for (const entityId of ["person/heavy", "place/mid", "org/rare", "org/absent"]) {
        const matches = rows.filter((r) => r.entityIds.includes(entityId)).length;
        // matches - 5: the walk reads the whole date index and fills up with undated articles.
        for (const limit of [1, 7, 50, 200, Math.max(1, matches - 5), 8000]) {
          const got = await newestArticlesForEntity(d, entityId, limit);
          expect(got.articles.map((a) => a.id), `${entityId} limit ${limit} seed ${seed}`).toEqual(reference(rows, entityId, limit));
          expect(got.total).toBe(rows.filter((r) => r.entityIds.includes(entityId)).length);
        }
      }
      d.close();
      await d.delete();
    }
  });

  it("puts undated matches after every dated one when the dated ones run out", async () => {
    const { db: d } = countingDB();
    const rows = [
      ...Array.from({ length: 3300 }, (_, i) => row(`dated${String(i).padStart(4, "0")}`, ["person/heavy"], `2020-01-${String(1 + (i % 28)).padStart(2, "0")}`)),
      ...Array.from({ length: 30 }, (_, i) => row(`undated${String(i).padStart(3, "0")}`, ["person/heavy"], undefined)),
      ...Array.from({ length: 20 }, (_, i) => row(`other${String(i).padStart(4, "0")}`, [], "2021-01-01")),
    ];
    await d.articles.bulkPut(rows);

    const got = await newestArticlesForEntity(d, "person/heavy", 3320);

    expect(got.total).toBe(3330);
    expect(got.articles.map((a) => a.id)).toEqual(reference(rows, "person/heavy", 3320));
    expect(got.articles.slice(3300).every((a) => a.published === undefined)).toBe(true);
  });

  it("reads only about `limit` articles when the entity is tagged in most of the archive", async () => {
    const { db: d, valuesRead } = countingDB();
    const rows = Array.from({ length: 4000 }, (_, i) =>
      row(`b${String(i).padStart(6, "0")}`, i % 5 === 0 ? ["place/minsk"] : ["person/heavy", "place/minsk"], new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString()),
    );
    await d.articles.bulkPut(rows);
    const before = valuesRead();

    const got = await newestArticlesForEntity(d, "person/heavy", 20);

    expect(got.total).toBe(3200);
    expect(got.articles.map((a) => a.id)).toEqual(reference(rows, "person/heavy", 20));
    expect(valuesRead() - before).toBe(20);
  });

  it("returns nothing but the count for a limit of 0", async () => {
    const { db: d, valuesRead } = countingDB();
    await d.articles.bulkPut([row("cccccc01", ["place/minsk"], "2020-01-01"), row("cccccc02", ["place/minsk"], undefined)]);
    const before = valuesRead();

    expect(await newestArticlesForEntity(d, "place/minsk", 0)).toEqual({ total: 2, articles: [] });
    expect(valuesRead() - before).toBe(0);
  });
});
