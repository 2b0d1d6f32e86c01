import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { openBriefingsDB } from "../../../lib/db/database";
import { readMeta, SCHEMA_VERSION } from "../../../lib/db/meta";
import { articlesForEntity } from "../../../lib/db/queries";
import { V1_STORES } from "../../../lib/db/schema-versions";

/** Creates a database exactly as version 1 of the extension left it. */
async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table("articles").bulkPut([
    // Written before entity tagging existed: no entityIds, no mentions.
    { id: "aaaaaa01", title: "Old untagged", source: "default", lang: "en", summary: "s", paragraphs: ["p"], published: "2016-05-31" },
    {
      id: "aaaaaa02",
      title: "Old tagged",
      source: "default",
      lang: "ru",
      summary: "s",
      paragraphs: ["p"],
      published: "2017-01-02",
      entityIds: ["person/alexander-lukashenko", "place/minsk"],
      mentions: [{ entityId: "place/minsk", count: 2, firstOffset: 3 }],
    },
  ]);
  await v1.table("entities").put({ id: "place/minsk", type: "place", name: "Minsk", labels: { en: ["Minsk"] }, description: { en: "Capital." } });
  await v1.table("meta").bulkPut([
    { key: "cursor:web", value: { seq: 7, etag: '"abc"' } },
    { key: "matcherVersion", value: "m1" },
  ]);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe("BriefingsDB schema upgrade", () => {
  it("upgrades a version 1 database: rows intact and queryable by entity", async () => {
    await createV1Database("migrate-v1-a");

    const db = openBriefingsDB("migrate-v1-a");
    await db.open();

    expect(db.verno).toBe(2);
    expect(await db.articles.count()).toBe(2);
    expect((await articlesForEntity(db, "place/minsk")).map((a) => a.id)).toEqual(["aaaaaa02"]);
    expect((await articlesForEntity(db, "person/alexander-lukashenko")).map((a) => a.title)).toEqual(["Old tagged"]);
    const untagged = await db.articles.get("aaaaaa01");
    expect(untagged).toMatchObject({ title: "Old untagged", entityIds: [], mentions: [] });
    expect((await db.articles.get("aaaaaa02"))?.mentions).toEqual([{ entityId: "place/minsk", count: 2, firstOffset: 3 }]);
    expect(await db.entities.get("place/minsk")).toMatchObject({ name: "Minsk" });
    expect(await readMeta(db, SCHEMA_VERSION)).toBe(2);
    db.close();
  });

  it("moves version 1 feed cursors into the sources table so sync resumes", async () => {
    await createV1Database("migrate-v1-b");

    const db = openBriefingsDB("migrate-v1-b");

    expect(await db.sources.get("web")).toEqual({ id: "web", name: "web", kind: "briefings-feed", enabled: true, seq: 7, etag: '"abc"' });
    expect(await db.meta.get("cursor:web")).toBeUndefined();
    expect(await db.meta.get("matcherVersion")).toEqual({ key: "matcherVersion", value: "m1" });
    db.close();
  });

  it("creates a fresh database at the current version", async () => {
    const db = openBriefingsDB("fresh-db");
    await db.open();

    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(["articles", "entities", "meta", "sources"]);
    expect(await readMeta(db, SCHEMA_VERSION)).toBe(2);
    db.close();
  });
});
