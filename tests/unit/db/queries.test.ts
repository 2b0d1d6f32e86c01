import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { articlesForEntity, counts } from "../../../lib/db/queries";
import type { Article } from "../../../lib/schema";

let db: BriefingsDB;
let n = 0;
beforeEach(() => {
  db = openBriefingsDB(`queries-${++n}`);
});
afterEach(() => db.close());

function row(id: string, entityIds: string[], published?: string): Article {
  return {
    id,
    title: id,
    source: "default",
    lang: "en",
    summary: "",
    paragraphs: [],
    entityIds,
    mentions: [],
    ...(published !== undefined ? { published } : {}),
  };
}

describe("articlesForEntity", () => {
  it("returns the entity's articles newest first, undated last", async () => {
    await db.articles.bulkPut([
      row("aaaaaa01", ["place/minsk"], "2020-01-01"),
      row("aaaaaa02", ["place/minsk", "place/brest"], "2023-05-01"),
      row("aaaaaa03", ["place/brest"], "2024-01-01"),
      row("aaaaaa04", ["place/minsk"]),
    ]);

    expect((await articlesForEntity(db, "place/minsk")).map((a) => a.id)).toEqual(["aaaaaa02", "aaaaaa01", "aaaaaa04"]);
    expect((await articlesForEntity(db, "place/minsk", 2)).map((a) => a.id)).toEqual(["aaaaaa02", "aaaaaa01"]);
    expect(await articlesForEntity(db, "place/grodno")).toEqual([]);
  });

  it("finds the newest among thousands of matches (walks the date index)", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) =>
      row(`bbbbbb${String(i).padStart(4, "0")}`, i % 500 === 0 ? ["place/minsk"] : ["person/x", "place/minsk"], `2000-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z`),
    );
    rows.push(row("cccccc0001", ["person/x"], "2099-01-01"));
    await db.articles.bulkPut(rows);

    const top = await articlesForEntity(db, "place/minsk", 3);

    const expected = rows.filter((r) => r.entityIds.includes("place/minsk")).sort((a, b) => (a.published! < b.published! ? 1 : -1)).slice(0, 3);
    expect(top.map((a) => a.id)).toEqual(expected.map((a) => a.id));
  });
});

describe("counts", () => {
  it("counts articles and entities", async () => {
    await db.articles.bulkPut([row("aaaaaa01", []), row("aaaaaa02", [])]);
    await db.entities.put({ id: "place/minsk", type: "place", name: "Minsk", labels: {}, description: { en: "Capital." } });

    expect(await counts(db)).toEqual({ articles: 2, entities: 1 });
  });
});
