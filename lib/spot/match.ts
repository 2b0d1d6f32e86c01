/**
 * The scanner: one pass over the text that folds and hashes every word through the matcher's
 * own unit table (one array read per UTF-16 unit: kind and folded unit packed together). At
 * the end of a word one test in a "form" filter — hashes of every stem + allowed ending, built
 * at load — rejects almost every word that cannot be (part of) a name. Only words that pass are
 * refolded and probed stem by stem (the word minus each possible ending) against the edge
 * table. Multi-word names continue from the nodes the previous word reached, across gaps of
 * spaces or hyphens only. Hits are then checked for case, context (lib/spot/context.ts) and
 * reduced to leftmost-longest, non-overlapping mentions.
 */
import { CharClass, charClass, foldTables, isUpperCaseCode } from "../text/fold";
import { isElision, HASH_MUL_1, HASH_MUL_2, HASH_SEED_1, HASH_SEED_2 } from "../text/tokens";
import { COMPILED_FORMAT, CompiledGazetteer, NODE_FIELDS, PATTERN_FIELDS, type CompiledEntity, edgeSlot, PATTERN_CHECK_CASE, stemMask, stemWord, PATTERN_WEAK } from "./compiled";
import { applyContext, type Candidate } from "./context";
import { describeIssues } from "../sync/zod-issues";
import { filtersFromBase64, formMask as formMaskOf, formWord as formWordOf, innerFormKey as innerFormKeyOf, innerStemBit as innerStemBitOf, nextPow2, shiftFor } from "./filters";
import { base64ToInt32 } from "./typed-base64";
import type { SpotEntity, SpotMention } from "./types";

export interface Matcher {
  find(text: string): SpotMention[];
  /** find() for each text, in one pass over all of them: per-call costs are paid once. */
  findEach(texts: readonly string[]): SpotMention[][];
  entity(id: string): SpotEntity | undefined;
  entities(): SpotEntity[];
}

// Module-level copies of imported bindings: some module loaders (CommonJS transpilation in
// node) turn every use of an imported name into a getter call, which costs more than the scan.
const classOf = charClass;
const isUpperUnit = isUpperCaseCode;
const FOLD1 = foldTables.fold1;
const FOLD2 = foldTables.fold2;
const WORD_CLASS = CharClass.Word;
const IGNORABLE_CLASS = CharClass.Ignorable;
const APOSTROPHE_CLASS = CharClass.Apostrophe;
const SEPARATOR_CLASS = CharClass.Separator;
const SEED1 = HASH_SEED_1;
const SEED2 = HASH_SEED_2;
const MUL1 = HASH_MUL_1;
const MUL2 = HASH_MUL_2;
const slotOf = edgeSlot;
const stemWordOf = stemWord;
const stemMaskOf = stemMask;
const formMask = formMaskOf;
const formWord = formWordOf;
const innerFormKey = innerFormKeyOf;
const innerStemBit = innerStemBitOf;
const CHECK_CASE = PATTERN_CHECK_CASE;
const WEAK = PATTERN_WEAK;

/** Most words a multi-word name may continue from at once (alternative stems of one word). */
const MAX_ACTIVE = 32;
/** Longest word (folded units) that can be part of a name; no gazetteer token comes close. */
const WORD_BUFFER = 64;
/** Int32 fields per edge table slot. */
const SLOT_FIELDS = 4;
/**
 * The first field of a slot: the child node, and two facts about it that a hit needs at once
 * (read from the same cache line as the edge instead of two more arrays).
 */
const CHILD_BITS = 29;
const CHILD_MASK = (1 << CHILD_BITS) - 1;
const CHILD_HAS_PATTERNS = 1 << CHILD_BITS;
const CHILD_HAS_CHILDREN = 1 << (CHILD_BITS + 1);
/** Longest gap (spaces, hyphens) between the words of one name. */
const MAX_GAP = 3;
/** Folded units allowed between the words of one name: space, hyphen, quotes (цэнтр «Вясна»). */
const GAP_UNITS = new Set([..." -«»\"„“”‚‘"].map((ch) => ch.charCodeAt(0)));

/**
 * The scanner's unit table: kind in the low 3 bits, the first folded unit above them, so the
 * hot loop reads one Int32 per UTF-16 unit instead of a class and two fold tables. Filled
 * lazily from lib/text/fold (same rules), shared by every matcher.
 */
