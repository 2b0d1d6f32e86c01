import { describe, expect, it } from "vitest";
import { Article } from "@/lib/schema";
import { buildArticle } from "@/lib/ingest/build-article";
import { validateArticles } from "@/lib/ingest/validate-articles";

describe("buildArticle", () => {
  it("fills id, summary and detected language, and leaves tagging empty", () => {
    const a = buildArticle({ title: "Встреча в Минске", paragraphs: ["Лукашенко встретился с послами. Обсуждали санкции."], source: "s" });
    expect(a).toMatchObject({ lang: "ru", summary: "Лукашенко встретился с послами. Обсуждали санкции.", entityIds: [], mentions: [] });
    expect(Article.safeParse(a).success).toBe(true);
  });

  it("leaves out absent optional fields instead of storing undefined", () => {
    const a = buildArticle({ title: "T", paragraphs: [], source: "s", published: undefined, url: undefined });
    expect(Object.keys(a).sort()).toEqual(["entityIds", "id", "lang", "mentions", "paragraphs", "source", "summary", "title"]);
  });

  it("uses a declared language over detection", () => {
    expect(buildArticle({ title: "Minsk", paragraphs: ["Text."], source: "s", lang: "pl" }).lang).toBe("pl");
  });
});

describe("validateArticles", () => {
  it("passes valid articles through", () => {
    const a = buildArticle({ title: "T", paragraphs: ["P."], source: "s" });
    expect(validateArticles([a])).toEqual({ ok: true, articles: [a] });
  });

  it("names the article and the field that fails", () => {
    const good = buildArticle({ title: "Good", paragraphs: [], source: "s" });
    const bad = { ...buildArticle({ title: "Bad one", paragraphs: [], source: "s" }), published: "31/05/2016" };
    const result = validateArticles([good, bad]);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^article 2 "Bad one" is invalid: field "published": expected an ISO date/) });
  });
});
