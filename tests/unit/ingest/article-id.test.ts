import { describe, expect, it } from "vitest";
import { articleId } from "@/lib/ingest/article-id";
import { sha256Hex } from "@/lib/ingest/sha256";

describe("articleId", () => {
  it("is the first 16 hex characters of the sha256 of the canonical url when there is one", () => {
    const url = "https://example.org/a";
    expect(articleId({ url, source: "x", title: "T" })).toBe(sha256Hex(url).slice(0, 16));
    // Title and source do not matter once the url identifies the article.
    expect(articleId({ url, source: "y", title: "Other", dateText: "2020" })).toBe(articleId({ url, source: "x", title: "T" }));
  });

  it("hashes source, title and printed date otherwise", () => {
    const base = { source: "seeds", title: "A title", dateText: "May 31, 2016 11:51" };
    expect(articleId(base)).toBe(sha256Hex("seeds\nA title\nMay 31, 2016 11:51").slice(0, 16));
    expect(articleId({ ...base, title: "Another title" })).not.toBe(articleId(base));
    expect(articleId({ ...base, dateText: "June 1, 2016" })).not.toBe(articleId(base));
    expect(articleId({ ...base, source: "other" })).not.toBe(articleId(base));
    expect(articleId({ source: "seeds", title: "A title" })).toMatch(/^[0-9a-f]{16}$/);
  });
});
