/**
 * Facts an HTML page states about itself in markup: publication date, canonical url,
 * language, headline. Read before Readability runs, because Readability removes the
 * <script type="application/ld+json"> blocks that carry JSON-LD.
 */
import type { Lang } from "../schema";
import { safeHttpUrl } from "./http-url";
import { toIsoDate } from "./iso-date";
import { langFromTag } from "./lang";
import { foldToLine } from "./whitespace";

function metaContent(doc: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Every object in the page's JSON-LD blocks, including @graph members and nested objects. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    out.push(obj);
    for (const v of Object.values(obj)) visit(v, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      // Broken JSON-LD is common on real pages; the other date sources still apply.
      continue;
    }
    visit(data, 0);
  }
  return out;
}

const ARTICLE_TYPES = /article|posting|report|blog/i;

function jsonLdString(doc: Document, field: string): string | undefined {
  const objects = jsonLdObjects(doc).filter((o) => typeof o[field] === "string");
  // Prefer the article object over e.g. the WebPage wrapper.
  const article = objects.find((o) => ARTICLE_TYPES.test(String(o["@type"] ?? "")));
  const value = (article ?? objects[0])?.[field];
  return typeof value === "string" ? value : undefined;
}

/**
 * Publication date: <meta property="article:published_time"> (and its common aliases),
 * then JSON-LD datePublished, then <time datetime> (inside <article> when there is one,
 * since sidebars carry times of other stories). Undefined when none gives a valid date.
 */
export function readPublished(doc: Document): string | undefined {
  const candidates = [
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[name="dc.date.issued"]',
      'meta[name="DC.date.issued"]',
    ]),
    jsonLdString(doc, "datePublished"),
    (doc.querySelector("article time[datetime]") ?? doc.querySelector("time[datetime]"))?.getAttribute("datetime"),
  ];
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate);
    if (iso) return iso;
  }
  return undefined;
}

/** Canonical url from <link rel="canonical"> or og:url (http(s) only, relative ones resolved against `base`). */
export function readCanonicalUrl(doc: Document, base?: string): string | undefined {
  for (const link of Array.from(doc.querySelectorAll("link[rel][href]"))) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (!rel.includes("canonical")) continue;
    const url = safeHttpUrl(link.getAttribute("href"), base);
    if (url) return url;
  }
  return safeHttpUrl(metaContent(doc, ['meta[property="og:url"]']), base);
}

/** Language declared by the page (<html lang>, Content-Language, og:locale), if it is one we support. */
export function readDeclaredLang(doc: Document): Lang | undefined {
  return (
    langFromTag(doc.documentElement?.getAttribute("lang")) ??
    langFromTag(doc.documentElement?.getAttribute("xml:lang")) ??
    langFromTag(metaContent(doc, ['meta[http-equiv="content-language"]', 'meta[http-equiv="Content-Language"]'])) ??
    langFromTag(metaContent(doc, ['meta[property="og:locale"]']))
  );
}

/** The headline the page declares for sharing (og:title, JSON-LD headline), without the site name. */
export function readDeclaredTitle(doc: Document): string | undefined {
  const raw = metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? jsonLdString(doc, "headline");
  const title = raw === undefined ? "" : foldToLine(raw);
  return title.length > 0 ? title : undefined;
}

/** Texts of the page's <h1> elements, in document order. */
export function readHeadings(doc: Document): string[] {
  return Array.from(doc.querySelectorAll("h1"))
    .map((h) => foldToLine(h.textContent ?? ""))
    .filter((h) => h.length > 0);
}

/**
 * The headline inside a <title> that also carries the site name ("Budget approved — Minsk
 * Daily"): an <h1> whose text the <title> contains. A short <h1> is usually the site logo.
 */
export function headingWithinTitle(headings: string[], title: string): string | undefined {
  return headings.find((h) => h.length >= 10 && h !== title && title.includes(h));
}
