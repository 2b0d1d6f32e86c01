// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtmlArticle } from "@/lib/ingest/html";

// happy-dom tries to fetch stylesheets of parsed documents and logs a failure; a browser's
// DOMParser never fetches, so the link is left out here.
const newsPage = readFileSync(join(__dirname, "../../fixtures/ingest/news-page.html"), "utf8").replace(
  /<link rel="stylesheet"[^>]*>/,
  "",
);

describe("parseHtmlArticle with a browser Document", () => {
  it("reads a Document from the browser's DOMParser like the same page as text", () => {
    const doc = new DOMParser().parseFromString(newsPage, "text/html");
    const fromDocument = parseHtmlArticle(doc);
    const fromText = parseHtmlArticle(newsPage);
    expect(fromDocument.ok).toBe(true);
    if (!fromDocument.ok || !fromText.ok) return;
    expect(fromDocument.articles).toEqual(fromText.articles);
  });

  it("leaves the page's own document untouched", () => {
    const doc = new DOMParser().parseFromString(newsPage, "text/html");
    const before = doc.documentElement.outerHTML;
    parseHtmlArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector("nav")).not.toBeNull();
  });
});
