import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/schema";
import { MIN_ARTICLE_CHARS, parseHtmlArticle, type HtmlOptions } from "@/lib/ingest/html";

const FIXTURES = join(__dirname, "../../fixtures/ingest");
const newsPage = readFileSync(join(FIXTURES, "news-page.html"), "utf8");
const navOnly = readFileSync(join(FIXTURES, "nav-only.html"), "utf8");

function one(html: string, options?: HtmlOptions): Article {
  const result = parseHtmlArticle(html, options);
  if (!result.ok) throw new Error(result.error);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
}

/** A plain article page with the given head and enough body text to count as an article. */
function page(head: string, body = "", htmlAttrs = ""): string {
  const text = "<p>The Belarusian parliament approved the budget after a short debate on Tuesday. Deputies asked few questions.</p>".repeat(3);
  return `<!doctype html><html ${htmlAttrs}><head><title>Budget approved</title>${head}</head><body><article><h1>Budget approved</h1>${body}${text}</article></body></html>`;
}

describe("parseHtmlArticle", () => {
  const article = one(newsPage);

  it("takes the headline, canonical url and JSON-LD publication date", () => {
    expect(article.title).toBe("Minsk courts Beijing as Western doors stay shut");
    expect(article.url).toBe("https://eastern-desk.example/politics/2024/03/minsk-courts-beijing");
    expect(article.published).toBe("2024-03-05T09:30:00+01:00");
    expect(article.lang).toBe("en");
    expect(article.source).toBe("html");
  });

  it("splits the body at paragraphs, list items, headings and quotes", () => {
    expect(article.paragraphs).toEqual([
      "Belarus has stepped up its diplomatic outreach to China this spring, sending a delegation of ministers to Beijing and promising new logistics contracts along the “Great Stone” industrial park corridor.",
      "Officials in Minsk describe the visits as routine. Analysts say they reflect a narrowing set of options: with Western sanctions still in place, the government has few partners beyond Moscow and Beijing willing to sign long-term deals.",
      "Trade figures tell a mixed story",
      "Exports to China grew last year, but remain dominated by potash and timber. The deals announced this week include:",
      "a rail freight agreement for containers routed through Brest;",
      "a loan of $200 million for a dairy processing plant;",
      "joint research on electric buses at the Minsk Automobile Plant.",
      "“We do not choose between East and West; we choose our own interest,” the foreign minister told reporters.",
      "Critics note that similar promises in 2019 produced only a fraction of the investment announced & that several joint ventures were quietly closed.",
    ]);
  });

  it("leaves out navigation, ads, scripts, footer, byline and caption", () => {
    const text = [article.title, article.summary, ...article.paragraphs].join("\n");
    for (const junk of ["Politics", "Advertisement", "googletag", "dataLayer", "Most read", "All rights reserved", "Anna Kowalska", "Photo: Agency", "Privacy"]) {
      expect(text).not.toContain(junk);
    }
    expect(text).not.toMatch(/[<>]/);
  });

  it("summarises with the first sentences of the body", () => {
    expect(article.summary).toBe(article.paragraphs[0]);
  });

  it("prefers article:published_time, then JSON-LD, then <time>", () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T08:00:00Z"}</script>`;
    const meta = `<meta property="article:published_time" content="2024-01-01T07:00:00+01:00">`;
    const time = `<p><time datetime="2024-01-03">3 January</time></p>`;
    expect(one(page(meta + ld, time)).published).toBe("2024-01-01T07:00:00+01:00");
    expect(one(page(ld, time)).published).toBe("2024-01-02T08:00:00Z");
    expect(one(page("", time)).published).toBe("2024-01-03");
    expect(one(page(`<script type="application/ld+json">{ broken</script>`, time)).published).toBe("2024-01-03");
  });

  it("takes the <h1> headline out of a <title> that adds the site name", () => {
    const text = "<p>The Belarusian parliament approved the budget after a short debate on Tuesday. Deputies asked few questions.</p>".repeat(3);
    const withSite = (title: string): string =>
      `<!doctype html><html><head><title>${title}</title></head><body><h1>Budget approved by parliament</h1><div>${text}</div></body></html>`;
    expect(one(withSite("Budget approved by parliament — Minsk Daily")).title).toBe("Budget approved by parliament");
    expect(one(withSite("Budget approved by parliament | Minsk Daily")).title).toBe("Budget approved by parliament");
  });

  it("never invents a date", () => {
    const article = one(page(`<meta property="article:published_time" content="last week">`));
    expect(article).not.toHaveProperty("published");
  });

  it("keeps only http(s) canonical urls, resolving relative ones against the page url", () => {
    expect(one(page(`<link rel="canonical" href="/2024/budget">`), { url: "https://news.example/x?utm=1" }).url).toBe(
      "https://news.example/2024/budget",
    );
    expect(one(page(`<meta property="og:url" content="https://news.example/og">`)).url).toBe("https://news.example/og");
    expect(one(page(`<link rel="canonical" href="javascript:alert(1)">`))).not.toHaveProperty("url");
    expect(one(page(`<link rel="canonical" href="/relative-without-base">`))).not.toHaveProperty("url");
  });

  it("takes the language from <html lang>, or detects it", () => {
    expect(one(page("", "", 'lang="de-DE"')).lang).toBe("de");
    const ru =
      "<p>Парламент Беларуси одобрил бюджет после короткого обсуждения во вторник. Депутаты почти не задавали вопросов, и заседание закончилось быстро.</p>".repeat(3);
    const html = `<!doctype html><html><head><title>Бюджет одобрен</title></head><body><article><h1>Бюджет одобрен</h1>${ru}</article></body></html>`;
    expect(one(html).lang).toBe("ru");
  });

  it("gives the same id for the same page and hashes the url when there is one", () => {
    expect(one(newsPage).id).toBe(article.id);
    expect(one(page("")).id).not.toBe(article.id);
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("reports a page without an article", () => {
    const result = parseHtmlArticle(navOnly);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^no article found in this HTML page/);
    expect(result.error).toContain(`at least ${MIN_ARTICLE_CHARS}`);
    expect(parseHtmlArticle("<html><body></body></html>").ok).toBe(false);
  });
});
