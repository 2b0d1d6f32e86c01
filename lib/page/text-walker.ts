/**
 * Walks the text nodes under a root in document order, skipping excluded subtrees, and says
 * when it enters or leaves an element that separates words. A hand-written walk instead of a
 * TreeWalker with a filter: the filter callback crosses from the browser into JS for every
 * element, which was the largest cost of scanning a long page after the matcher itself. An
 * element's attributes are read only when it has any, and no text node's ancestors are looked
 * up: the walk sees each element it enters and leaves. A block of plain inline text is handed
 * over whole, its nodes unvisited (lib/page/text-run.ts).
 */
import { isSkippedByAttributes, isSkippedTag } from "../spot/visible-text";
import { INLINE_ONLY_BREAKER, isInlineTag } from "./scan-rules";

export class TextWalker {
  /** The last node returned (or the root before the first call); null when finished. */
  private current: Node | null;
  /** The last node returned was a whole block (its end is a boundary too). */
  private afterBlock = false;

  constructor(
    readonly root: Element,
    /** Called when the walk enters or leaves an element that ends the current text run. */
    private readonly onBoundary: () => void,
  ) {
    this.current = root;
  }

  /**
   * The next text node, or a whole block: an element that separates words and holds only
   * text and inline elements (nothing skipped, hidden or editable inside), to be read at once
   * with textContent without visiting its nodes. Null when the walk is over.
   */
  next(): Text | Element | null {
    let node = this.current;
    if (!node) return null;
    if (this.afterBlock) {
      // Leaving the block returned last.
      this.afterBlock = false;
      this.onBoundary();
    }
    let descend = node === this.root;
    for (;;) {
      let next: Node | null = null;
      if (descend) {
        next = node.firstChild;
        // An element without children is entered and left at once.
        if (next === null && node !== this.root) this.leave(node);
      }
      if (next === null) {
        // Climb until a sibling exists; leaving the root (or a detached node) ends the walk.
        while (node !== this.root && node.nextSibling === null) {
          node = node.parentNode;
          if (!node) return this.finish();
          if (node !== this.root) this.leave(node);
        }
        if (node === this.root) return this.finish();
        next = node.nextSibling!;
      }
      node = next;
      const type = node.nodeType;
      if (type === 3) {
        this.current = node;
        return node as Text;
      }
      descend = false;
      if (type === 1) {
        const el = node as Element;
        const tag = el.localName;
        if (isSkippedTag(tag) || (el.hasAttributes() && isSkippedByAttributes(el))) continue;
        if (!isInlineTag(tag)) {
          this.onBoundary();
          // No element inside that would end a run or hide text: the block is one run. (A
          // selector query creates no objects for the elements it passes.)
          if (el.hasChildNodes() && el.querySelector(INLINE_ONLY_BREAKER) === null) {
            this.current = el;
            this.afterBlock = true;
            return el;
          }
        }
        descend = true;
      }
    }
  }

  /**
   * Leaving an element that separates words ends the run. Judged by the element itself, not
   * remembered from the way in: the page may move nodes between two calls.
   */
  private leave(el: Node): void {
    if (el.nodeType === 1 && !isInlineTag((el as Element).localName)) this.onBoundary();
  }

  private finish(): null {
    this.current = null;
    return null;
  }
}
