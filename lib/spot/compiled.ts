/**
 * The serialisable form of a compiled gazetteer: what lib/spot/compile.ts writes and
 * lib/spot/match.ts loads. Plain JSON; typed arrays are base64 strings (lib/spot/typed-base64).
 */
// zod/mini: the content script validates the stored matcher on every page (lib/schema/mini.ts).
import { EntityType, z } from "../schema/mini";

export const COMPILED_FORMAT = "briefings-matcher/4";
/** Int32 fields per node in nodes.terms (first pattern, pattern count) and per pattern in patterns. */
export const NODE_FIELDS = 2;
export const PATTERN_FIELDS = 4;

/** Pattern flag bits. */
export const PATTERN_WEAK = 1;
export const PATTERN_CHECK_CASE = 2;

export const CompiledEntity = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  /** Folded cue words (token prefixes) of requiresNearby. */
  requires: z.optional(z.array(z.string())),
  /** Entity ids listed in requiresNearby: an accepted mention of one nearby is evidence. */
  requiresIds: z.optional(z.array(z.string())),
  /** Folded veto words (token prefixes) of forbidsNearby. */
  forbids: z.optional(z.array(z.string())),
  /** requiresNearby without weakLabels: every label needs evidence. */
  gated: z.optional(z.boolean()),
});
export type CompiledEntity = z.infer<typeof CompiledEntity>;

export const CompiledGazetteer = z.object({
  format: z.literal(COMPILED_FORMAT),
  entities: z.array(CompiledEntity),
  /** Longest folded ending; the scanner probes this many prefixes per word. */
  maxEnding: z.int().check(z.minimum(0), z.maximum(7)),
  /** Folded endings per ending set; set 0 is {""}. */
  endingSets: z.array(z.array(z.string())),
  /**
   * Trie edges as parallel dense Int32 arrays: (parent node, hash1, hash2 of the folded stem)
   * → child node, ending set. The matcher builds its hash table from these at load (a few
   * ms), which keeps the stored form at a third of the table's size.
   */
  edges: z.object({
    count: z.int().check(z.nonnegative()),
    parent: z.string(),
    hash1: z.string(),
    hash2: z.string(),
    child: z.string(),
    endingSet: z.string(),
  }),
  /** The Bloom filters over the edges (lib/spot/filters.ts), Int32 arrays of power-of-two length. */
  filters: z.object({ rootForm: z.string(), innerForm: z.string(), rootStem: z.string(), innerStem: z.string() }),
  /**
   * Per node, interleaved: the index of its first pattern and how many it has. A hit reads a
   * node's pair, then its patterns' fields, each from one cache line, with nothing to lay
   * out at load.
   */
  nodes: z.object({ count: z.int().check(z.positive()), terms: z.string() }),
  /** Patterns grouped by node, interleaved: entity index, flags, firstUpper, allUpper (PATTERN_FIELDS each). */
  patterns: z.string(),
  /** labels: from the data; variants: generated Latin spellings; patterns: distinct (node, entity, case) terminals. */
  stats: z.object({ labels: z.number(), variants: z.number(), patterns: z.number(), edges: z.number(), nodes: z.number() }),
});
export type CompiledGazetteer = z.infer<typeof CompiledGazetteer>;

/** Slot index of an edge key in the edge table (shared by compiler and scanner). */
export function edgeSlot(parent: number, hash1: number, mask: number): number {
  let x = (hash1 + Math.imul(parent, 0x9e3779b1)) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return x & mask;
}

/**
 * The root stem filter is a blocked Bloom filter: a stem's two bits lie in one 32-bit word, so
 * a stem that is in it (every stem of a name found) costs one memory access, not two. Word
 * index and bits from hash1 only (the scanner computes hash2 only for stems that pass), by
 * other mixes than the form filters' (lib/spot/filters.ts): a bare stem is also a form, and
 * with the same mixes a form filter's false positive would pass here too. Top bits of
 * multiplicative mixes: the low bits of an FNV-style hash depend on the low bits of the input only.
 */
export function stemWord(hash1: number, shift: number): number {
  return Math.imul(hash1, 0x9e3779b1) >>> shift;
}
export function stemMask(hash1: number): number {
  const y = Math.imul(hash1 ^ (hash1 >>> 15), 0x2c1b3c6d);
  return (1 << (y >>> 27)) | (1 << ((y >>> 22) & 31));
}
