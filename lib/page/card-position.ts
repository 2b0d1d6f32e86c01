/** Places the card next to its mention with floating-ui: below by default, flipped and shifted to stay on screen. */
import { computePosition, flip, offset, shift, type VirtualElement } from "@floating-ui/dom";
import { toLiveRange, type PageMention } from "./mention";

/** Gap between the name and the card, px. */
const GAP_PX = 6;
/** Minimum distance from the viewport edge, px. */
const EDGE_PX = 8;

export function mentionReference(doc: Document, mention: PageMention): VirtualElement {
  const range = toLiveRange(doc, mention.range);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}

/** Resolves once the card sits at its place (it stays transparent until then, so it never flashes at 0,0; transparent, not hidden, so it can take focus). */
export async function placeCard(doc: Document, card: HTMLElement, mention: PageMention): Promise<void> {
  const { x, y } = await computePosition(mentionReference(doc, mention), card, {
    strategy: "fixed",
    placement: "bottom-start",
    middleware: [offset(GAP_PX), flip({ padding: EDGE_PX }), shift({ padding: EDGE_PX })],
  });
  card.style.left = `${Math.round(x)}px`;
  card.style.top = `${Math.round(y)}px`;
  card.style.opacity = "1";
}
