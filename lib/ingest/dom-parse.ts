/**
 * Markup parsing for ingest. linkedom is used everywhere, not only in node: the extension's
 * background service worker has no DOMParser, and one parser keeps results identical in
 * the CLI and the extension. Callers that already hold a browser Document can pass it in.
 */
import { DOMParser as LinkedomParser } from "linkedom";

const parser = new LinkedomParser();

/** Parses a whole HTML page; a page without an <html> element is treated as a body fragment. */
export function parseHtmlDocument(html: string): Document {
  // Browsers wrap a fragment into html/body; linkedom would make its first element the
  // document element instead, so the wrapping is done here.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  // linkedom's Document implements the parts of the DOM that ingest uses; its own type
  // declarations differ from lib.dom's, hence the cast.
  return parser.parseFromString(page, "text/html") as unknown as Document;
}

/** Parses an XML document (RSS, Atom). */
export function parseXmlDocument(xml: string): Document {
  return parser.parseFromString(xml, "text/xml") as unknown as Document;
}
