import { describe, expect, it } from "vitest";
import { Article, Entity, FeedOp } from "../../lib/schema";

describe("schema", () => {
  it("rejects a javascript: url on an article", () => {
    const r = Article.safeParse({
      id: "abcdef12", title: "t", url: "javascript:alert(1)", source: "s", lang: "en",
      summary: "", paragraphs: [], entityIds: [], mentions: [],
    });
    expect(r.success).toBe(false);
  });
  it("requires an English description on an entity", () => {
    const r = Entity.safeParse({ id: "place/minsk", type: "place", name: "Minsk", labels: { en: ["Minsk"] }, description: { ru: "x" } });
    expect(r.success).toBe(false);
  });
  it("parses a delete op", () => {
    expect(FeedOp.parse({ op: "delete", id: "abc" })).toEqual({ op: "delete", id: "abc" });
  });
});
