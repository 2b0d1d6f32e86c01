/** The extension's own elements on the page, which the scanner must never read or react to. */

import { CARD_HOST_TAG } from "../spot/visible-text";

/** Tag of the shadow host that carries the card (the matcher's visible-text rules skip it too). */
export { CARD_HOST_TAG };
/** Class of the spans the highlight fallback wraps around mentions (page text stays inside). */
export const FALLBACK_MENTION_CLASS = "briefings-mention";

export function isCardHost(el: Element): boolean {
  return el.localName === CARD_HOST_TAG;
}

export function isFallbackSpan(node: Node): node is HTMLSpanElement {
  return node.nodeType === 1 && (node as Element).localName === "span" && (node as Element).classList.contains(FALLBACK_MENTION_CLASS);
}