const KIND_UNKNOWN = 0;
const KIND_SEPARATOR = 1;
/** Word character folding to one unit. */
const KIND_WORD = 2;
/** Word character folding to two units (ß → ss): the second is in FOLD2. */
const KIND_WORD_PAIR = 3;
const KIND_IGNORABLE = 4;
const KIND_APOSTROPHE = 5;
/** (entry & KIND_WORD_TEST) === KIND_WORD holds for both word kinds and nothing else. */
const KIND_WORD_TEST = 6;
const UNITS = new Int32Array(0x10000);

function unitEntry(c: number): number {
  const cls = classOf(c);
  let entry: number;
  if (cls === WORD_CLASS) entry = (FOLD1[c]! << 3) | (FOLD2[c] !== 0 ? KIND_WORD_PAIR : KIND_WORD);
  else if (cls === IGNORABLE_CLASS) entry = KIND_IGNORABLE;
  else if (cls === APOSTROPHE_CLASS) entry = KIND_APOSTROPHE;
  else entry = KIND_SEPARATOR;
  UNITS[c] = entry;
  return entry;
}

function isWordUnit(c: number): boolean {
  let entry = UNITS[c]!;
  if (entry === KIND_UNKNOWN) entry = unitEntry(c);
  return (entry & KIND_WORD_TEST) === KIND_WORD;
}

/**
 * Endings are compared by a hash of their folded units (no string per probe), taken from the
 * last unit back: probe() extends it by one unit per shorter stem it tries.
 */
const ENDING_SEED = 0x6b43a9b5;
const ENDING_MUL = 0x01000193;
function endingKey(units: ArrayLike<number>, from: number, to: number): number {
  let h = ENDING_SEED;
  for (let i = to - 1; i >= from; i--) h = Math.imul(h ^ units[i]!, ENDING_MUL);
  return (h ^ (to - from)) | 0;
}

/** Bit of an ending key in the union-of-endings bitmap (ANY_ENDING_WORDS Int32 words). */
const ANY_ENDING_WORDS = 64;
function endingBit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 21;
}

function gapJoins(text: string, from: number, to: number): boolean {
  if (to - from > MAX_GAP || from < 0) return false;
  // An apostrophe alone between two words: the end of an elided prefix (centrale nucléaire
  // d'Astravets); inside any other word it belongs to the word.
  if (to - from === 1 && classOf(text.charCodeAt(from)) === APOSTROPHE_CLASS) return true;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // One line break inside running text joins ("Maksim\nZnak"); a blank line does not.
      if (breaks++ > 0) return false;
      continue;
    }
    if (c === 13) continue;
    const cls = classOf(c);
    if (cls === IGNORABLE_CLASS) continue;
    if (cls !== SEPARATOR_CLASS || !GAP_UNITS.has(FOLD1[c]!)) return false;
  }
  return true;
}

/** Case rules of a pattern, checked on the surface words of text[start, end). */
function caseMatches(text: string, start: number, end: number, first: number, all: number): boolean {
  let j = 0;
  let i = start;
  while (i < end && j < 31) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const wantUpper = (first & (1 << j)) !== 0;
    if (isUpperUnit(text.charCodeAt(i)) !== wantUpper) return false;
    const wordStart = i;
    i = wordEndAt(text, i, end);
    if ((all & (1 << j)) !== 0 && i - wordStart > 1 && !isUpperUnit(text.charCodeAt(wordStart + 1))) return false;
    j++;
  }
  return true;
}

/** Folded length of text[from, to), a word or the start of one (its units are in UNITS). */
function foldedLength(text: string, from: number, to: number): number {
  let len = 0;
  for (let i = from; i < to; i++) {
    const kind = UNITS[text.charCodeAt(i)]! & 7;
    if (kind === KIND_WORD || kind === KIND_APOSTROPHE) len++;
    else if (kind === KIND_WORD_PAIR) len += 2;
  }
  return len;
}

/** The folded unit of the character before `i` (the last one of a word-pair fold). */
function lastUnitBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  const entry = UNITS[c]!;
  const kind = entry & 7;
  if (kind === KIND_WORD) return entry >>> 3;
  if (kind === KIND_WORD_PAIR) return FOLD2[c]!;
  return 0;
}

