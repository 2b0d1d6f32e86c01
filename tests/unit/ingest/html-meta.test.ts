import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "@/lib/ingest/dom-parse";
import {
  headingWithinTitle,
  readCanonicalUrl,
  readDeclaredLang,
  readDeclaredTitle,
  readHeadings,
  readPublished,
} from "@/lib/ingest/html-meta";

const doc = (head: string, body = "", attrs = ""): Document =>
  parseHtmlDocument(`<!doctype html><html ${attrs}><head>${head}</head><body>${body}</body></html>`);

describe("page metadata", () => {
  it("finds datePublished in JSON-LD graphs and arrays, preferring the article object", () => {
    const ld = JSON.stringify([
      { "@type": "WebSite", datePublished: "2020-01-01" },
      { "@graph": [{ "@type": "NewsArticle", datePublished: "2024-02-03T04:05:06Z" }] },
    ]);
    expect(readPublished(doc(`<script type="application/ld+json">${ld}</script>`))).toBe("2024-02-03T04:05:06Z");
  });

  it("prefers a <time> inside the article over one in a sidebar", () => {
    const body = `<aside><time datetime="2019-01-01">old</time></aside><article><time datetime="2024-05-06">now</time></article>`;
    expect(readPublished(doc("", body))).toBe("2024-05-06");
    expect(readPublished(doc("", "<p>No date here</p>"))).toBeUndefined();
  });

  it("reads the canonical link among several rel values", () => {
    expect(readCanonicalUrl(doc(`<link rel="alternate" href="https://a.example/amp"><link rel="Canonical" href="https://a.example/c">`))).toBe(
      "https://a.example/c",
    );
  });

  it("reads the declared language and title", () => {
    expect(readDeclaredLang(doc("", "", 'lang="be-BY"'))).toBe("be");
    expect(readDeclaredLang(doc(`<meta property="og:locale" content="uk_UA">`))).toBe("uk");
    expect(readDeclaredLang(doc("", "", 'lang="ja"'))).toBeUndefined();
    expect(readDeclaredTitle(doc(`<meta property="og:title" content="  Minsk\n talks ">`))).toBe("Minsk talks");
    expect(readDeclaredTitle(doc(`<script type="application/ld+json">{"@type":"Article","headline":"From LD"}</script>`))).toBe("From LD");
    expect(readDeclaredTitle(doc(""))).toBeUndefined();
  });

  it("finds the headline inside a title that carries the site name", () => {
    const headings = readHeadings(doc("", "<h1>Logo</h1><h1>Talks resume in Minsk</h1>"));
    expect(headings).toEqual(["Logo", "Talks resume in Minsk"]);
    expect(headingWithinTitle(headings, "Talks resume in Minsk – Daily")).toBe("Talks resume in Minsk");
    expect(headingWithinTitle(headings, "Logo")).toBeUndefined();
    expect(headingWithinTitle(headings, "Something else entirely")).toBeUndefined();
  });
});
