/**
 * The scanner: one pass over the text, folding each UTF-16 unit through the table in
 * lib/text/fold.ts and hashing each word on the fly (two 32-bit hashes of every prefix). At
 * the end of a word it probes the word and its last few prefixes (stem + ending) against the
 * edge table — root probes first pass a Bloom filter, so most words cost a few bit tests.
 * Multi-word names continue from the nodes the previous word reached, across gaps of spaces
 * or hyphens only. Hits are then checked for case, context (lib/spot/context.ts) and reduced
 * to leftmost-longest, non-overlapping mentions.
 */
import { CharClass, charClass, foldTables, isUpperCaseUnit } from "../text/fold";
import { ELISION_MAX, HASH_MUL_1, HASH_MUL_2, HASH_SEED_1, HASH_SEED_2, wordTokens } from "../text/tokens";
import { CompiledGazetteer, edgeSlot, filterBit1, filterBit2, PATTERN_CHECK_CASE, PATTERN_WEAK } from "./compiled";
import { applyContext, type Candidate } from "./context";
import { base64ToInt32 } from "./typed-base64";
import type { SpotEntity, SpotMention } from "./types";

export interface Matcher {
  find(text: string): SpotMention[];
  entity(id: string): SpotEntity | undefined;
  entities(): SpotEntity[];
}

/** Most words a multi-word name may continue from at once (alternative stems of one word). */
const MAX_ACTIVE = 32;
/** Folded-unit buffer per word; longer words are matched whole, without ending probes. */
const WORD_BUFFER = 64;
/** Longest gap (spaces, hyphens) between the words of one name. */
const MAX_GAP = 3;

/** Folded units allowed between the words of one name: space, hyphen, quotes (цэнтр «Вясна»). */
const GAP_UNITS = new Set([..." -«»\"„“”‚‘"].map((ch) => ch.charCodeAt(0)));

