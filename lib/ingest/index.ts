/**
 * Article ingest: one entry point for every input file the publisher CLI and the extension
 * accept — seed text pages, HTML article pages, RSS and Atom feeds.
 */
import type { Lang } from "../schema";
import { decodeText } from "./decode-text";
import { detectKind, rootElementName } from "./detect-kind";
import { parseFeedXml } from "./feedxml";
import { parseHtmlArticle } from "./html";
import { ingestError, type IngestResult } from "./result";
import { parseSeedText } from "./seed";
import { validateArticles } from "./validate-articles";

export type { IngestResult } from "./result";
export { sha256Hex } from "./sha256";
export { articleId } from "./article-id";
export { detectLang } from "./lang";
export { parseSeedText } from "./seed";
export { parseHtmlArticle } from "./html";
export { parseFeedXml } from "./feedxml";

export interface IngestOptions {
  /** Source id stored on every article. Default: "seeds" for seed text, "html", "rss" or "atom" by kind. */
  source?: string;
  /** For HTML pages: where the page came from (resolves relative canonical links). */
  url?: string;
  /** Language of Latin-script articles whose source declares none (default "en"). */
  latinDefault?: Lang;
}

/**
 * Turns one input file into validated articles, or one message saying what is wrong with
 * the file. The kind is detected from the content (the extension only breaks ties).
 */
export function ingestFile(name: string, bytes: Uint8Array, opts: IngestOptions = {}): IngestResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return ingestError(decoded.error);
  const { text } = decoded;

  let result: IngestResult;
  switch (detectKind(name, text)) {
    case "seed":
      result = parseSeedText(text, opts);
      break;
    case "html":
      result = parseHtmlArticle(text, opts);
      break;
    case "rss":
    case "atom":
      result = parseFeedXml(text, opts);
      break;
    case "other-xml":
      result = ingestError(
        `XML that is neither RSS nor Atom (root element <${rootElementName(text) ?? "?"}>): only RSS 2.0, RSS 1.0 and Atom feeds can be imported`,
      );
      break;
  }
  return result.ok ? validateArticles(result.articles) : result;
}
