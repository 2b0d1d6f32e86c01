/**
 * Walks the text nodes under a root in document order, skipping excluded subtrees, and says
 * when it passes an element that separates words. A hand-written walk instead of a
 * TreeWalker with a filter: the filter callback crosses from the browser into JS for every
 * element, which was the largest cost of scanning a long page after the matcher itself.
 */
import { isExcludedElement, separatesWords } from "./scan-rules";

export class TextWalker {
  /** The last node returned (or the root before the first call); null when finished. */
  private current: Node | null;

  constructor(
    readonly root: Element,
    /** Called when the walk enters an element that ends the current text run. */
    private readonly onBoundary: () => void,
  ) {
    this.current = root;
  }

  nextText(): Text | null {
    let node = this.current;
    if (!node) return null;
    let descend = node === this.root;
    for (;;) {
      let next: Node | null = descend ? node.firstChild : null;
      if (!next) {
        // Climb until a sibling exists; leaving the root (or a detached node) ends the walk.
        while (node !== this.root && node.nextSibling === null) {
          node = node.parentNode;
          if (!node) return this.finish();
        }
        if (node === this.root) return this.finish();
        next = node.nextSibling;
      }
      node = next!;
      if (node.nodeType === 3) {
        this.current = node;
        return node as Text;
      }
      descend = false;
      if (node.nodeType === 1) {
        const el = node as Element;
        if (isExcludedElement(el)) continue;
        if (separatesWords(el)) this.onBoundary();
        descend = true;
      }
    }
  }

  private finish(): null {
    this.current = null;
    return null;
  }
}
