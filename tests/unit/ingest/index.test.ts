import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile, sha256Hex, type IngestResult } from "@/lib/ingest";

const FIXTURES = join(__dirname, "../../fixtures/ingest");
const SEEDS = join(__dirname, "../../../data/seeds");

function file(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function titles(result: IngestResult): string[] {
  if (!result.ok) throw new Error(result.error);
  return result.articles.map((a) => a.title);
}

describe("ingestFile", () => {
  it("reads every seed file, seven articles in all", () => {
    const results = readdirSync(SEEDS)
      .sort()
      .map((name) => ingestFile(name, file(SEEDS, name)));
    expect(results.flatMap(titles)).toHaveLength(7);
    for (const r of results) if (r.ok) for (const a of r.articles) expect(a.source).toBe("seeds");
  });

  it("detects HTML, RSS and Atom by content, whatever the file is called", () => {
    expect(titles(ingestFile("page.html", file(FIXTURES, "news-page.html")))).toEqual(["Minsk courts Beijing as Western doors stay shut"]);
    expect(titles(ingestFile("download", file(FIXTURES, "news-page.html")))).toEqual(["Minsk courts Beijing as Western doors stay shut"]);
    expect(titles(ingestFile("feed.txt", file(FIXTURES, "feed-rss.xml")))).toHaveLength(3);
    expect(titles(ingestFile("feed", file(FIXTURES, "feed-atom.xml")))).toHaveLength(3);
  });

  it("passes the source and page url through", () => {
    const result = ingestFile("x.html", file(FIXTURES, "news-page.html"), { source: "eastern-desk" });
    expect(result.ok && result.articles[0]!.source).toBe("eastern-desk");
    const rss = ingestFile("x.xml", file(FIXTURES, "feed-rss.xml"), { source: "weekly" });
    expect(rss.ok && rss.articles.map((a) => a.source)).toEqual(["weekly", "weekly", "weekly"]);
  });

  it("passes the Latin-script default language through", () => {
    const result = ingestFile("pl.txt", encode("Łukaszenka w Mińsku\n\nPrezydent spotkał się z ambasadorami."), { latinDefault: "pl" });
    expect(result.ok && result.articles[0]!.lang).toBe("pl");
  });

  it("reads a UTF-8 file with a byte order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("Title line\n\nBody text of the article.")]);
    expect(titles(ingestFile("bom.txt", withBom))).toEqual(["Title line"]);
  });

  it("says so for an empty file", () => {
    expect(ingestFile("empty.txt", file(FIXTURES, "empty.txt"))).toEqual({ ok: false, error: "empty file" });
    expect(ingestFile("blank.txt", encode(" \n\n\t\n"))).toEqual({ ok: false, error: "empty file" });
  });

  it("says so for binary data", () => {
    const binary = { ok: false, error: "not a text file (binary data)" };
    expect(ingestFile("junk.bin", file(FIXTURES, "junk.bin"))).toEqual(binary);
    // Invalid UTF-8 without NUL bytes (Latin-1 "Minsk – Brest").
    expect(ingestFile("latin1.txt", new Uint8Array([0x4d, 0x69, 0x6e, 0x73, 0x6b, 0x20, 0x96, 0x20, 0x42, 0xe9]))).toEqual(binary);
    expect(ingestFile("utf16.txt", new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]))).toEqual(binary);
  });

  it("says so for HTML with no article", () => {
    const result = ingestFile("nav-only.html", file(FIXTURES, "nav-only.html"));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^no article found in this HTML page/) });
  });

  it("says so for XML that is neither RSS nor Atom", () => {
    const result = ingestFile("sitemap.xml", file(FIXTURES, "sitemap.xml"));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/neither RSS nor Atom \(root element <urlset>\)/) });
  });

  it("says so for a seed file with no title", () => {
    const text = "This page starts with a long paragraph and never prints a headline above its text, which a title needs. ".repeat(4);
    const result = ingestFile("notitle.txt", encode(text));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^no title found/) });
  });

  it("validates every article and names the failing field", () => {
    const longDate = `${"x".repeat(250)}`;
    const xml = `<rss version="2.0"><channel><item><title>Fine title</title><pubDate>${longDate}</pubDate><description>Text.</description></item></channel></rss>`;
    const result = ingestFile("feed.xml", encode(xml));
    // dateText is cut to the schema's 200 characters, so this one passes...
    expect(result.ok).toBe(true);
    const tooManyParagraphs = `<rss version="2.0"><channel><item><title>Huge</title><description><![CDATA[${"<p>x</p>".repeat(2001)}]]></description></item></channel></rss>`;
    // ...and this one does not: the message names the article and the field.
    expect(ingestFile("feed.xml", encode(tooManyParagraphs))).toEqual({
      ok: false,
      error: expect.stringMatching(/^article 1 "Huge" is invalid: field "paragraphs"/),
    });
  });

  it("exports sha256Hex for the feed writer", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
