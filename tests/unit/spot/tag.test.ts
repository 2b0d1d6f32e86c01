import { describe, expect, it } from "vitest";
import type { Article, Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { createMatcher } from "../../../lib/spot/match";
import { tagArticle, taggedText } from "../../../lib/spot/tag";
import mini from "../../fixtures/spotting/mini-gazetteer.json";

const matcher = createMatcher(compileGazetteer(mini as Entity[]));

const article: Article = {
  id: "article-000001",
  title: "Lukashenka visits Minsk",
  source: "test",
  lang: "en",
  summary: "Lukashenka in the summary is counted apart from the body.",
  paragraphs: ["Minsk greeted Lukashenka.", "Later, Minsk again."],
  entityIds: ["stale/id"],
  mentions: [],
};

describe("tagArticle", () => {
  it("counts mentions over title and paragraphs, in the title and in the summary, and records the first hit", () => {
    const tagged = tagArticle(article, matcher);
    expect(tagged.entityIds).toEqual(["person/alexander-lukashenko", "place/minsk"]);
    expect(tagged.mentions).toEqual([
      { entityId: "person/alexander-lukashenko", count: 2, firstOffset: 0, firstLength: 10, inTitle: 1, inSummary: 1 },
      { entityId: "place/minsk", count: 3, firstOffset: "Lukashenka visits ".length, firstLength: 5, inTitle: 1, inSummary: 0 },
    ]);
    const text = taggedText(article);
    expect(text.slice(tagged.mentions[1]!.firstOffset).startsWith("Minsk")).toBe(true);
  });

  it("leaves the input untouched and clears stale ids", () => {
    const tagged = tagArticle({ ...article, title: "Nothing here", paragraphs: [] }, matcher);
    expect(tagged.entityIds).toEqual([]);
    expect(article.entityIds).toEqual(["stale/id"]);
  });
});
