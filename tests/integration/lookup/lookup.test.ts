import { afterEach, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { lookupBriefings } from "../../../lib/lookup";
import { taggedText } from "../../../lib/lookup/snippet";
import type { Article, Entity } from "../../../lib/schema";

const LUK = "person/alexander-lukashenko";
const NOW = Date.parse("2026-11-25T00:00:00Z");
let db: BriefingsDB;
let n = 0;

function article(id: string, title: string, paragraphs: string[], published: string | undefined, entityIds: string[], surface = "Lukashenka"): Article {
  const a = { id, title, paragraphs, summary: paragraphs[0] ?? "", published, source: "default", lang: "en" as const, entityIds, mentions: [] as Article["mentions"] };
  const text = taggedText(a);
  const first = text.indexOf(surface);
  const count = text.split(surface).length - 1;
  a.mentions = entityIds.map((e) => ({ entityId: e, count: Math.max(1, count), firstOffset: Math.max(0, first), firstLength: surface.length, inTitle: title.includes(surface) ? 1 : 0 }));
  return a;
}

const luk: Entity = {
  id: LUK, type: "person", name: "Alexander Lukashenko",
  labels: { en: ["Alexander Lukashenko", "Lukashenka"], pl: ["Łukaszenka"], be: ["Лукашэнка"] },
  description: { en: "President of Belarus since 1994.", ru: "Президент Беларуси с 1994 года." },
};

afterEach(async () => {
  db.close();
  await db.delete();
});

async function fresh(): Promise<BriefingsDB> {
  db = openBriefingsDB(`lookup-test-${n++}`);
  await db.open();
  return db;
}

describe("lookupBriefings", () => {
  it("returns the entity, its other spellings and its briefings ranked with snippets", async () => {
    await fresh();
    await db.entities.put(luk);
    await db.sources.put({ id: "default", name: "Belarus Briefings archive", kind: "briefings-feed", enabled: true });
    await db.articles.bulkPut([
      article("aaaaaaaa01", "Regime writes off the UN", ["The UN summit will go on without Lukashenka, who fears arrest."], "2023-07-24", [LUK]),
      article("aaaaaaaa02", "Lukashenka meets Kadyrov", ["President Lukashenka has met with the head of Chechnya."], "2017-10-02", [LUK]),
      article("aaaaaaaa03", "Unrelated", ["Nothing about him."], "2024-01-01", ["place/minsk"]),
    ]);
    const r = await lookupBriefings(db, { type: "lookup", entityId: LUK, pageEntityIds: [] }, { now: NOW });
    expect(r.entity?.name).toBe("Alexander Lukashenko");
    expect(r.entity?.description).toBe("President of Belarus since 1994.");
    expect(r.entity?.labels).toEqual(["Lukashenka", "Łukaszenka", "Лукашэнка"]);
    expect(r.total).toBe(2);
    expect(r.briefings.map((b) => b.id)).toEqual(["aaaaaaaa02", "aaaaaaaa01"]);
    expect(r.briefings[0]?.sourceName).toBe("Belarus Briefings archive");
    const s = r.briefings[1]!.snippet;
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(["Lukashenka"]);
  });

  it("describes the entity in the reader's language when the gazetteer has it", async () => {
    await fresh();
    await db.entities.put(luk);
    const r = await lookupBriefings(db, { type: "lookup", entityId: LUK, pageEntityIds: [] }, { now: NOW, uiLang: "ru" });
    expect(r.entity?.description).toBe("Президент Беларуси с 1994 года.");
    expect(r.briefings).toEqual([]);
    expect(r.total).toBe(0);
  });

  it("answers an unknown entity with no entity and no briefings", async () => {
    await fresh();
    const r = await lookupBriefings(db, { type: "lookup", entityId: "person/nobody", pageEntityIds: [] }, { now: NOW });
    expect(r).toEqual({ entity: null, total: 0, briefings: [] });
  });

  it("ranks up an article sharing entities with the page", async () => {
    await fresh();
    await db.entities.bulkPut([luk, { id: "org/belavia", type: "org", name: "Belavia", labels: { en: ["Belavia"] }, description: { en: "State airline." } }]);
    await db.articles.bulkPut([
      article("bbbbbbbb01", "A", ["Lukashenka spoke."], "2024-01-01", [LUK]),
      article("bbbbbbbb02", "B", ["Lukashenka and Belavia."], "2024-01-01", [LUK, "org/belavia"]),
    ]);
    const r = await lookupBriefings(db, { type: "lookup", entityId: LUK, pageEntityIds: ["org/belavia"] }, { now: NOW });
    expect(r.briefings[0]?.id).toBe("bbbbbbbb02");
    expect(r.briefings[0]?.why).toContain("also about Belavia from this page");
  });
});
