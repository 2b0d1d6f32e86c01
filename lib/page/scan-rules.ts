/**
 * Which parts of a page hold readable text. The skip list itself (script, style, form fields,
 * code, contenteditable, …) belongs to the matcher's visible-text rules so the page and the
 * publisher agree; this module adds what only a live page has: editing state, hidden
 * elements, our own card, and block boundaries.
 */
import { isSkippedElement } from "../spot/visible-text";
import { isCardHost } from "./own-ui";

/**
 * Inline elements: text on either side belongs to one run, so "<b>Alaksandr</b> Lukashenka"
 * is read as one name. Everything else (including unknown and custom elements) ends a run;
 * the matcher's BLOCK_TAGS are all outside this list, so page and publisher split alike.
 */
const INLINE_TAGS = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "del", "kbd",
  "mark", "q", "ruby", "rb", "rt", "s", "samp", "small", "span", "strong", "sub", "sup",
  "time", "u", "var", "big", "nobr", "tt", "strike", "acronym", "wbr",
]);

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

/**
 * Matches any element that would split or hide part of a block's text: one that is not inline
 * (a nested block, <br>, anything skipped), or is hidden or editable. A block with none inside
 * is read whole; a match (or an engine that misreads the selector) only sends the walk into
 * the block node by node, which gives the same text.
 */
export const INLINE_ONLY_BREAKER = `:not(${[...INLINE_TAGS].join(",")}),[hidden],[contenteditable]:not([contenteditable="false" i])`;

/** isInlineElement by tag name; every other element (even an empty <br>) separates words. */
export function isInlineTag(localName: string): boolean {
  return INLINE_TAGS.has(localName);
}

/** The element whose text run a node belongs to: the nearest non-inline ancestor. */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el;
}

/**
 * An element whose own text and descendants are never scanned. Runs for every element of the
 * page, so it only reads the tag and attributes: `isContentEditable` would force a style
 * update. Editability is inherited only from a [contenteditable] ancestor (rejected with its
 * whole subtree) or design mode (checked once per root in isInsideExcluded).
 */
export function isExcludedElement(el: Element): boolean {
  return isSkippedElement(el) || isCardHost(el);
}

/** True when the node or one of its ancestors is excluded (for subtrees that change later). */
export function isInsideExcluded(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el) || (el as HTMLElement).isContentEditable === true) return true;
  }
  return node.ownerDocument?.designMode === "on";
}

/**
 * Rendered at all? `checkVisibility` where the browser has it; assumed visible elsewhere.
 * Not used while scanning: it forces a style update, and on a long page whose highlights just
 * changed that is a full recalculation inside the scan chunk.
 */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === "function" ? check.call(el) : true;
}
