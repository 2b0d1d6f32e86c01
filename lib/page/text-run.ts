/**
 * A run of adjacent text nodes read as one string, with the map back from string offsets to
 * (text node, offset) so a match can become a DOM range even when it crosses inline tags.
 *
 * A run can also be a whole block of inline text read at once with `textContent` (see
 * TextWalker): its text nodes are then looked up only when a match needs them, and only up to
 * that match. Touching a node from the content script costs a wrapper object for it, and on a
 * long page those wrappers were most of the walk.
 */

export interface TextRun {
  /** Text nodes known so far (all of them, unless `unread` is set). */
  readonly nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  readonly starts: number[];
  text: string;
  /** A block run whose nodes are not all known yet: where to look for the rest. */
  unread?: TreeWalker;
}

export interface RunPosition {
  node: Text;
  offset: number;
  /** Index of `node` in the run. */
  index: number;
}

const SHOW_TEXT = 4;

export function createTextRun(): TextRun {
  return { nodes: [], starts: [], text: "" };
}

export function appendToRun(run: TextRun, node: Text): void {
  run.starts.push(run.text.length);
  run.nodes.push(node);
  run.text += node.data;
}

/**
 * A run over all text of an element that holds only text and inline elements (the caller
 * checked): its textContent is exactly its text nodes' data, in order.
 */
export function createBlockRun(block: Element): TextRun {
  return { nodes: [], starts: [], text: block.textContent ?? "", unread: block.ownerDocument.createTreeWalker(block, SHOW_TEXT) };
}

/** Reads a block run's text nodes until they reach past `offset` (empty nodes at it included). */
function readNodesTo(run: TextRun, offset: number): void {
  const walker = run.unread;
  if (!walker) return;
  let known = run.nodes.length === 0 ? 0 : run.starts[run.starts.length - 1]! + run.nodes[run.nodes.length - 1]!.data.length;
  while (known <= offset) {
    const node = walker.nextNode() as Text | null;
    if (!node) {
      run.unread = undefined;
      return;
    }
    run.starts.push(known);
    run.nodes.push(node);
    known += node.data.length;
  }
}

/** Index of the node holding string offset `offset` (binary search over `starts`). */
function nodeIndexAt(run: TextRun, offset: number): number {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((run.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where a string offset lies in the DOM. A match start at a node boundary maps to the start
 * of the later node and a match end to the end of the earlier node, so ranges never begin or
 * end in a neighbour that holds none of their characters.
 */
export function positionInRun(run: TextRun, offset: number, edge: "start" | "end"): RunPosition {
  // Nodes through the first non-empty one past `offset`: a start on a node boundary belongs
  // to the later node.
  readNodesTo(run, offset);
  let i = nodeIndexAt(run, edge === "end" ? Math.max(0, offset - 1) : offset);
  // Skip empty nodes sitting at the same offset.
  while (edge === "start" && i < run.nodes.length - 1 && (run.starts[i + 1] ?? Infinity) <= offset) i++;
  const node = run.nodes[i];
  const start = run.starts[i];
  if (node === undefined || start === undefined) throw new RangeError(`offset ${offset} outside the text run`);
  return { node, offset: Math.min(node.data.length, Math.max(0, offset - start)), index: i };
}

/** The text nodes a [start, end) slice of the run touches. */
export function nodesBetween(run: TextRun, start: RunPosition, end: RunPosition): Text[] {
  return run.nodes.slice(start.index, end.index + 1);
}
