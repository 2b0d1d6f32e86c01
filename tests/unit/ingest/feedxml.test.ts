import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Article } from "@/lib/schema";
import { parseFeedXml } from "@/lib/ingest/feedxml";

const FIXTURES = join(__dirname, "../../fixtures/ingest");
const rss = readFileSync(join(FIXTURES, "feed-rss.xml"), "utf8");
const atom = readFileSync(join(FIXTURES, "feed-atom.xml"), "utf8");

function articles(xml: string, source?: string): Article[] {
  const result = parseFeedXml(xml, source === undefined ? {} : { source });
  if (!result.ok) throw new Error(result.error);
  return result.articles;
}

describe("RSS 2.0", () => {
  const items = articles(rss);

  it("turns every item into an article", () => {
    expect(items.map((a) => a.title)).toEqual([
      "Tsikhanouskaya meets EU foreign ministers in Brussels",
      "Belavia resumes flights to Istanbul",
      "Opposition & exiles: a survey of attitudes",
    ]);
    for (const a of items) {
      expect(Article.safeParse(a).success).toBe(true);
      expect(a.source).toBe("rss");
      expect(a.lang).toBe("en");
    }
  });

  it("converts pubDate and dc:date to ISO and keeps the printed form", () => {
    expect(items.map((a) => a.published)).toEqual(["2024-05-14T10:15:00+02:00", "2024-05-15T07:00:00Z", "2024-05-16T12:00:00Z"]);
    expect(items[0]!.dateText).toBe("Tue, 14 May 2024 10:15:00 +0200");
  });

  it("keeps http(s) links and drops a javascript: link", () => {
    expect(items.map((a) => a.url)).toEqual([
      "https://belarus-weekly.example/2024/05/tsikhanouskaya-brussels",
      undefined,
      "https://belarus-weekly.example/2024/05/survey",
    ]);
    expect(items[1]).not.toHaveProperty("url");
    expect(JSON.stringify(items)).not.toContain("javascript:");
  });

  it("reduces HTML descriptions to text: entities decoded, scripts and tags gone", () => {
    expect(items[0]!.paragraphs).toEqual([
      "Sviatlana Tsikhanouskaya asked the EU to keep sanctions & to support independent media.",
      "Ministers promised a new package of aid.",
    ]);
    const all = JSON.stringify(items);
    expect(all).not.toMatch(/<|&lt;|&amp;|alert|onerror|pixel\.gif/);
  });

  it("prefers content:encoded over a teaser description", () => {
    expect(items[2]!.paragraphs).toEqual([
      "Key findings",
      "Most respondents in Warsaw and Vilnius expect to return to Belarus “when it is safe”.",
      "62% follow news from Minsk daily;",
      "18% have relatives who were detained.",
      "Read the full report.",
    ]);
    expect(items[2]!.summary).toBe("Most respondents in Warsaw and Vilnius expect to return to Belarus “when it is safe”.");
  });

  it("gives stable, distinct ids: by url, or by source, title and date without one", () => {
    expect(articles(rss).map((a) => a.id)).toEqual(items.map((a) => a.id));
    expect(new Set(items.map((a) => a.id)).size).toBe(3);
    const renamed = articles(rss, "weekly");
    // Linked items keep their url-based id; the unlinked one depends on the source.
    expect(renamed[0]!.id).toBe(items[0]!.id);
    expect(renamed[1]!.id).not.toBe(items[1]!.id);
  });

  it("uses the channel language and takes a title from the text when an item has none", () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><language>ru</language>
      <item><description>Лукашенко провёл совещание. Обсуждали урожай.</description><pubDate>Mon, 03 Jun 2024 09:00:00 +0300</pubDate></item>
      <item><title></title></item></channel></rss>`;
    const [only, ...rest] = articles(xml);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ title: "Лукашенко провёл совещание.", lang: "ru", published: "2024-06-03T09:00:00+03:00" });
  });

  it("reports a feed with no items", () => {
    const result = parseFeedXml(`<rss version="2.0"><channel><title>Empty</title></channel></rss>`);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("RSS feed has no <item>") });
  });
});

describe("Atom", () => {
  const entries = articles(atom);

  it("turns every entry into an article with its alternate link", () => {
    expect(entries.map((a) => [a.title, a.url, a.published])).toEqual([
      ["Lukashenko signs new media law", "https://minsk-monitor.example/2024/06/media-law", "2024-06-01T18:30:00+03:00"],
      ["Vilnius hosts Belarusian democratic forces conference", "https://minsk-monitor.example/2024/06/vilnius-conference", "2024-06-01T10:00:00Z"],
      ["Минск и Москва провели совместные учения", "https://minsk-monitor.example/ru/2024/05/ucheniya", "2024-05-30T08:00:00Z"],
    ]);
    for (const a of entries) expect(a.source).toBe("atom");
  });

  it("reads html, xhtml and text content as plain paragraphs", () => {
    expect(entries.map((a) => a.paragraphs)).toEqual([
      ["The law widens the list of “extremist” materials.", "Journalists say it targets bloggers."],
      ["Delegates from twelve countries met in Vilnius.", "The conference adopted a resolution on political prisoners."],
      ["Учения прошли на полигонах под Борисовом.", "Участвовали около пяти тысяч военнослужащих."],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/<|javascript:/);
  });

  it("takes the language from xml:lang of the entry or the feed", () => {
    expect(entries.map((a) => a.lang)).toEqual(["en", "en", "ru"]);
  });
});

describe("other XML", () => {
  it("is refused with the name of its root element", () => {
    const result = parseFeedXml(`<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>`);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("neither an RSS nor an Atom feed (its root element is <urlset>") });
  });
});
