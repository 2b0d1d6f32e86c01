/**
 * The mention under a point. Caret APIs give the text position nearest the point, even over
 * blank space or past the end of a line, so a candidate only counts when the point is inside
 * one of its boxes.
 */
import { toLiveRange, type PageMention } from "./mention";
import type { MentionIndex } from "./mention-index";

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position at a viewport point (standard API first, WebKit's older one second). */
export function caretAtPoint(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === "function") {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === "function") {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Slack around a glyph box, px: the caret APIs and the boxes may disagree by a pixel. */
const BOX_SLACK_PX = 1;

export function isPointInRects(rects: Iterable<DOMRectReadOnly>, x: number, y: number): boolean {
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue;
    if (x >= r.left - BOX_SLACK_PX && x <= r.right + BOX_SLACK_PX && y >= r.top - BOX_SLACK_PX && y <= r.bottom + BOX_SLACK_PX) return true;
  }
  return false;
}

export function isPointOverMention(doc: Document, mention: PageMention, x: number, y: number): boolean {
  return isPointInRects(toLiveRange(doc, mention.range).getClientRects(), x, y);
}

export function findMentionAtPoint(doc: Document, index: MentionIndex, x: number, y: number): PageMention | null {
  if (index.size === 0) return null;
  const caret = caretAtPoint(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const mention of index.at(caret.node, caret.offset)) {
    if (isPointOverMention(doc, mention, x, y)) return mention;
  }
  return null;
}
