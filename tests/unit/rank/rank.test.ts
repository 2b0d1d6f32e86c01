import { describe, expect, it } from "vitest";
import { mentionWeight, rankBriefings, recencyFactor, type RankInput } from "../../../lib/rank";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const E = "person/alexander-lukashenko";

function cand(id: string, published: string | undefined, m: { count: number; inTitle?: number; inSummary?: number }, entityIds: string[] = [E]): RankInput {
  return {
    article: { id, title: id, published, entityIds },
    mention: { entityId: E, firstOffset: 0, ...m },
  };
}

describe("rankBriefings", () => {
  it("puts an article naming the entity in its title above one naming it only in the body", () => {
    const order = rankBriefings([cand("body", "2026-01-01", { count: 3 }), cand("title", "2026-01-01", { count: 1, inTitle: 1 })], { now: NOW, pageEntityIds: [] });
    expect(order.map((r) => r.item.article.id)).toEqual(["title", "body"]);
  });

  it("puts a summary mention above a single body mention and below a title mention", () => {
    const order = rankBriefings(
      [cand("body", "2026-01-01", { count: 1 }), cand("summary", "2026-01-01", { count: 1, inSummary: 1 }), cand("title", "2026-01-01", { count: 1, inTitle: 1 })],
      { now: NOW, pageEntityIds: [] },
    );
    expect(order.map((r) => r.item.article.id)).toEqual(["title", "summary", "body"]);
  });

  it("prefers the newer of two otherwise equal articles", () => {
    const order = rankBriefings([cand("old", "2016-05-31", { count: 2 }), cand("new", "2025-10-01", { count: 2 })], { now: NOW, pageEntityIds: [] });
    expect(order.map((r) => r.item.article.id)).toEqual(["new", "old"]);
  });

  it("lets a strong old analysis beat a passing recent mention", () => {
    const order = rankBriefings([cand("passing", "2026-11-01", { count: 1 }), cand("analysis", "2017-10-02", { count: 6, inTitle: 1, inSummary: 1 })], { now: NOW, pageEntityIds: [] });
    expect(order[0]?.item.article.id).toBe("analysis");
  });

  it("boosts an article that shares other entities with the page and says which", () => {
    const order = rankBriefings(
      [cand("alone", "2024-01-01", { count: 2 }, [E]), cand("shared", "2024-01-01", { count: 2 }, [E, "place/minsk", "org/belavia"])],
      { now: NOW, pageEntityIds: ["place/minsk", "org/belavia"], entityName: (id) => ({ "place/minsk": "Minsk", "org/belavia": "Belavia" })[id] },
    );
    expect(order[0]?.item.article.id).toBe("shared");
    expect(order[0]?.why).toContain("also about Minsk, Belavia from this page");
    expect(order[1]?.why.some((w) => w.startsWith("also about"))).toBe(false);
  });

  it("ranks an undated article below a dated one of the same weight from this year", () => {
    const order = rankBriefings([cand("undated", undefined, { count: 2 }), cand("dated", "2026-06-01", { count: 2 })], { now: NOW, pageEntityIds: [] });
    expect(order.map((r) => r.item.article.id)).toEqual(["dated", "undated"]);
    expect(order[1]?.why).toContain("undated");
  });

  it("explains title, summary and body mentions separately", () => {
    const [r] = rankBriefings([cand("a", "2023-07-24", { count: 5, inTitle: 1, inSummary: 1 })], { now: NOW, pageEntityIds: [] });
    expect(r?.why).toEqual(["named in the title", "named in the summary", "3 mentions in the text", "published 2023-07-24"]);
  });

  it("gives a total, stable order for ties", () => {
    const input = [cand("b", "2020-01-01", { count: 1 }), cand("a", "2020-01-01", { count: 1 }), cand("c", "2020-01-01", { count: 1 })];
    const ids = rankBriefings(input, { now: NOW, pageEntityIds: [] }).map((r) => r.item.article.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(rankBriefings([...input].reverse(), { now: NOW, pageEntityIds: [] }).map((r) => r.item.article.id)).toEqual(ids);
  });
});

describe("weights", () => {
  it("grows body weight sub-linearly", () => {
    const one = mentionWeight({ entityId: E, count: 1, firstOffset: 0 });
    const ten = mentionWeight({ entityId: E, count: 10, firstOffset: 0 });
    expect(ten).toBeGreaterThan(one);
    expect(ten).toBeLessThan(10 * one);
  });
  it("halves the decaying part of recency every two years and never reaches zero", () => {
    const fresh = recencyFactor("2026-11-25", NOW);
    const twoYears = recencyFactor("2024-11-25", NOW);
    expect(fresh).toBeCloseTo(1, 2);
    expect(twoYears).toBeCloseTo(0.2 + 0.8 * 0.5, 2);
    expect(recencyFactor("1990-01-01", NOW)).toBeGreaterThan(0.2);
  });
});