/** End of the word starting at `from` (same rules as the scan, lib/text/tokens). */
function wordEndAt(text: string, from: number, end: number): number {
  let i = from;
  let len = 0;
  let last = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    let entry = UNITS[c]!;
    if (entry === KIND_UNKNOWN) entry = unitEntry(c);
    const kind = entry & 7;
    if (kind === KIND_WORD) {
      len++;
      last = entry >>> 3;
    } else if (kind === KIND_WORD_PAIR) {
      len += 2;
      last = FOLD2[c]!;
    } else if (kind === KIND_APOSTROPHE && !isElision(len, last) && i + 1 < end && isWordUnit(text.charCodeAt(i + 1))) len++;
    else if (kind !== KIND_IGNORABLE) break;
    i++;
  }
  return i;
}

/** Loads a compiled gazetteer from a file or the network: the whole form is validated first. */
export function createMatcher(input: CompiledGazetteer): Matcher {
  const parsed = CompiledGazetteer.safeParse(input);
  if (!parsed.success) throw new Error(`compiled matcher is not valid (${describeIssues(parsed.error)}); recompile the gazetteer`);
  return buildMatcher(parsed.data);
}

/**
 * Loads the compiled form the background stored in extension storage after loading it with
 * createMatcher (lib/background/matcher-store.ts). A page skips the schema walk over the
 * whole form (~10 ms of cold code per page) and keeps the format check and every table check
 * below; a form of another version is refused with the same message as a damaged one.
 */
export function createStoredMatcher(input: unknown): Matcher {
  if (!isCompiledOfThisFormat(input)) throw new Error(`stored matcher is not in format ${COMPILED_FORMAT}; it is replaced at the next sync`);
  return buildMatcher(input);
}

function isCompiledOfThisFormat(input: unknown): input is CompiledGazetteer {
  if (typeof input !== "object" || input === null) return false;
  const c = input as Partial<Record<keyof CompiledGazetteer, unknown>>;
  const strings = (o: unknown, keys: readonly string[]) => typeof o === "object" && o !== null && keys.every((k) => typeof (o as Record<string, unknown>)[k] === "string");
  return (
    c.format === COMPILED_FORMAT &&
    Array.isArray(c.entities) &&
    Array.isArray(c.endingSets) &&
    typeof c.maxEnding === "number" &&
    typeof c.patterns === "string" &&
    strings(c.edges, ["parent", "hash1", "hash2", "child", "endingSet"]) &&
    strings(c.filters, ["rootForm", "innerForm", "rootStem", "innerStem"]) &&
    strings(c.nodes, ["terms"])
  );
}

