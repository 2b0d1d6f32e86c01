/**
 * Which parts of a page hold readable text. The skip list itself (script, style, form fields,
 * code, contenteditable, …) belongs to the matcher's visible-text rules so the page and the
 * publisher agree; this module adds what only a live page has: editing state, hidden
 * elements, our own card, and block boundaries.
 */
import { isBlockElement, isSkippedElement } from "../spot/visible-text";
import { isCardHost } from "./own-ui";

/**
 * Inline elements: text on either side belongs to one run, so "<b>Alaksandr</b> Lukashenka"
 * is read as one name. Everything else (including unknown and custom elements) ends a run.
 */
const INLINE_TAGS = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "del", "kbd",
  "mark", "q", "ruby", "rb", "rt", "s", "samp", "small", "span", "strong", "sub", "sup",
  "time", "u", "var", "big", "nobr", "tt", "strike", "acronym",
]);

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.localName) && !isBlockElement(el);
}

/**
 * An element with no text of its own that still separates words ("Minsk<br>Brest"): the
 * scanner ends the current run when it passes one.
 */
export function separatesWords(el: Element): boolean {
  return !isInlineElement(el);
}

/** The element whose text run a node belongs to: the nearest non-inline ancestor. */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el;
}

/** An element whose own text and descendants are never scanned. */
export function isExcludedElement(el: Element): boolean {
  if (isSkippedElement(el) || isCardHost(el)) return true;
  if (el.hasAttribute("hidden")) return true;
  // Inherited editability (designMode, an editable ancestor) is caught here too.
  return (el as HTMLElement).isContentEditable === true;
}

/** True when the node or one of its ancestors is excluded (for subtrees that change later). */
export function isInsideExcluded(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return node.ownerDocument?.designMode === "on";
}

/** Rendered at all? `checkVisibility` where the browser has it; assumed visible elsewhere. */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === "function" ? check.call(el) : true;
}
