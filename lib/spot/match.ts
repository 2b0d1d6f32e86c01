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
import { CompiledGazetteer, edgeSlot, filterBit1, filterBit2, LEAD_UNITS, PATTERN_CHECK_CASE, PATTERN_WEAK } from "./compiled";
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
  const eLead = base64ToInt32(compiled.edges.lead);
  const nodeCount = compiled.nodes.count;
  if ([eParent, eHash1, eHash2, eChild, eEnding, eLead].some((a) => a.length !== edgeCount)) {
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
  const leads = new Set<number>();
  // Root stems shorter than LEAD_UNITS are keyed by themselves; the scanner then also tests
  // the word's 1- and 2-unit prefixes (only when such stems exist).
  const shortLead1 = compiled.shortRootStems.one;
  const shortLead2 = compiled.shortRootStems.two;
  for (let i = 0; i < edgeCount; i++) {
    if (eParent[i] !== 0) continue;
    rootEdges++;
    leads.add(eLead[i]!);
  }
  // Edges below the root get their own filter keyed by (parent, hash1): a name in progress
  // probes up to maxEnding+1 stems of the next word, and most of those are misses.
  const innerBits = nextPow2(Math.max(1024, (edgeCount - rootEdges) * 16));
  const innerShift = 32 - Math.log2(innerBits);
  const innerFilter = new Int32Array(innerBits >>> 5);
  const innerBit = (parent: number, hash1: number) => Math.imul(hash1 ^ Math.imul(parent, 0x27d4eb2f), 0x9e3779b1) >>> innerShift;
  const leadBits = nextPow2(Math.max(4096, leads.size * 32));
  const leadShift = 32 - Math.log2(leadBits);
  const leadFilter = new Int32Array(leadBits >>> 5);
  for (const lead of leads) {
    const bit = Math.imul(lead, 0x9e3779b1) >>> leadShift;
    leadFilter[bit >>> 5]! |= 1 << (bit & 31);
  }
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
    if (parent !== 0) {
      const b = innerBit(parent, eHash1[i]!);
      innerFilter[b >>> 5]! |= 1 << (b & 31);
    } else {
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
  const LEAD = LEAD_UNITS;
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
      } else {
        const bi = innerBit(node, a);
        if ((innerFilter[bi >>> 5]! & (1 << (bi & 31))) === 0) continue;
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

  // The word nextWord() stopped at: UTF-16 range and folded length (its prefix hashes are in ring1).
  let wordStart = 0;
  let wordEnd = 0;
  let wordLen = 0;

  /**
   * The tight loop: folds and hashes words from `from` and returns at the first word that may
   * start a name (its first units pass the lead filter) — or at the very next word when
   * `every` is set (a multi-word name is in progress). Returns false at the end of the text.
   * It makes no calls on the common path, so V8 keeps its tables in registers.
   */
  function nextWord(text: string, from: number, every: boolean): boolean {
    const n = text.length;
    let i = from;
    while (i < n) {
      let c = text.charCodeAt(i);
      let k = classes[c]!;
      if (k === 0) k = classOf(c);
      if (k !== WORD) {
        i++;
        continue;
      }
      const ts = i;
      if (!every) {
        // Fold only the first LEAD units and test them; most words fail and are skipped by
        // character class alone, without folding or hashing the rest.
        let q = SEED1;
        let q1 = 0;
        let q2 = 0;
        let m = 0;
        while (m < LEAD) {
          if (k === WORD || k === IGNORABLE) {
            const f = fold1[c]!;
            if (f !== 0) {
              q = Math.imul(q ^ f, MUL1);
              m++;
              if (m === 1) q1 = q;
              else if (m === 2) q2 = q;
              const g = fold2[c]!;
              if (g !== 0 && m < LEAD) {
                q = Math.imul(q ^ g, MUL1);
                m++;
                if (m === 2) q2 = q;
              }
            }
          } else break; // an apostrophe after fewer than three units ends the word (elision)
          i++;
          if (i >= n) break;
          c = text.charCodeAt(i);
          k = classes[c]!;
          if (k === 0) k = classOf(c);
        }
        if (m === 0) continue;
        let bit = Math.imul(q, 0x9e3779b1) >>> leadShift;
        let ok = (leadFilter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
        if (!ok && shortLead1 && m >= 2) {
          bit = Math.imul(q1, 0x9e3779b1) >>> leadShift;
          ok = (leadFilter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
        }
        if (!ok && shortLead2 && m >= 3) {
          bit = Math.imul(q2, 0x9e3779b1) >>> leadShift;
          ok = (leadFilter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
        }
        if (!ok) {
          // Skip the rest of the word by class only (same word rule as below). A word shorter
          // than LEAD units has already ended (at a separator or an elision apostrophe).
          while (m === LEAD && i < n) {
            c = text.charCodeAt(i);
            k = classes[c]!;
            if (k === 0) k = classOf(c);
            if (k === WORD || k === IGNORABLE) i++;
            else if (k === APOSTROPHE && i + 1 < n && classOf(text.charCodeAt(i + 1)) === WORD) i++;
            else break;
          }
          continue;
        }
        // A candidate: hash it fully from its start.
        i = ts;
        c = text.charCodeAt(i);
        k = classes[c]!;
      }
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
      if (len === 0) continue;
      wordStart = ts;
      wordEnd = i;
      wordLen = len;
      return true;
    }
    return false;
  }

  function find(text: string): SpotMention[] {
    candStart = [];
    candEnd = [];
    candNode = [];
    let actN = 0;
    let prevEnd = -1;
    let i = 0;
    while (nextWord(text, i, actN > 0)) {
      const ts = wordStart;
      const te = wordEnd;
      const len = wordLen;
      i = te;
      if (actN > 0 && !gapJoins(text, prevEnd, ts)) {
        actN = 0;
        // This word was returned only because a name was in progress: re-test it as a start.
        if (!leadPasses(len)) {
          prevEnd = te;
          continue;
        }
      }
      nxtN = 0;
      let bufLen = -1;
      for (let s = 0; s < actN; s++) bufLen = probe(text, actNode[s]!, actStart[s]!, false, len, ts, te, bufLen);
      if (actN === 0 || leadPasses(len)) {
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
      }
      const tn = actNode;
      actNode = nxtNode;
      nxtNode = tn;
      const tstart = actStart;
      actStart = nxtStart;
      nxtStart = tstart;
      actN = nxtN;
      prevEnd = te;
    }
    if (candStart.length === 0) return [];
    return resolve(text, candStart, candEnd, candNode);
  }

  /**
   * Lead-filter test for the word nextWord() returned in `every` mode (it skipped the test).
   * Conservative: words longer than 8 units always pass (their short prefixes left the ring).
   */
  function leadPasses(len: number): boolean {
    if (len > 8) return true;
    if (leadBit(len >= LEAD ? ring1[3]! : ring1[len]!)) return true;
    if (shortLead1 && len >= 2 && leadBit(ring1[1]!)) return true;
    return shortLead2 && len >= 3 && leadBit(ring1[2]!);
  }

  function leadBit(q: number): boolean {
    const bit = Math.imul(q, 0x9e3779b1) >>> leadShift;
    return (leadFilter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
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
    // Candidates of one span are pushed together (one word end), so duplicates of a
    // (start, end, entity) triple are found among the entries of the same span.
    const list: Candidate[] = [];
    let spanFrom = 0;
    for (let c = 0; c < starts.length; c++) {
      const start = starts[c]!;
      const end = ends[c]!;
      if (list.length > 0 && (list[list.length - 1]!.start !== start || list[list.length - 1]!.end !== end)) spanFrom = list.length;
      const node = nodes[c]!;
      const from = termStart[node]!;
      const count = termCount[node]!;
      for (let t = from; t < from + count; t++) {
        const p = terms[t]!;
        const flags = patFlags[p]!;
        if ((flags & PATTERN_CHECK_CASE) !== 0 && !caseMatches(text, start, end, p)) continue;
        const entity = patEntity[p]!;
        const weak = (flags & PATTERN_WEAK) !== 0;
        let dup = -1;
        for (let j = spanFrom; j < list.length; j++) {
          const d = list[j]!;
          if (d.entity === entity && d.start === start && d.end === end) {
            dup = j;
            break;
          }
        }
        if (dup === -1) list.push({ start, end, entity, weak });
        else if (list[dup]!.weak && !weak) list[dup]!.weak = false;
      }
    }
    const accepted = applyContext(text, list, compiled.entities);
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
