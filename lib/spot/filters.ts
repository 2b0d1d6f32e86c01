/**
 * The matcher's four Bloom filters, built by the compiler and stored with the compiled form:
 * built at load they cost every page ~20 ms of cold code (one pass over every stem + ending),
 * stored they cost ~0.35 MB of base64 and a decode.
 *
 * - Form filters (blocked: two bits in one 32-bit word): a hash of every stem + allowed
 *   ending. Every page word is tested once, so they decide the scan rate.
 * - Stem filters: the stems alone, tested per probed stem of a word that passed its form
 *   filter; they keep most wrong splits (stem + ending) away from the edge table.
 * Root edges (a name's first word) and inner edges (later words, keyed by their parent node)
 * have one filter each.
 */
import { HASH_MUL_1 } from "../text/tokens";
import { stemMask, stemWord } from "./compiled";
import { base64ToInt32, int32ToBase64 } from "./typed-base64";

export interface MatcherFilters {
  rootForm: Int32Array;
  innerForm: Int32Array;
  rootStem: Int32Array;
  innerStem: Int32Array;
}

/** What the filters are built from: the trie edges and the folded units of each ending set. */
export interface FilterEdges {
  count: number;
  parent: ArrayLike<number>;
  hash1: ArrayLike<number>;
  endingSet: ArrayLike<number>;
  endingSets: readonly (readonly string[])[];
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Shift that maps a 32-bit mix to an index below `size` (a power of two). */
export function shiftFor(size: number): number {
  return 32 - Math.log2(size);
}

/** Key of an inner (non-root) edge form: its parent node mixed into the form hash. */
export function innerFormKey(parent: number, hash1: number): number {
  return hash1 ^ Math.imul(parent, 0x27d4eb2f);
}

/** Blocked Bloom filter word index of a form key (one memory access per test). */
export function formWord(key: number, shift: number): number {
  return Math.imul(key ^ (key >>> 16), 0x85ebca6b) >>> shift;
}

/** The two bits a form key sets in its filter word. */
export function formMask(key: number): number {
  const y = Math.imul(key, 0x9e3779b1);
  return (1 << (y >>> 27)) | (1 << ((y >>> 22) & 31));
}

/** Bit of an inner stem (parent node + stem hash) in the inner stem filter. */
export function innerStemBit(parent: number, hash1: number, shift: number): number {
  return Math.imul(hash1 ^ Math.imul(parent, 0x27d4eb2f), 0x9e3779b1) >>> shift;
}

function setBit(filter: Int32Array, bit: number): void {
  filter[bit >>> 5]! |= 1 << (bit & 31);
}

export function buildFilters(edges: FilterEdges): MatcherFilters {
  const endingUnits = edges.endingSets.map((set) => set.map((e) => Array.from(e, (ch) => ch.charCodeAt(0))));
  let rootEdges = 0;
  let rootForms = 0;
  let innerForms = 0;
  for (let i = 0; i < edges.count; i++) {
    const forms = endingUnits[edges.endingSet[i]!]?.length ?? 0;
    if (edges.parent[i] === 0) {
      rootEdges++;
      rootForms += forms;
    } else innerForms += forms;
  }
  // Sizes: >= 8 bits per form, >= 32 bits per root stem, >= 16 per inner stem.
  const rootForm = new Int32Array(nextPow2(Math.max(128, rootForms / 4)));
  const innerForm = new Int32Array(nextPow2(Math.max(128, innerForms / 4)));
  const rootStem = new Int32Array(nextPow2(Math.max(1024, rootEdges * 32)) >>> 5);
  const innerStem = new Int32Array(nextPow2(Math.max(1024, (edges.count - rootEdges) * 16)) >>> 5);
  const rootFormShift = shiftFor(rootForm.length);
  const innerFormShift = shiftFor(innerForm.length);
  const rootStemShift = shiftFor(rootStem.length);
  const innerStemShift = shiftFor(innerStem.length * 32);
  for (let i = 0; i < edges.count; i++) {
    const parent = edges.parent[i]!;
    const hash1 = edges.hash1[i]!;
    if (parent !== 0) setBit(innerStem, innerStemBit(parent, hash1, innerStemShift));
    else {
      rootStem[stemWord(hash1, rootStemShift)]! |= stemMask(hash1);
    }
    // The hash of stem + ending continues the stem's hash over the ending's units.
    for (const units of endingUnits[edges.endingSet[i]!] ?? []) {
      let h = hash1;
      for (const u of units) h = Math.imul(h ^ u, HASH_MUL_1);
      if (parent === 0) rootForm[formWord(h, rootFormShift)]! |= formMask(h);
      else {
        const key = innerFormKey(parent, h);
        innerForm[formWord(key, innerFormShift)]! |= formMask(key);
      }
    }
  }
  return { rootForm, innerForm, rootStem, innerStem };
}

/** A stored filter must be a power-of-two number of words (its index is the top bits of a mix). */
export function isFilterSize(words: number): boolean {
  return words >= 32 && (words & (words - 1)) === 0;
}

export function filtersToBase64(f: MatcherFilters): Record<keyof MatcherFilters, string> {
  return { rootForm: int32ToBase64(f.rootForm), innerForm: int32ToBase64(f.innerForm), rootStem: int32ToBase64(f.rootStem), innerStem: int32ToBase64(f.innerStem) };
}

export function filtersFromBase64(stored: Record<keyof MatcherFilters, string>): MatcherFilters {
  const f = { rootForm: base64ToInt32(stored.rootForm), innerForm: base64ToInt32(stored.innerForm), rootStem: base64ToInt32(stored.rootStem), innerStem: base64ToInt32(stored.innerStem) };
  for (const [name, words] of Object.entries(f)) {
    if (!isFilterSize(words.length)) throw new Error(`compiled matcher is damaged: the ${name} filter has ${words.length} words, not a power of two; recompile the gazetteer`);
  }
  return f;
}