const WORD = CharClass.Word;
const IGNORABLE = CharClass.Ignorable;
const APOSTROPHE = CharClass.Apostrophe;

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Loads a compiled gazetteer (validated: it may come from storage or the network). */
export function createMatcher(input: CompiledGazetteer): Matcher {
  const compiled = CompiledGazetteer.parse(input);
  const edgeCount = compiled.edges.count;
  const eParent = base64ToInt32(compiled.edges.parent);
  const eHash1 = base64ToInt32(compiled.edges.hash1);
  const eHash2 = base64ToInt32(compiled.edges.hash2);
  const eChild = base64ToInt32(compiled.edges.child);
  const eEnding = base64ToInt32(compiled.edges.endingSet);
  const nodeCount = compiled.nodes.count;
  if ([eParent, eHash1, eHash2, eChild, eEnding].some((a) => a.length !== edgeCount)) {
    throw new Error("compiled matcher is damaged: edge arrays differ in length; recompile the gazetteer");
  }
  // Open-addressing table at load factor <= 0.5, and a Bloom filter (2 bits, 32 bits per key)
  // over root edges so most page words are rejected before touching the table.
  const size = nextPow2(Math.max(16, edgeCount * 2));
  const mask = size - 1;
  const P = new Int32Array(size);
  const H1 = new Int32Array(size);
  const H2 = new Int32Array(size);
  const C = new Int32Array(size).fill(-1);
  const E = new Int32Array(size);
  const hasChildren = new Uint8Array(nodeCount);
  let rootEdges = 0;
  for (let i = 0; i < edgeCount; i++) if (eParent[i] === 0) rootEdges++;
  const filterBits = nextPow2(Math.max(1024, rootEdges * 32));
  const fshift = 32 - Math.log2(filterBits);
  const filter = new Int32Array(filterBits >>> 5);
  for (let i = 0; i < edgeCount; i++) {
    const parent = eParent[i]!;
    const child = eChild[i]!;
    if (parent < 0 || parent >= nodeCount || child <= 0 || child >= nodeCount) {
      throw new Error("compiled matcher is damaged: an edge points outside the trie; recompile the gazetteer");
    }
    let slot = edgeSlot(parent, eHash1[i]!, mask);
    while (C[slot] !== -1) slot = (slot + 1) & mask;
    P[slot] = parent;
    H1[slot] = eHash1[i]!;
    H2[slot] = eHash2[i]!;
    C[slot] = child;
    E[slot] = eEnding[i]!;
    hasChildren[parent] = 1;
    if (parent === 0) {
      const b1 = filterBit1(eHash1[i]!, fshift);
      const b2 = filterBit2(eHash1[i]!, fshift);
      filter[b1 >>> 5]! |= 1 << (b1 & 31);
      filter[b2 >>> 5]! |= 1 << (b2 & 31);
    }
  }
  const termStart = base64ToInt32(compiled.nodes.termStart);
  const termCount = base64ToInt32(compiled.nodes.termCount);
  const terms = base64ToInt32(compiled.terms);
  const patEntity = base64ToInt32(compiled.patterns.entity);
  const patFlags = base64ToInt32(compiled.patterns.flags);
  const patFirst = base64ToInt32(compiled.patterns.firstUpper);
  const patAll = base64ToInt32(compiled.patterns.allUpper);
  // Endings are compared by a hash of their folded units (no string per probe).
  const endingKey = (units: ArrayLike<number>, from: number, to: number) => {
    let h = 0x6b43a9b5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ units[i]!, 0x01000193);
    return (h ^ (to - from)) | 0;
  };
  const endingSets = compiled.endingSets.map((set) => new Set(set.map((e) => endingKey(Array.from(e, (ch) => ch.charCodeAt(0)), 0, e.length))));
  const endingEmpty = Uint8Array.from(compiled.endingSets, (s) => (s.includes("") ? 1 : 0));
  const maxEnding = compiled.maxEnding;
  const entityList: SpotEntity[] = compiled.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
  const byId = new Map(entityList.map((e) => [e.id, e]));

  // Imported bindings are copied into locals: some module loaders (CommonJS transpilation in
  // node) turn every imported name into a getter call, which costs more than the scan itself.
  const { classes, fold1, fold2 } = foldTables;
  const classOf = charClass;
  const slotOf = edgeSlot;
  const bit1Of = filterBit1;
  const bit2Of = filterBit2;
  const SEED1 = HASH_SEED_1;
  const SEED2 = HASH_SEED_2;
  const MUL1 = HASH_MUL_1;
  const MUL2 = HASH_MUL_2;
  const ELISION = ELISION_MAX;
  const ring1 = new Int32Array(8);
  const ring2 = new Int32Array(8);
  const buf = new Uint16Array(WORD_BUFFER);
  let actNode = new Int32Array(MAX_ACTIVE);
  let actStart = new Int32Array(MAX_ACTIVE);
  let nxtNode = new Int32Array(MAX_ACTIVE);
  let nxtStart = new Int32Array(MAX_ACTIVE);

  function gapJoins(text: string, from: number, to: number): boolean {
    if (to - from > MAX_GAP || from < 0) return false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
      const cls = charClass(c);
      if (cls === IGNORABLE) continue;
      const f = fold1[c]!;
      if (cls !== CharClass.Separator || !GAP_UNITS.has(f)) return false;
    }
    return true;
  }

  // Per-call scratch, reset by find(); kept here so the hot loop allocates nothing per word.
  let candStart: number[] = [];
  let candEnd: number[] = [];
  let candNode: number[] = [];
  let nxtN = 0;

  /**
   * Refolds the word text[ts, te) into buf (the hot loop keeps only hash1 prefixes) and
   * returns its folded length. Same folding rules as the scan.
   */
  function refold(text: string, ts: number, te: number): number {
    let len = 0;
    for (let i = ts; i < te && len < WORD_BUFFER; i++) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if (k === APOSTROPHE) {
        buf[len++] = 39;
        continue;
      }
      const a = fold1[c]!;
      if (a === 0) continue;
      buf[len++] = a;
      const b = fold2[c]!;
      if (b !== 0 && len < WORD_BUFFER) buf[len++] = b;
    }
    return len;
  }

  function hash2Of(n: number): number {
    let h = SEED2;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ buf[i]!, MUL2);
    return h;
  }

  /**
   * Looks the word (len folded units in buf, ending at te) and its stems up from one node.
   * `bufLen` < 0 means buf is not filled yet; returns the filled length.
   */
  function probe(text: string, node: number, start: number, root: boolean, len: number, ts: number, te: number, bufLen: number): number {
    const maxK = len > WORD_BUFFER ? 0 : Math.min(maxEnding, len - 1);
    for (let kk = 0; kk <= maxK; kk++) {
      const a = ring1[(len - kk) & 7]!;
      if (root) {
        const b1 = bit1Of(a, fshift);
        if ((filter[b1 >>> 5]! & (1 << (b1 & 31))) === 0) continue;
        const b2 = bit2Of(a, fshift);
        if ((filter[b2 >>> 5]! & (1 << (b2 & 31))) === 0) continue;
      }
      let slot = slotOf(node, a, mask);
      let b = 0;
      let haveB = false;
      for (;;) {
        const child = C[slot]!;
        if (child === -1) break;
        if (H1[slot] === a && P[slot] === node) {
          if (!haveB) {
            if (bufLen < 0) bufLen = refold(text, ts, te);
            b = hash2Of(len - kk);
            haveB = true;
          }
          if (H2[slot] === b) {
            const set = E[slot]!;
            const ok = kk === 0 ? endingEmpty[set] === 1 : endingSets[set]!.has(endingKey(buf, len - kk, len));
            if (ok) {
              if (termCount[child]! > 0) {
                candStart.push(start);
                candEnd.push(te);
                candNode.push(child);
              }
              if (hasChildren[child] === 1 && nxtN < MAX_ACTIVE) {
                nxtNode[nxtN] = child;
                nxtStart[nxtN] = start;
                nxtN++;
              }
            }
          }
        }
        slot = (slot + 1) & mask;
      }
    }
    return bufLen;
  }

  function find(text: string): SpotMention[] {
    const n = text.length;
    candStart = [];
    candEnd = [];
    candNode = [];
    let actN = 0;
    let prevEnd = -1;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      let k = classes[c]!;
      if (k === 0) k = classOf(c);
      if (k !== WORD) {
        i++;
        continue;
      }
      const ts = i;
      if (actN > 0 && !gapJoins(text, prevEnd, ts)) actN = 0;
      let h1 = SEED1;
      let len = 0;
      for (;;) {
        if (k === WORD || k === IGNORABLE) {
          const a = fold1[c]!;
          if (a !== 0) {
            h1 = Math.imul(h1 ^ a, MUL1);
            ring1[++len & 7] = h1;
            const b = fold2[c]!;
            if (b !== 0) {
              h1 = Math.imul(h1 ^ b, MUL1);
              ring1[++len & 7] = h1;
            }
          }
          i++;
        } else if (k === APOSTROPHE && len > ELISION && i + 1 < n && classOf(text.charCodeAt(i + 1)) === WORD) {
          h1 = Math.imul(h1 ^ 39, MUL1);
          ring1[++len & 7] = h1;
          i++;
        } else break;
        if (i >= n) break;
        c = text.charCodeAt(i);
        k = classes[c]!;
        if (k === 0) k = classOf(c);
      }
      const te = i;
      if (len === 0) continue;
      nxtN = 0;
      let bufLen = -1;
      for (let s = 0; s < actN; s++) bufLen = probe(text, actNode[s]!, actStart[s]!, false, len, ts, te, bufLen);
      // Root probe only when the filter lets one of the word's stems through (most words: none).
      const maxK = len > WORD_BUFFER ? 0 : len - 1 < maxEnding ? len - 1 : maxEnding;
      for (let kk = 0; kk <= maxK; kk++) {
        const a = ring1[(len - kk) & 7]!;
        const b1 = Math.imul(a, 0x9e3779b1) >>> fshift;
        if ((filter[b1 >>> 5]! & (1 << (b1 & 31))) === 0) continue;
        const b2 = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) >>> fshift;
        if ((filter[b2 >>> 5]! & (1 << (b2 & 31))) === 0) continue;
        probe(text, 0, ts, true, len, ts, te, bufLen);
        break;
      }
      if (nxtN > 0 || actN > 0) {
        const tn = actNode;
        actNode = nxtNode;
        nxtNode = tn;
        const tstart = actStart;
        actStart = nxtStart;
        nxtStart = tstart;
        actN = nxtN;
      }
      prevEnd = te;
    }
    if (candStart.length === 0) return [];
    return resolve(text, candStart, candEnd, candNode);
  }

  const tokensOf = wordTokens;
  const isUpper = isUpperCaseUnit;

  function caseMatches(text: string, start: number, end: number, pattern: number): boolean {
    const tokens = tokensOf(text.slice(start, end));
    const first = patFirst[pattern]!;
    const all = patAll[pattern]!;
    for (let j = 0; j < tokens.length && j < 31; j++) {
      const t = tokens[j]!;
      const s = text.slice(start + t.start, start + t.end);
      const wantUpper = (first & (1 << j)) !== 0;
      if (isUpper(s.charAt(0)) !== wantUpper) return false;
      if ((all & (1 << j)) !== 0 && s.length > 1 && !isUpper(s.charAt(1))) return false;
    }
    return true;
  }

  function resolve(text: string, starts: number[], ends: number[], nodes: number[]): SpotMention[] {
    const seen = new Map<string, Candidate>();
    for (let c = 0; c < starts.length; c++) {
      const node = nodes[c]!;
      const from = termStart[node]!;
      const count = termCount[node]!;
      for (let t = from; t < from + count; t++) {
        const p = terms[t]!;
        const flags = patFlags[p]!;
        if ((flags & PATTERN_CHECK_CASE) !== 0 && !caseMatches(text, starts[c]!, ends[c]!, p)) continue;
        const cand: Candidate = { start: starts[c]!, end: ends[c]!, entity: patEntity[p]!, weak: (flags & PATTERN_WEAK) !== 0 };
        const key = `${cand.start}:${cand.end}:${cand.entity}`;
        const prev = seen.get(key);
        if (prev === undefined || (prev.weak && !cand.weak)) seen.set(key, cand);
      }
    }
    const accepted = applyContext(text, [...seen.values()], compiled.entities);
    // Leftmost-longest; among equal spans an unambiguous label, then gazetteer order.
    accepted.sort((x, y) => x.start - y.start || y.end - x.end || Number(x.weak) - Number(y.weak) || x.entity - y.entity);
    const out: SpotMention[] = [];
    let lastEnd = -1;
    for (const c of accepted) {
      if (c.start < lastEnd) continue;
      out.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, entityId: compiled.entities[c.entity]!.id });
      lastEnd = c.end;
    }
    return out;
  }

  return {
    find,
    entity: (id) => byId.get(id),
    entities: () => entityList.slice(),
  };
}
