/**
 * HTML article pages → one Article. Mozilla Readability finds the article body (dropping
 * navigation, ads, footers, scripts); the body is then split into paragraphs at block
 * elements (p, li, h2–h4, blockquote, …). Bylines are dropped: the data model has no author.
 */
import { Readability } from "@mozilla/readability";
import type { Lang } from "../schema";
import { paragraphsFromElement } from "./block-text";
import { buildArticle } from "./build-article";
import { parseHtmlDocument } from "./dom-parse";
import { safeHttpUrl } from "./http-url";
import {
  headingWithinTitle,
  readCanonicalUrl,
  readDeclaredLang,
  readDeclaredTitle,
  readHeadings,
  readPublished,
} from "./html-meta";
import { ingestError, ingestOk, type IngestResult } from "./result";
import { foldToLine } from "./whitespace";

export interface HtmlOptions {
  /** Source id stored on the article (default "html"). */
  source?: string;
  /** Where the page was fetched from: resolves a relative canonical link, and is the url when the page names none. */
  url?: string;
  /** Language for Latin-script text when the page declares none (default "en"). */
  latinDefault?: Lang;
}

/** Below this much readable text a page is navigation, a teaser or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;

const BYLINE = /^(by|from|автор|аўтар|автори?|von|par|autor|autorius)\b:?\s+\S/iu;

function isBylineParagraph(text: string, byline: string | undefined): boolean {
  if (byline !== undefined && text === byline) return true;
  return text.length <= 80 && BYLINE.test(text) && !/[.!?]$/.test(text);
}

/**
 * Parses an HTML page given as text or as a Document (a browser can pass one from its own
 * DOMParser; it is cloned first, because Readability rewrites the tree it reads).
 */
export function parseHtmlArticle(input: string | Document, options: HtmlOptions = {}): IngestResult {
  const source = options.source ?? "html";
  const doc = typeof input === "string" ? parseHtmlDocument(input) : (input.cloneNode(true) as Document);

  const published = readPublished(doc);
  const url = readCanonicalUrl(doc, options.url) ?? safeHttpUrl(options.url);
  const declaredLang = readDeclaredLang(doc);
  const declaredTitle = readDeclaredTitle(doc);
  const headings = readHeadings(doc);

  const parsed = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  const textLength = foldToLine(parsed?.textContent ?? "").length;
  if (parsed === null || !parsed.content || textLength < MIN_ARTICLE_CHARS) {
    return ingestError(
      `no article found in this HTML page: it has ${textLength} characters of article text (at least ${MIN_ARTICLE_CHARS} needed); ` +
        "it may be a menu, index or error page — save the article page itself",
    );
  }

  const byline = parsed.byline ? foldToLine(parsed.byline) : undefined;
  const pageTitle = foldToLine(parsed.title ?? "");
  const title = declaredTitle ?? headingWithinTitle(headings, pageTitle) ?? pageTitle;
  if (title.length === 0) return ingestError("the HTML page has an article but no title (no <title>, <h1> or og:title)");

  const paragraphs = paragraphsFromElement(parsed.content).filter((p) => p !== title && !isBylineParagraph(p, byline));
  return ingestOk([
    buildArticle(
      { title, paragraphs, source, url, published, lang: declaredLang },
      { latinDefault: options.latinDefault },
    ),
  ]);
}
