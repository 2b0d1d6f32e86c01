/**
 * Mentions by text node, each node's list sorted by offset, so the mention under a caret
 * position is a binary search away.
 */
import type { PageMention } from "./mention";

interface Slice {
  /** Offsets of the mention's part inside this text node. */
  start: number;
  end: number;
  mention: PageMention;
}

export class MentionIndex {
  private readonly byNode = new Map<Text, Slice[]>();
  /** The nodes each mention was filed under (the fallback highlighter may re-point `nodes`). */
  private readonly filed = new Map<PageMention, Text[]>();

  get size(): number {
    return this.filed.size;
  }

  mentions(): IterableIterator<PageMention> {
    return this.filed.keys();
  }

  /**
   * Files a mention under each of its text nodes. Its range starts in the first node and ends
   * in the last; the caller that made the range may pass its offsets (reading them back from
   * the range costs a call into the browser each).
   */
  add(mention: PageMention, startOffset = mention.range.startOffset, endOffset = mention.range.endOffset): void {
    const { nodes } = mention;
    const last = nodes.length - 1;
    for (let i = 0; i <= last; i++) {
      const node = nodes[i]!;
      const start = i === 0 ? startOffset : 0;
      const end = i === last ? endOffset : node.data.length;
      let slices = this.byNode.get(node);
      if (!slices) this.byNode.set(node, (slices = []));
      slices.splice(lowerBound(slices, start), 0, { start, end, mention });
    }
    this.filed.set(mention, [...nodes]);
  }

  remove(mention: PageMention): void {
    const nodes = this.filed.get(mention);
    if (!nodes) return;
    this.filed.delete(mention);
    for (const node of nodes) {
      const slices = this.byNode.get(node);
      if (!slices) continue;
      const kept = slices.filter((s) => s.mention !== mention);
      if (kept.length) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
  }

  /** The mention that begins at exactly this place, if any (re-reading a region finds it again). */
  startingAt(node: Text, offset: number): PageMention | undefined {
    const slices = this.byNode.get(node);
    if (!slices) return undefined;
    const slice = slices[lowerBound(slices, offset)];
    return slice && slice.start === offset && slice.mention.range.startContainer === node ? slice.mention : undefined;
  }

  /**
   * Mentions whose text in `node` touches caret offset `offset`. A caret sits between
   * characters, so a pointer over the last letter can report the offset just past it: both
   * ends count, and the caller checks the pointer against the mention's boxes.
   */
  at(node: Node, offset: number): PageMention[] {
    const slices = this.byNode.get(node as Text);
    if (!slices) return [];
    const found: PageMention[] = [];
    // Last slice starting at or before `offset`, then any touching neighbours.
    let i = lowerBound(slices, offset + 1) - 1;
    for (; i >= 0; i--) {
      const slice = slices[i];
      if (!slice) break;
      if (slice.end < offset) break;
      if (slice.start <= offset) found.push(slice.mention);
    }
    return found;
  }
}

/** First index whose slice starts at or after `start`. */
function lowerBound(slices: Slice[], start: number): number {
  let lo = 0;
  let hi = slices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((slices[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