function buildMatcher(compiled: CompiledGazetteer): Matcher {
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
  const endingSets = compiled.endingSets.map((set) => new Set(set.map((e) => endingKey(Array.from(e, (ch) => ch.charCodeAt(0)), 0, e.length))));
  const endingEmpty = Uint8Array.from(compiled.endingSets, (s) => (s.includes("") ? 1 : 0));
  const anyEnding = new Int32Array(ANY_ENDING_WORDS);
  for (const set of endingSets) {
    for (const key of set) {
      const bit = endingBit(key);
      anyEnding[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  const maxEnding = compiled.maxEnding;

  const filters = filtersFromBase64(compiled.filters);
  // Node term lists and pattern fields come interleaved (lib/spot/compiled.ts): a hit reads one
  // cache line for its node and one for its patterns (a 100,000-name gazetteer misses on each).
  const nodeTerms = base64ToInt32(compiled.nodes.terms);
  const termPatterns = base64ToInt32(compiled.patterns);
  if (nodeTerms.length !== nodeCount * NODE_FIELDS || termPatterns.length % PATTERN_FIELDS !== 0) {
    throw new Error("compiled matcher is damaged: node or pattern arrays have the wrong length; recompile the gazetteer");
  }
  checkTermLists(nodeTerms, termPatterns, compiled.entities.length);
  const { table, mask, endingSetOf: E } = buildEdgeTable(eParent, eHash1, eHash2, eChild, eEnding, nodeTerms, endingSets.length);
  const entityList: SpotEntity[] = compiled.entities.map((e) => ({ id: e.id, name: e.name, type: e.type }));
  // Same keys in the same order for every entity (absent rules as undefined): the context
  // rules read them once per candidate, and one object shape keeps those reads monomorphic.
  const contextEntities: CompiledEntity[] = compiled.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    requires: e.requires,
    requiresIds: e.requiresIds,
    forbids: e.forbids,
    gated: e.gated,
  }));
  const byId = new Map(entityList.map((e) => [e.id, e]));
  const entityIds = compiled.entities.map((e) => e.id);

  const sc: Scanner = {
    table,
    mask,
    endingSetOf: E,
    endingSets,
    endingEmpty,
    anyEnding,
    maxEnding,
    filter: filters.rootStem,
    fshift: shiftFor(filters.rootStem.length),
    innerFilter: filters.innerStem,
    innerShift: shiftFor(filters.innerStem.length * 32),
    rootFormFilter: filters.rootForm,
    rootFormShift: shiftFor(filters.rootForm.length),
    innerFormFilter: filters.innerForm,
    innerFormShift: shiftFor(filters.innerForm.length),
    nodeTerms,
    termPatterns,
    nodeGroup: new Int32Array(nodeCount),
    groupIds: new Map(),
    buf: new Uint16Array(WORD_BUFFER),
    pre1: new Int32Array(WORD_BUFFER + 1),
    pre2: new Int32Array(WORD_BUFFER + 1),
    actNode: new Int32Array(MAX_ACTIVE),
    actStart: new Int32Array(MAX_ACTIVE),
    nxtNode: new Int32Array(MAX_ACTIVE),
    nxtStart: new Int32Array(MAX_ACTIVE),
    nxtN: 0,
    candStart: new Int32Array(256),
    candEnd: new Int32Array(256),
    candNode: new Int32Array(256),
    candN: 0,
    base: 0,
    restHash: 0,
  };

  function find(text: string): SpotMention[] {
    sc.candN = 0;
    sc.base = 0;
    scan(sc, text);
    if (sc.candN === 0) return [];
    return resolve(text, 0, sc.candN, 0);
  }

  function findEach(texts: readonly string[]): SpotMention[][] {
    const out: SpotMention[][] = texts.map(() => []);
    if (texts.length === 0) return out;
    // The texts are scanned one after another into one list of hits, positions numbered on
    // from text to text (a name never continues into the next text: each scan starts afresh);
    // each text's hits are then resolved against that text alone, exactly as find(text) would.
    sc.candN = 0;
    let at = 0;
    for (const text of texts) {
      sc.base = at;
      scan(sc, text);
      at += text.length;
    }
    sc.base = 0;
    const ends = sc.candEnd;
    const candN = sc.candN;
    let c = 0;
    let base = 0;
    for (let k = 0; k < texts.length && c < candN; k++) {
      const text = texts[k]!;
      const limit = base + text.length;
      // Candidates come in order of their end (they are pushed at the end of a word).
      let to = c;
      while (to < candN && ends[to]! <= limit) to++;
      if (to > c) out[k] = resolve(text, c, to, base);
      c = to;
      base = limit;
    }
    return out;
  }

  // The candidates of one resolve() live only until it returns (the context rules keep none),
  // so their objects are reused from call to call: a dense text has one or two per mention,
  // and fresh ones cost the young-generation collector a copy each time it runs meanwhile.
  const candidatePool: Candidate[] = [];
  const candidateList: Candidate[] = [];

  /** Resolves candidates [from, to) of the last scan, found in `text` placed at `base`. */
  function resolve(text: string, from: number, to: number, base: number): SpotMention[] {
    // Three functions, each with one long loop: the engine compiles a long loop on the fly
    // (on-stack replacement) with type feedback only for what ran before it, so code after the
    // loop in the same function would be dropped back to the slow tiers on every call.
    const accepted = applyContext(text, candidatesOf(text, from, to, base), contextEntities);
    return mentionsOf(text, accepted);
  }

  /** The (span, entity) candidates of hits [from, to), case rules applied, duplicates merged. */
  function candidatesOf(text: string, from: number, to: number, base: number): Candidate[] {
    const starts = sc.candStart;
    const ends = sc.candEnd;
    const nodes = sc.candNode;
    // Candidates of one span are pushed together (one word end), so duplicates of a
    // (start, end, entity) triple are found among the entries of the same span.
    const list = candidateList;
    list.length = 0;
    let spanFrom = 0;
    for (let c = from; c < to; c++) {
      const start = starts[c]! - base;
      const end = ends[c]! - base;
      if (list.length > 0 && (list[list.length - 1]!.start !== start || list[list.length - 1]!.end !== end)) spanFrom = list.length;
      const node = nodes[c]! * NODE_FIELDS;
      const first = nodeTerms[node]!;
      const count = nodeTerms[node + 1]!;
      for (let t = first; t < first + count; t++) {
        const p = t * PATTERN_FIELDS;
        const flags = termPatterns[p + 1]!;
        if ((flags & CHECK_CASE) !== 0 && !caseMatches(text, start, end, termPatterns[p + 2]!, termPatterns[p + 3]!)) continue;
        const entity = termPatterns[p]!;
        const weak = (flags & WEAK) !== 0;
        let dup = -1;
        for (let j = spanFrom; j < list.length; j++) {
          const d = list[j]!;
          if (d.entity === entity && d.start === start && d.end === end) {
            dup = j;
            break;
          }
        }
        if (dup === -1) {
          const k = list.length;
          const cand = candidatePool[k] ?? (candidatePool[k] = { start: 0, end: 0, entity: 0, weak: false });
          cand.start = start;
          cand.end = end;
          cand.entity = entity;
          cand.weak = weak;
          list.push(cand);
        } else if (list[dup]!.weak && !weak) list[dup]!.weak = false;
      }
    }
    return list;
  }

  /** Leftmost-longest mentions of the accepted candidates; among equal spans an unambiguous label, then gazetteer order. */
  function mentionsOf(text: string, accepted: Candidate[]): SpotMention[] {
    accepted.sort(byPosition);
    const out: SpotMention[] = [];
    let lastEnd = -1;
    for (const c of accepted) {
      if (c.start < lastEnd) continue;
      out.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, entityId: entityIds[c.entity]! });
      lastEnd = c.end;
    }
    return out;
  }

  return {
    find,
    findEach,
    entity: (id) => byId.get(id),
    entities: () => entityList.slice(),
  };
}

