/**
 * Which page text is scanned, DOM-generic (no parser import) so the content script and the
 * HTML ingest share one rule set.
 *
 * Skipped: non-text elements (SKIPPED_TAGS), editable regions ([contenteditable] other than
 * "false"), [hidden], and the extension's own card host. aria-hidden="true" is NOT skipped:
 * that text is still on screen (decorative duplicates at worst), and readers see it.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "textarea", "input", "select", "option", "code", "pre",
  "svg", "math", "iframe", "object",
]);

/** The custom element that hosts the briefing card (its text is ours, not the page's). */
export const CARD_HOST_TAG = "briefings-card";

/**
 * Elements whose start and end separate words: text from adjacent blocks must not merge
 * ("Minsk</p><p>Brest" is two words, "Min<b>sk</b>" is one).
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "ul", "caption", "body", "html", "title", "button", "label", "legend", "img",
]);

export function isSkippedElement(el: Element): boolean {
  return isSkippedTag(el.localName) || (el.hasAttributes() && isSkippedByAttributes(el));
}

/** The tag half of isSkippedElement (a page walk reads each element's tag once). */
export function isSkippedTag(localName: string): boolean {
  const tag = localName.toLowerCase();
  return SKIPPED_TAGS.has(tag) || tag === CARD_HOST_TAG;
}

/** The attribute half of isSkippedElement: [hidden], or editable. */
export function isSkippedByAttributes(el: Element): boolean {
  if (el.hasAttribute("hidden")) return true;
  const editable = el.getAttribute("contenteditable");
  return editable !== null && editable.toLowerCase() !== "false";
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName.toLowerCase());
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Visible text of a DOM subtree: text nodes in document order, a blank line between blocks,
 * skipped subtrees left out. Comments and attribute values never appear. A name can run over a
 * single line break inside a text node ("Maksim\nZnak"), never over a blank line, so names are
 * never joined across blocks: the same rule as the page scanner, which matches block by block.
 */
export function visibleTextOf(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        parts.push(child.nodeValue ?? "");
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (isSkippedElement(el)) continue;
        const block = isBlockElement(el);
        if (block) parts.push("\n\n");
        walk(el);
        if (block) parts.push("\n\n");
      }
    }
  };
  walk(root);
  return parts
    .join("")
    .replace(/\s*\n\s*\n\s*/g, "\n\n")
    .replace(/[ \t\f\r]*\n[ \t\f\r]*/g, "\n")
    .replace(/^\n+|\n+$/g, "");
}
