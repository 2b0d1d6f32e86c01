/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom feeds → one Article per item/entry. Titles and bodies
 * may carry escaped HTML: it is parsed and only its text kept. Links that are not http(s)
 * (javascript:, data:, …) are dropped; the article then gets an id from its title and date.
 */
import type { Article, Lang } from "../schema";
import { lineFromHtmlOrText, paragraphsFromElement, paragraphsFromHtmlOrText } from "./block-text";
import { buildArticle } from "./build-article";
import { parseXmlDocument } from "./dom-parse";
import { safeHttpUrl } from "./http-url";
import { toIsoDate } from "./iso-date";
import { langFromTag } from "./lang";
import { ingestError, ingestOk, type IngestResult } from "./result";
import { splitSentences } from "./sentences";
import { foldToLine } from "./whitespace";

export interface FeedOptions {
  /** Source id stored on every article (default "rss" or "atom" by feed kind). */
  source?: string;
  /** Language for Latin-script text when the feed declares none (default "en"). */
  latinDefault?: Lang;
}

export type FeedKind = "rss" | "atom";

/** Titles derived from an untitled item's text are cut to this length. */
const DERIVED_TITLE_MAX = 140;

function children(parent: Element, name: string): Element[] {
  const wanted = name.toLowerCase();
  return Array.from(parent.children).filter((c) => c.tagName.toLowerCase() === wanted);
}

function child(parent: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = children(parent, name)[0];
    if (found) return found;
  }
  return undefined;
}

function childText(parent: Element, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = children(parent, name)[0]?.textContent?.trim();
    if (text) return text;
  }
  return undefined;
}

/** Which feed format the document is, by its root element; undefined for any other XML. */
export function feedKindOf(doc: Document): FeedKind | undefined {
  const root = doc.documentElement?.tagName.toLowerCase();
  if (root === "rss" || root === "rdf:rdf") return "rss";
  if (root === "feed") return "atom";
  return undefined;
}

/** Atom text constructs: type="html" is escaped HTML, "xhtml" is inline markup, "text" is plain. */
function atomParagraphs(el: Element): string[] {
  const type = (el.getAttribute("type") ?? "text").toLowerCase();
  if (type === "xhtml") return paragraphsFromElement(el);
  if (type === "html" || type === "text/html") return paragraphsFromHtmlOrText(el.textContent ?? "");
  return (el.textContent ?? "").split(/\n\s*\n/).map(foldToLine).filter((p) => p.length > 0);
}

function atomLine(el: Element | undefined): string {
  return el === undefined ? "" : atomParagraphs(el).join(" ");
}

function derivedTitle(paragraphs: string[]): string | undefined {
  const first = paragraphs[0] === undefined ? undefined : splitSentences(paragraphs[0])[0];
  if (first === undefined) return undefined;
  if (first.length <= DERIVED_TITLE_MAX) return first;
  const cut = first.slice(0, DERIVED_TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), DERIVED_TITLE_MAX / 2))}…`;
}

interface ItemParts {
  title: string;
  paragraphs: string[];
  url: string | undefined;
  dateRaw: string | undefined;
  lang: Lang | undefined;
}

function rssItem(item: Element, base: string | undefined, feedLang: Lang | undefined): ItemParts {
  const guid = child(item, "guid");
  const guidUrl = guid && guid.getAttribute("isPermaLink") !== "false" ? safeHttpUrl(guid.textContent, base) : undefined;
  const body = childText(item, "content:encoded", "description", "dc:description");
  return {
    title: lineFromHtmlOrText(childText(item, "title", "dc:title") ?? ""),
    paragraphs: body === undefined ? [] : paragraphsFromHtmlOrText(body),
    url: safeHttpUrl(childText(item, "link"), base) ?? guidUrl,
    dateRaw: childText(item, "pubDate", "dc:date", "published", "updated"),
    lang: langFromTag(childText(item, "dc:language")) ?? feedLang,
  };
}

function atomLink(parent: Element, base: string | undefined): string | undefined {
  for (const link of children(parent, "link")) {
    const rel = link.getAttribute("rel") ?? "alternate";
    if (rel !== "alternate") continue;
    const url = safeHttpUrl(link.getAttribute("href"), base);
    if (url) return url;
  }
  return undefined;
}

function atomEntry(entry: Element, base: string | undefined, feedLang: Lang | undefined): ItemParts {
  const body = child(entry, "content", "summary");
  return {
    title: atomLine(child(entry, "title")),
    paragraphs: body === undefined ? [] : atomParagraphs(body),
    url: atomLink(entry, base),
    dateRaw: childText(entry, "published", "updated"),
    lang: langFromTag(entry.getAttribute("xml:lang")) ?? feedLang,
  };
}

/** Parses an RSS or Atom feed given as text or as a Document from the browser's DOMParser. */
export function parseFeedXml(input: string | Document, options: FeedOptions = {}): IngestResult {
  const doc = typeof input === "string" ? parseXmlDocument(input) : input;
  const root = doc.documentElement;
  const kind = feedKindOf(doc);
  if (root === null || kind === undefined) {
    const name = root?.tagName ?? "none";
    return ingestError(`this XML is neither an RSS nor an Atom feed (its root element is <${name}>, expected <rss> or <feed>)`);
  }
  const source = options.source ?? kind;

  let parts: ItemParts[];
  if (kind === "rss") {
    const channel = child(root, "channel") ?? root;
    const base = safeHttpUrl(childText(channel, "link"));
    const feedLang = langFromTag(childText(channel, "language", "dc:language"));
    // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it under the root.
    const items = [...children(channel, "item"), ...(channel === root ? [] : children(root, "item"))];
    parts = items.map((item) => rssItem(item, base, feedLang));
  } else {
    const base = atomLink(root, undefined);
    const feedLang = langFromTag(root.getAttribute("xml:lang"));
    parts = children(root, "entry").map((entry) => atomEntry(entry, base, feedLang));
  }

  const articles: Article[] = [];
  for (const part of parts) {
    const title = part.title || derivedTitle(part.paragraphs);
    // An item with neither title nor text has nothing to show.
    if (title === undefined) continue;
    const published = toIsoDate(part.dateRaw);
    articles.push(
      buildArticle(
        {
          title,
          paragraphs: part.paragraphs,
          source,
          url: part.url,
          published,
          dateText: part.dateRaw === undefined ? undefined : foldToLine(part.dateRaw).slice(0, 200),
          lang: part.lang,
        },
        { latinDefault: options.latinDefault },
      ),
    );
  }
  if (articles.length === 0) {
    const what = kind === "rss" ? "RSS feed has no <item>" : "Atom feed has no <entry>";
    return ingestError(`the ${what} with a title or text: nothing to import`);
  }
  return ingestOk(articles);
}