/**
 * The edge table: open addressing at load factor <= 0.5, one record per slot — child (-1:
 * empty), parent, hash1, hash2 — so a probe touches one cache line; the ending set of each
 * slot is apart, read only on a full match. A function of its own: it runs once per page, and
 * a small function gets optimised in the middle of its loop sooner than a large one.
 */
function buildEdgeTable(
  eParent: Int32Array,
  eHash1: Int32Array,
  eHash2: Int32Array,
  eChild: Int32Array,
  eEnding: Int32Array,
  nodeTerms: Int32Array,
  endingSetCount: number,
): { table: Int32Array; mask: number; endingSetOf: Int32Array } {
  const nodeCount = nodeTerms.length / NODE_FIELDS;
  if (nodeCount > CHILD_MASK) throw new Error("compiled matcher has too many trie nodes for one page");
  const edgeCount = eParent.length;
  const size = nextPow2(Math.max(16, edgeCount * 2));
  const mask = size - 1;
  const table = new Int32Array(size * SLOT_FIELDS).fill(-1);
  const endingSetOf = new Int32Array(size);
  // Which nodes have children, first: each record then carries its child's facts as it is written.
  const hasChildren = new Uint8Array(nodeCount);
  for (let i = 0; i < edgeCount; i++) {
    const parent = eParent[i]!;
    if (parent < 0 || parent >= nodeCount) throw new Error("compiled matcher is damaged: an edge points outside the trie; recompile the gazetteer");
    hasChildren[parent] = 1;
  }
  for (let i = 0; i < edgeCount; i++) {
    const parent = eParent[i]!;
    const child = eChild[i]!;
    const ending = eEnding[i]!;
    if (child <= 0 || child >= nodeCount || ending < 0 || ending >= endingSetCount) {
      throw new Error("compiled matcher is damaged: an edge points outside the trie; recompile the gazetteer");
    }
    const hash1 = eHash1[i]!;
    let slot = edgeSlot(parent, hash1, mask);
    while (table[slot * SLOT_FIELDS] !== -1) slot = (slot + 1) & mask;
    const rec = slot * SLOT_FIELDS;
    table[rec] = child | (nodeTerms[child * NODE_FIELDS + 1]! > 0 ? CHILD_HAS_PATTERNS : 0) | (hasChildren[child] === 1 ? CHILD_HAS_CHILDREN : 0);
    table[rec + 1] = parent;
    table[rec + 2] = hash1;
    table[rec + 3] = eHash2[i]!;
    endingSetOf[slot] = ending;
  }
  return { table, mask, endingSetOf };
}

