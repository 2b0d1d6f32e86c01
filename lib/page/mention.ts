/** A name found on the page: where it is in the DOM and which entity it names. */

export interface PageMention {
  /** Unique per page load, in order of discovery. */
  readonly key: number;
  readonly entityId: string;
  /** The page text of the mention, as written (any spelling, any case). */
  readonly text: string;
  /**
   * The text range. A StaticRange where available: live Ranges slow every DOM change on the
   * page, and a mention whose text changes is rescanned anyway. The span fallback replaces
   * it after wrapping the text.
   */
  range: AbstractRange;
  /** The text nodes the mention covers, in order. */
  nodes: readonly Text[];
}

/** A live Range over a mention, for geometry (StaticRange has no client rects). */
export function toLiveRange(doc: Document, range: AbstractRange): Range {
  const live = doc.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

/**
 * A maker of static ranges. Where StaticRange is missing (older engines, which also lack CSS
 * highlights) a plain record with the same fields serves: only geometry needs a real Range,
 * and toLiveRange makes one on demand.
 */
export function rangeMaker(doc: Document): (startNode: Text, startOffset: number, endNode: Text, endOffset: number) => AbstractRange {
  const StaticRangeCtor = doc.defaultView?.StaticRange;
  if (typeof StaticRangeCtor === "function") {
    return (startContainer, startOffset, endContainer, endOffset) => new StaticRangeCtor({ startContainer, startOffset, endContainer, endOffset });
  }
  return (startContainer, startOffset, endContainer, endOffset) =>
    Object.freeze({ startContainer, startOffset, endContainer, endOffset, collapsed: startContainer === endContainer && startOffset === endOffset }) as AbstractRange;
}

export function makeRange(doc: Document, startNode: Text, startOffset: number, endNode: Text, endOffset: number): AbstractRange {
  return rangeMaker(doc)(startNode, startOffset, endNode, endOffset);
}

/** Mentions sorted in document order (for keyboard navigation). */
export function inDocumentOrder(mentions: Iterable<PageMention>): PageMention[] {
  return [...mentions].sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    const pos = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
