/**
 * What kind of input a file is, decided by its content; the file name's extension only
 * settles markup that could be either an HTML fragment or some other XML.
 */

export type InputKind = "seed" | "html" | "rss" | "atom" | "other-xml";

/** Skips the XML declaration, processing instructions, comments and a doctype to reach the root element's name. */
const ROOT_ELEMENT = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*<([a-z_][\w:.-]*)/i;
const HTML_HINTS = /<(html|head|body|article|main|p|div|h1|h2|meta|title)[\s>]/i;
const HTML_EXTENSIONS = /\.(html?|xhtml|php|aspx?)$/i;
const XML_EXTENSIONS = /\.(xml|rss|atom|rdf)$/i;

export function detectKind(name: string, text: string): InputKind {
  const start = text.trimStart();
  if (!start.startsWith("<")) return "seed";
  if (/^(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(start)) return "html";
  const root = ROOT_ELEMENT.exec(start)?.[1]?.toLowerCase();
  if (root === "rss" || root === "rdf:rdf") return "rss";
  if (root === "feed") return "atom";
  if (root === "html") return "html";
  if (HTML_EXTENSIONS.test(name)) return "html";
  if (XML_EXTENSIONS.test(name) || start.startsWith("<?xml")) return "other-xml";
  return HTML_HINTS.test(start.slice(0, 4096)) ? "html" : "other-xml";
}

export function rootElementName(text: string): string | undefined {
  return ROOT_ELEMENT.exec(text.trimStart())?.[1];
}