/** Every node's pattern list lies inside the patterns, and every pattern names an entity. */
function checkTermLists(nodeTerms: Int32Array, patterns: Int32Array, entityCount: number): void {
  const patternCount = patterns.length / PATTERN_FIELDS;
  for (let at = 0; at < nodeTerms.length; at += NODE_FIELDS) {
    const first = nodeTerms[at]!;
    const count = nodeTerms[at + 1]!;
    if (count < 0 || (count > 0 && (first < 0 || first + count > patternCount))) {
      throw new Error("compiled matcher is damaged: a node's patterns lie outside the pattern list; recompile the gazetteer");
    }
  }
  for (let at = 0; at < patterns.length; at += PATTERN_FIELDS) {
    const entity = patterns[at]!;
    if (entity < 0 || entity >= entityCount) {
      throw new Error("compiled matcher is damaged: a pattern points outside the gazetteer; recompile the gazetteer");
    }
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function byPosition(x: Candidate, y: Candidate): number {
  return x.start - y.start || y.end - x.end || Number(x.weak) - Number(y.weak) || x.entity - y.entity;
}

/**
 * One matcher's tables and scratch state. The hot functions below are module-level and take
 * it as a parameter, so every matcher in a process runs the same optimised code (functions
 * created per matcher are optimised well only while a single matcher exists).
 */
interface Scanner {
  /** Edge table records: child (-1: empty slot), parent, hash1, hash2. */
  readonly table: Int32Array;
  readonly mask: number;
  /** Ending set of each slot. */
  readonly endingSetOf: Int32Array;
  readonly endingSets: readonly Set<number>[];
  readonly endingEmpty: Uint8Array;
  /** Union of every ending set's keys, one bit each (endingBit). */
  readonly anyEnding: Int32Array;
  readonly maxEnding: number;
  /** Stem filters (root, inner) and form filters (root, inner). */
  readonly filter: Int32Array;
  readonly fshift: number;
  readonly innerFilter: Int32Array;
  readonly innerShift: number;
  readonly rootFormFilter: Int32Array;
  readonly rootFormShift: number;
  readonly innerFormFilter: Int32Array;
  readonly innerFormShift: number;
  /** Per node: first term, term count (NODE_FIELDS). */
  readonly nodeTerms: Int32Array;
  /** Per term (a node's pattern): entity, flags, firstUpper, allUpper (PATTERN_FIELDS). */
  readonly termPatterns: Int32Array;
  /**
   * Nodes whose patterns say the same (entity, flags, case) — one label reached in several
   * languages — yield the same mentions, so a span keeps one of them. 0: not computed yet.
   */
  readonly nodeGroup: Int32Array;
  readonly groupIds: Map<string, number>;
  /** The word being probed: folded units and the two hashes of each prefix (index = length). */
  readonly buf: Uint16Array;
  readonly pre1: Int32Array;
  readonly pre2: Int32Array;
  /** Nodes (and name starts) a multi-word name continues from, and those the current word reaches. */
  actNode: Int32Array;
  actStart: Int32Array;
  nxtNode: Int32Array;
  nxtStart: Int32Array;
  nxtN: number;
  /** Hits of the current find(): parallel lists (start, end, trie node), reused across calls. */
  candStart: Int32Array<ArrayBuffer>;
  candEnd: Int32Array<ArrayBuffer>;
  candNode: Int32Array<ArrayBuffer>;
  candN: number;
  /** Added to the positions of the hits pushed (findEach numbers its texts' positions on). */
  base: number;
  /** Hash of the word wordRest() finished. */
  restHash: number;
}

function groupOf(sc: Scanner, node: number): number {
  let g = sc.nodeGroup[node]!;
  if (g === 0) {
    const from = sc.nodeTerms[node * NODE_FIELDS]!;
    const keys: string[] = [];
    for (let t = from; t < from + sc.nodeTerms[node * NODE_FIELDS + 1]!; t++) {
      const p = t * PATTERN_FIELDS;
      keys.push(Array.from(sc.termPatterns.subarray(p, p + PATTERN_FIELDS)).join(","));
    }
    const signature = keys.sort().join(" ");
    g = sc.groupIds.get(signature) ?? sc.groupIds.size + 1;
    sc.groupIds.set(signature, g);
    sc.nodeGroup[node] = g;
  }
  return g;
}

function pushCandidate(sc: Scanner, textStart: number, textEnd: number, node: number): void {
  const start = textStart + sc.base;
  const end = textEnd + sc.base;
  const n = sc.candN;
  // Most spans have one hit: groups are compared only when an earlier hit has the same span.
  if (n > 0 && sc.candStart[n - 1] === start && sc.candEnd[n - 1] === end) {
    const group = groupOf(sc, node);
    for (let j = n - 1; j >= 0 && sc.candStart[j] === start && sc.candEnd[j] === end; j--) {
      if (groupOf(sc, sc.candNode[j]!) === group) return;
    }
  }
  if (n === sc.candStart.length) {
    sc.candStart = grown(sc.candStart);
    sc.candEnd = grown(sc.candEnd);
    sc.candNode = grown(sc.candNode);
  }
  sc.candStart[n] = start;
  sc.candEnd[n] = end;
  sc.candNode[n] = node;
  sc.candN = n + 1;
}

/** Refolds text[ts, te) into sc.buf and fills the prefix hashes; returns the folded length. */
function loadWord(sc: Scanner, text: string, ts: number, te: number): number {
  // Every unit of the word went through the scan, so its table entry is filled.
  const buf = sc.buf;
  const pre1 = sc.pre1;
  const pre2 = sc.pre2;
  let len = 0;
  let h1 = SEED1;
  let h2 = SEED2;
  for (let i = ts; i < te && len < WORD_BUFFER; i++) {
    const c = text.charCodeAt(i);
    const entry = UNITS[c]!;
    const kind = entry & 7;
    let a: number;
    if (kind === KIND_WORD || kind === KIND_WORD_PAIR) a = entry >>> 3;
    else if (kind === KIND_APOSTROPHE) a = 39;
    else continue;
    buf[len++] = a;
    h1 = Math.imul(h1 ^ a, MUL1);
    h2 = Math.imul(h2 ^ a, MUL2);
    pre1[len] = h1;
    pre2[len] = h2;
    if (kind === KIND_WORD_PAIR && len < WORD_BUFFER) {
      const b = FOLD2[c]!;
      buf[len++] = b;
      h1 = Math.imul(h1 ^ b, MUL1);
      h2 = Math.imul(h2 ^ b, MUL2);
      pre1[len] = h1;
      pre2[len] = h2;
    }
  }
  return len;
}

/** Probes the loaded word (len units, ending at te) and its stems from one node. */
function probe(sc: Scanner, node: number, start: number, te: number, len: number): void {
  const root = node === 0;
  const { table, mask, pre1, pre2 } = sc;
  const maxK = len - 1 < sc.maxEnding ? len - 1 : sc.maxEnding;
  const buf = sc.buf;
  let endingHash = ENDING_SEED;
  for (let kk = 0; kk <= maxK; kk++) {
    const stemLen = len - kk;
    // endingKey(buf, stemLen, len), one unit longer than the last one.
    if (kk !== 0) endingHash = Math.imul(endingHash ^ buf[stemLen]!, ENDING_MUL);
    const ending = kk === 0 ? 0 : (endingHash ^ kk) | 0;
    // An ending no ending set has (most splits of an ordinary word) is dropped before any
    // filter or table read, which would miss the cache: the union fits in 256 bytes.
    if (kk !== 0) {
      const eb = endingBit(ending);
      if ((sc.anyEnding[eb >>> 5]! & (1 << (eb & 31))) === 0) continue;
    }
    const a = pre1[stemLen]!;
    if (root) {
      const sm = stemMaskOf(a);
      if ((sc.filter[stemWordOf(a, sc.fshift)]! & sm) !== sm) continue;
    } else {
      const bi = innerStemBit(node, a, sc.innerShift);
      if ((sc.innerFilter[bi >>> 5]! & (1 << (bi & 31))) === 0) continue;
    }
    const b = pre2[stemLen]!;
    let slot = slotOf(node, a, mask);
    for (;;) {
      const rec = slot * SLOT_FIELDS;
      const entry = table[rec]!;
      if (entry === -1) break;
      if (table[rec + 2] === a && table[rec + 1] === node && table[rec + 3] === b) {
        const set = sc.endingSetOf[slot]!;
        const ok = kk === 0 ? sc.endingEmpty[set] === 1 : sc.endingSets[set]!.has(ending);
        if (ok) {
          const child = entry & CHILD_MASK;
          if ((entry & CHILD_HAS_PATTERNS) !== 0) pushCandidate(sc, start, te, child);
          if ((entry & CHILD_HAS_CHILDREN) !== 0 && sc.nxtN < MAX_ACTIVE) {
            sc.nxtNode[sc.nxtN] = child;
            sc.nxtStart[sc.nxtN] = start;
            sc.nxtN++;
          }
        }
      }
      slot = (slot + 1) & mask;
    }
  }
}

/**
 * The word text[ts, te) (full hash h) passed a form filter: probes it from the active nodes
 * whose inner form filter it passes, and from the root. Returns how many nodes are active for
 * the next word.
 */
function probeWord(sc: Scanner, text: string, ts: number, te: number, h: number, actN: number, rootPass: boolean): number {
  sc.nxtN = 0;
  let len = -1;
  for (let s = 0; s < actN; s++) {
    const node = sc.actNode[s]!;
    const key = innerFormKey(node, h);
    const m = formMask(key);
    if ((sc.innerFormFilter[formWord(key, sc.innerFormShift)]! & m) !== m) continue;
    if (len < 0) len = loadWord(sc, text, ts, te);
    probe(sc, node, sc.actStart[s]!, te, len);
  }
  if (rootPass) {
    if (len < 0) len = loadWord(sc, text, ts, te);
    probe(sc, 0, ts, te, len);
  }
  // The nodes reached become the active ones for the next word.
  const tn = sc.actNode;
  sc.actNode = sc.nxtNode;
  sc.nxtNode = tn;
  const tstart = sc.actStart;
  sc.actStart = sc.nxtStart;
  sc.nxtStart = tstart;
  return sc.nxtN;
}

/**
 * The rest of a word from text[i] on, a unit the tight loop of scan() does not take: hashes
 * on with the full rules (two-unit folds, apostrophes, ignorables, units not yet in the table).
 * Returns where the word ends; its hash is left in sc.restHash.
 */
function wordRest(sc: Scanner, text: string, ts: number, from: number, hash: number): number {
  const n = text.length;
  let h = hash;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    let entry = UNITS[c]!;
    if (entry === KIND_UNKNOWN) entry = unitEntry(c);
    const kind = entry & 7;
    if (kind === KIND_WORD) h = Math.imul(h ^ (entry >>> 3), MUL1);
    else if (kind === KIND_WORD_PAIR) h = Math.imul(Math.imul(h ^ (entry >>> 3), MUL1) ^ FOLD2[c]!, MUL1);
    else if (kind === KIND_APOSTROPHE) {
      // Inside a word only between word characters and after more than an elided prefix (d'Aliaksandr).
      if (i + 1 >= n || !isWordUnit(text.charCodeAt(i + 1)) || isElision(foldedLength(text, ts, i), lastUnitBefore(text, i))) break;
      h = Math.imul(h ^ 39, MUL1);
    } else if (kind !== KIND_IGNORABLE) break;
    i++;
  }
  sc.restHash = h;
  return i;
}

/** The scan: fills sc.cand* with every (span, trie node) hit in text. */
function scan(sc: Scanner, text: string): void {
  const units = UNITS;
  const rootFilter = sc.rootFormFilter;
  const rootShift = sc.rootFormShift;
  const n = text.length;
  let actN = 0;
  let prevEnd = -1;
  let i = 0;
  // The table entry of text[i] (a separator past the end). Separators and words each have a
  // loop of their own: one loop branching on the kind of every unit ran 5–15 % slower.
  let entry = n > 0 ? units[text.charCodeAt(0)]! : KIND_SEPARATOR;
  while (i < n) {
    while ((entry & KIND_WORD_TEST) !== KIND_WORD) {
      if (entry === KIND_UNKNOWN) {
        entry = unitEntry(text.charCodeAt(i));
        continue;
      }
      if (++i >= n) return;
      entry = units[text.charCodeAt(i)]!;
    }
    // A word: fold and hash it (FNV over folded units, as lib/text/tokens hashFolded). The
    // tight loop takes units that fold to one unit; anything else inside a word (ß, an
    // apostrophe, a combining mark, a unit not seen yet) goes on in wordRest. The folded
    // length is not counted here: it is needed only at an apostrophe, for long words, and
    // when the word is probed.
    const ts = i;
    let h = SEED1;
    while ((entry & 7) === KIND_WORD) {
      h = Math.imul(h ^ (entry >>> 3), MUL1);
      if (++i >= n) {
        entry = KIND_SEPARATOR;
        break;
      }
      entry = units[text.charCodeAt(i)]!;
    }
    if ((entry & 7) !== KIND_SEPARATOR) {
      i = wordRest(sc, text, ts, i, h);
      h = sc.restHash;
      entry = i < n ? units[text.charCodeAt(i)]! : KIND_SEPARATOR;
    }
    // A unit folds to at most two: only words over half the buffer can overflow it.
    const tooLong = i - ts > WORD_BUFFER / 2 && foldedLength(text, ts, i) > WORD_BUFFER;
    if (actN > 0 && (tooLong || !gapJoins(text, prevEnd, ts))) actN = 0;
    prevEnd = i;
    if (tooLong) continue;
    const m = formMask(h);
    const rootPass = (rootFilter[formWord(h, rootShift)]! & m) === m;
    if (rootPass || actN > 0) actN = probeWord(sc, text, ts, i, h, actN, rootPass);
  }
}
