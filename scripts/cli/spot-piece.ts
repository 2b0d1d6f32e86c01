/**
 * Matches one piece of a long text (spot-split.ts) with its anchors (spot-anchors.ts) and
 * reports what the merge needs: the mentions of its core (or their counts per entity) and the
 * facts that say whether the whole-text rules hold for them. Runs in the main thread and in
 * the worker threads alike, so both give the same answer.
 */
import type { Matcher } from "../../lib/spot/match";
import { blankLineFrom } from "./spot-split";
import type { StrongLabels } from "./spot-anchors";

/** Strong mentions seen so far: none, one, or two with a blank line between them. */
export const NONE = 0;
export const ONE = 1;
export const APART = 2;

export interface PieceResult {
  /** Mentions in the core. */
  count: number;
  /** Offsets relative to the core start, and the entity index (order of matcher.entities()); empty when only counting. */
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  entities: Int32Array<ArrayBuffer>;
  /** Mentions per entity index; empty unless counting. */
  counts: Int32Array<ArrayBuffer>;
  /** NONE / ONE / APART over the core's strong mentions of any entity. */
  strongAny: number;
  /** NONE / ONE / APART per entity index, over the core's strong mentions of each person. */
  strongPerson: Uint8Array<ArrayBuffer>;
  /**
   * Per entity index: 1 when a mention of a person in the core is not a strong label and ends
   * in "s": the one kind of mention the "named elsewhere" rule can still decide once a text
   * has an unambiguous mention elsewhere (a possessive before a capitalised word, lib/spot/context.ts).
   */
  weakPossessive: Uint8Array<ArrayBuffer>;
}

/** What a thread needs to match pieces: the matcher, its entity indexes and the anchor block. */
export interface PieceMatcher {
  matcher: Matcher;
  strong: StrongLabels;
  index: ReadonlyMap<string, number>;
  isPerson: Uint8Array;
  anchors: string;
}

export function pieceMatcher(matcher: Matcher, strong: StrongLabels, anchors: string): PieceMatcher {
  const entities = matcher.entities();
  return {
    matcher,
    strong,
    anchors,
    index: new Map(entities.map((e, i) => [e.id, i])),
    isPerson: Uint8Array.from(entities, (e) => (e.type === "person" ? 1 : 0)),
  };
}

/**
 * Matches run + anchors and keeps the mentions whose start lies in [lead, lead + coreLength)
 * of the run. `counting`: counts per entity instead of listing the mentions.
 */
export function matchPiece(pm: PieceMatcher, run: string, lead: number, coreLength: number, counting: boolean): PieceResult {
  const entityCount = pm.isPerson.length;
  const mentions = pm.matcher.find(run + pm.anchors);
  let from = 0;
  while (from < mentions.length && mentions[from]!.start < lead) from++;
  let to = from;
  while (to < mentions.length && mentions[to]!.start < lead + coreLength) to++;
  const count = to - from;
  const starts = new Int32Array(counting ? 0 : count);
  const ends = new Int32Array(counting ? 0 : count);
  const entities = new Int32Array(counting ? 0 : count);
  const counts = new Int32Array(counting ? entityCount : 0);
  const strongPerson = new Uint8Array(entityCount);
  const weakPossessive = new Uint8Array(entityCount);
  // Where a blank line ends after the first strong mention (of any entity; of each person):
  // a later strong mention starting there is in another paragraph.
  const apartFrom = new Float64Array(entityCount);
  let strongAny = NONE;
  let anyApartFrom = 0;
  const { index, isPerson, strong } = pm;
  for (let k = from; k < to; k++) {
    const m = mentions[k]!;
    const e = index.get(m.entityId);
    if (e === undefined) throw new Error(`the matcher returned an unknown entity ${m.entityId}`);
    if (counting) counts[e]!++;
    else {
      starts[k - from] = m.start - lead;
      ends[k - from] = m.end - lead;
      entities[k - from] = e;
    }
    const person = isPerson[e] === 1;
    // Strong labels are tested only while they can still change a fact (few distinct texts):
    // a person named twice apart in this piece is settled whatever else it finds.
    if (strongAny === APART && (!person || strongPerson[e] === APART)) continue;
    if (!strong.isStrong(m.text, m.entityId)) {
      const last = m.text.charCodeAt(m.text.length - 1);
      if (person && (last === 0x73 || last === 0x53)) weakPossessive[e] = 1; // s, S
      continue;
    }
    if (strongAny === NONE) {
      strongAny = ONE;
      anyApartFrom = blankLineFrom(run, m.end)?.[1] ?? Infinity;
    } else if (strongAny === ONE && m.start >= anyApartFrom) strongAny = APART;
    if (!person) continue;
    if (strongPerson[e] === NONE) {
      strongPerson[e] = ONE;
      apartFrom[e] = blankLineFrom(run, m.end)?.[1] ?? Infinity;
    } else if (strongPerson[e] === ONE && m.start >= apartFrom[e]!) strongPerson[e] = APART;
  }
  return { count, starts, ends, entities, counts, strongAny, strongPerson, weakPossessive };
}

/** Whether the whole-text rules gave every piece the answer the whole text gives. */
export function piecesAgreeWithWhole(results: readonly PieceResult[]): boolean {
  // Each rule the anchors satisfy lets a candidate in, never keeps one out: pieces that accepted
  // no candidate at all with them (no mention) leave none for the whole text either.
  if (results.every((r) => r.count === 0)) return true;
  // Two strong mentions in different pieces, or in different paragraphs of one piece: no
  // candidate overlaps both (none spans a blank line), so each has one "elsewhere".
  const settled = (status: (r: PieceResult) => number) => {
    let seen = 0;
    for (const r of results) {
      const s = status(r);
      if (s === APART) return true;
      if (s === ONE && ++seen >= 2) return true;
    }
    return false;
  };
  if (!settled((r) => r.strongAny)) return false;
  const entityCount = results[0]?.weakPossessive.length ?? 0;
  for (let e = 0; e < entityCount; e++) {
    if (!results.some((r) => r.weakPossessive[e] === 1)) continue;
    if (!settled((r) => r.strongPerson[e]!)) return false;
  }
  return true;
}
