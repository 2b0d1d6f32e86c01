/**
 * Paragraph text from markup. Block elements (p, li, h1–h6, blockquote, div, …) and <br>
 * end a paragraph; inline markup is dropped and its text kept; scripts, styles, forms and
 * figure captions carry no article text. Text is taken from DOM text nodes, so entities are
 * decoded by the parser and no markup can survive.
 */
import { parseHtmlDocument } from "./dom-parse";
import { foldToLine } from "./whitespace";

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figure",
  "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul", "br",
]);
const SKIP = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "form", "button", "input", "select", "textarea", "figcaption", "nav",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Paragraphs of the text inside `root`, split at block boundaries, whitespace normalised, empty ones dropped. */
export function paragraphsFromElement(root: Node): string[] {
  const paragraphs: string[] = [];
  let buffer = "";
  const flush = (): void => {
    const text = foldToLine(buffer);
    if (text.length > 0) paragraphs.push(text);
    buffer = "";
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        buffer += child.nodeValue ?? "";
      } else if (child.nodeType === ELEMENT_NODE) {
        const name = (child as Element).localName.toLowerCase();
        if (SKIP.has(name)) continue;
        const block = BLOCK.has(name);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/** True when the string contains markup (tags), as opposed to plain text. */
export function looksLikeMarkup(text: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>/i.test(text);
}

/**
 * Paragraphs from a string that may be HTML (feed descriptions) or plain text. Plain text
 * is split at blank lines; HTML is parsed, never kept.
 */
export function paragraphsFromHtmlOrText(text: string): string[] {
  if (!looksLikeMarkup(text)) {
    // Plain text may still carry entities when a feed double-escapes it.
    const decoded = /&[#a-z0-9]+;/i.test(text) ? parseHtmlDocument(`<pre>${escapeLessThan(text)}</pre>`) : undefined;
    const plain = decoded ? (decoded.body.textContent ?? "") : text;
    return plain
      .split(/\n\s*\n/)
      .map(foldToLine)
      .filter((p) => p.length > 0);
  }
  const doc = parseHtmlDocument(text);
  return paragraphsFromElement(doc.body);
}

/** One line of text from a string that may hold HTML (feed titles). */
export function lineFromHtmlOrText(text: string): string {
  return paragraphsFromHtmlOrText(text).join(" ");
}

/** Escapes "<" so plain text can be placed in markup; "&" is left alone so its entities decode. */
function escapeLessThan(text: string): string {
  return text.replace(/</g, "&lt;");
}
