/**
 * Context rules for ambiguous names (lib/schema EntityContext), applied after matching:
 *
 * - forbidsNearby: a veto word within ±200 characters drops a mention that needs evidence (a
 *   weak label, a gated entity); an unambiguous spelling is dropped only by a veto word right
 *   beside it in the same sentence ("Mińsk Mazowiecki", "Brest, France"), so "Mińskiem
 *   Mazowieckim. W Mińsku…" keeps the second Minsk and "Svetlahorsk" survives a Kaliningrad
 *   mentioned earlier in the sentence.
 * - weakLabels: the label counts only with exact case (checked by the matcher) AND evidence:
 *   it is quoted («…» "…" „…“), OR a requiresNearby word is within ±200 characters or in the
 *   same paragraph, OR the text has an unambiguous mention of another entity elsewhere.
 * - requiresNearby without weakLabels ("gated"): every label of the entity needs the same evidence.
 * - The "Belarus mention elsewhere" evidence does not apply to a weak label of a place or an
 *   organisation at the start of a sentence: there its capital letter says nothing ("Вясна ў
 *   Беларусі позняя" is spring). A person's surname is capitalised anywhere, so it keeps it.
 * - A weak person label (a surname alone) also counts when the same person is named by an
 *   unambiguous label elsewhere in the text ("Nasta Loika … Loika had spent years").
 * - A weak label followed by a capitalised word ("Lida Kovaleva") is a first name or part of an
 *   unknown name, not the entity, unless quoted — or, for a surname, the person is named in
 *   full elsewhere (German capitalises nouns: "Kolesnikowas Schwester").
 * - A weak place label opening a sentence and followed by a comma and a lower-case word or a
 *   number ("Lida, a teacher from…", "Лида, жена…", "Lida, 28-letnia…") is a person in
 *   apposition, unless the apposition names a kind of place or opens with a locative
 *   preposition ("Lida, a town near Hrodna", "Lida, in western Belarus").
 * - A weak place label right after a word for a woman or a relative ("сяброўка Ліда", "his wife
 *   Lida", "siostra Lida") is a first name.
 * - A weak label right beside a foreign qualifier ("the Soviet KGB", "KGB soviétique",
 *   "French Brest") is that other country's namesake.
 * - Namesakes: a one-word mention of a person right after a given name that is not the
 *   person's own ("Igor Putin", "Олена Лукашенко", "Jan Kalinowski") is someone else. Given
 *   names: data/given-names.json and the first names of the gazetteer's people.
 *
 * Cue words are folded and match as token prefixes ("Франц" covers "Франции"); a cue that is an
 * entity id is satisfied by an accepted mention of that entity within the window.
 */
import { CharClass as CharClasses, charClass as classOfImported, fold, foldTables as tables, isUpperCaseCode as isUpperCodeImported, isUpperCaseUnit as isUpperImported } from "../text/fold";
import { BUILT_IN_GIVEN_NAMES, GivenNames, sameGivenName } from "../text/given-names";
import type { CompiledEntity } from "./compiled";

// Module-level copies of imported bindings: some loaders turn each use of an import into a
// getter call, which dominated the cost of the context checks.
const charClass = classOfImported;
const isUpperCaseUnit = isUpperImported;
const isUpperCaseCode = isUpperCodeImported;
const foldTables = tables;
const CharClass = { Word: CharClasses.Word, Ignorable: CharClasses.Ignorable } as const;

export interface Candidate {
  start: number;
  end: number;
  entity: number;
  weak: boolean;
}

export const NEARBY_CHARS = 200;
/** A paragraph counts as "the same paragraph" up to this far from the mention. */
const PARAGRAPH_CAP = 1000;
const OPENING_QUOTES = "«„“\"'‘‹‚「";
const CLOSING_QUOTES = "»“”\"'’›‘」";

function isWordUnit(text: string, i: number): boolean {
  return i >= 0 && i < text.length && charClass(text.charCodeAt(i)) === CharClass.Word;
}

/**
 * True when a folded cue occurs at a word start in text[from, to). Compares folded units in
 * place (no allocation): this runs for every mention of an entity with context rules.
 */
export function hasCueIn(text: string, from: number, to: number, cues: readonly string[]): boolean {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi <= lo || cues.length === 0) return false;
  const byFirst = cuesByFirstUnit(cues);
  const { classes, fold1 } = foldTables;
  let prevWord = lo > 0 && isWordUnit(text, lo - 1);
  for (let p = lo; p < hi; p++) {
    const c = text.charCodeAt(p);
    const cls = classes[c] === 0 ? charClass(c) : classes[c]!;
    const isWord = cls === CharClass.Word;
    if (isWord && !prevWord) {
      const candidates = byFirst.get(fold1[c]!);
      if (candidates !== undefined) for (const cue of candidates) if (cueAt(text, p, hi, cue)) return true;
    }
    if (cls !== CharClass.Ignorable) prevWord = isWord;
  }
  return false;
}

const cuesByFirstCache = new WeakMap<readonly string[], Map<number, string[]>>();

/** A cue list's cues by their folded first unit: a word start is compared with those alone. */
function cuesByFirstUnit(cues: readonly string[]): Map<number, string[]> {
  let map = cuesByFirstCache.get(cues);
  if (map === undefined) {
    map = new Map();
    for (const cue of cues) {
      const first = cue.charCodeAt(0);
      const list = map.get(first);
      if (list === undefined) map.set(first, [cue]);
      else list.push(cue);
    }
    // An empty cue (one that folds to nothing) matches wherever any other cue starts.
    if (cues.includes("")) for (const list of map.values()) if (!list.includes("")) list.push("");
    cuesByFirstCache.set(cues, map);
  }
  return map;
}

/** Does text, folded from position p (not past hi), start with the folded cue? */
function cueAt(text: string, p: number, hi: number, cue: string): boolean {
  return cueEnd(text, p, hi, cue) >= 0;
}

/** The end of the folded cue when text from p (not past hi) starts with it, else -1. */
function cueEnd(text: string, p: number, hi: number, cue: string): number {
  const { classes, fold1, fold2 } = foldTables;
  let j = 0;
  let i = p;
  while (j < cue.length) {
    if (i >= hi) return -1;
    const c = text.charCodeAt(i++);
    if (classes[c] === 0) charClass(c); // fills fold1/fold2 for c
    const a = fold1[c]!;
    if (a === 0) continue;
    if (a !== cue.charCodeAt(j++)) return -1;
    const b = fold2[c]!;
    if (b !== 0 && j < cue.length && b !== cue.charCodeAt(j++)) return -1;
  }
  return i;
}

/** Text blocks in which CueIndex finds cue hits at once. */
const CUE_BLOCK = 2048;
/**
 * Windows a block answers by a direct scan before it is indexed: a scan for one cue list is
 * much cheaper than indexing every cue of the gazetteer there, and even a block of a
 * name-dense report is asked about only a few times (indexed after 2 scans, such a text was
 * matched 12–15 % slower); a block asked dozens of times (weak names packed into one
 * paragraph) is indexed once, which keeps that case linear.
 */
const SCANS_BEFORE_INDEX = 32;

/** Folded cues in a trie over folded code units; each distinct cue has a number. */
class CueTrie {
  /** Child of the root for each code unit (0: none). */
  readonly rootChild = new Int32Array(0x10000);
  /**
   * Children of the other nodes in an open-addressing hash table of (node, unit) → child: the
   * walk looks one up at almost every word start of the text, and this is cheaper than a Map.
   */
  private readonly slotNode: Int32Array;
  private readonly slotUnit: Uint16Array;
  private readonly slotChild: Int32Array;
  private readonly mask: number;
  /** The number of the cue ending at each node, or -1. */
  readonly cueOf: number[] = [-1];
  private readonly numbers = new Map<string, number>();
  /** Per cue list of the trie: which cue numbers it holds. */
  readonly members = new Map<readonly string[], Uint8Array>();

  constructor(lists: readonly (readonly string[])[]) {
    const edges = new Map<number, number>(); // node * 0x10000 + unit → child, while building
    for (const cues of lists) for (const cue of cues) this.add(cue, edges);
    let size = 16;
    while (size < edges.size * 4) size *= 2;
    this.mask = size - 1;
    this.slotNode = new Int32Array(size);
    this.slotUnit = new Uint16Array(size);
    this.slotChild = new Int32Array(size);
    for (const [key, child] of edges) {
      const node = Math.floor(key / 0x10000);
      const unit = key % 0x10000;
      let h = slotOf(node, unit, this.mask);
      while (this.slotNode[h] !== 0) h = (h + 1) & this.mask;
      this.slotNode[h] = node;
      this.slotUnit[h] = unit;
      this.slotChild[h] = child;
    }
    for (const cues of lists) {
      const member = new Uint8Array(this.numbers.size);
      for (const cue of cues) member[this.numbers.get(cue)!] = 1;
      this.members.set(cues, member);
    }
  }

  /** The child of node for a code unit, or 0. */
  step(node: number, unit: number): number {
    if (node === 0) return this.rootChild[unit]!;
    const { slotNode, slotUnit, mask } = this;
    for (let h = slotOf(node, unit, mask); slotNode[h] !== 0; h = (h + 1) & mask) {
      if (slotNode[h] === node && slotUnit[h] === unit) return this.slotChild[h]!;
    }
    return 0;
  }

  private add(cue: string, edges: Map<number, number>): void {
    if (this.numbers.has(cue)) return;
    let node = 0;
    for (let j = 0; j < cue.length; j++) {
      const unit = cue.charCodeAt(j);
      let next = node === 0 ? this.rootChild[unit]! : (edges.get(node * 0x10000 + unit) ?? 0);
      if (next === 0) {
        next = this.cueOf.length;
        this.cueOf.push(-1);
        if (node === 0) this.rootChild[unit] = next;
        else edges.set(node * 0x10000 + unit, next);
      }
      node = next;
    }
    const n = this.numbers.size;
    this.numbers.set(cue, n);
    this.cueOf[node] = n;
  }
}

function slotOf(node: number, unit: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

const cueTrieCache = new WeakMap<readonly CompiledEntity[], CueTrie>();

/** The trie of every requiresNearby and forbidsNearby cue list of the entities. */
function cueTrieOf(entities: readonly CompiledEntity[]): CueTrie {
  let trie = cueTrieCache.get(entities);
  if (trie === undefined) {
    const lists: (readonly string[])[] = [];
    for (const e of entities) {
      // An empty cue makes hasCueIn match at any word start that some other cue of its list
      // begins with: such a list is left to hasCueIn.
      if (e.requires !== undefined && !e.requires.includes("")) lists.push(e.requires);
      if (e.forbids !== undefined && !e.forbids.includes("")) lists.push(e.forbids);
    }
    trie = new CueTrie(lists);
    cueTrieCache.set(entities, trie);
  }
  return trie;
}

/**
 * hasCueIn for many windows over one text: every occurrence of every cue of the trie at a word
 * start is found in one pass per block of text, so the mentions of a long text do not each
 * re-scan their paragraph for each of their cue lists. Answers exactly as hasCueIn.
 */
export class CueIndex {
  /** Per block: triples (word start, cue number, end of the cue), in text order. */
  private readonly blocks = new Map<number, number[]>();
  /** Per block not yet indexed: how many windows over it were answered by a direct scan. */
  private readonly scans: Uint8Array;
  private builtTrie: CueTrie | undefined;

  constructor(
    private readonly text: string,
    /** The gazetteer's cue trie, built on first use: a short text never needs it. */
    private readonly makeTrie: () => CueTrie,
  ) {
    this.scans = new Uint8Array(Math.ceil(text.length / CUE_BLOCK) + 1);
  }

  static of(text: string, entities: readonly CompiledEntity[]): CueIndex {
    return new CueIndex(text, () => cueTrieOf(entities));
  }

  private get trie(): CueTrie {
    this.builtTrie ??= this.makeTrie();
    return this.builtTrie;
  }

  has(from: number, to: number, cues: readonly string[]): boolean {
    const text = this.text;
    const lo = Math.max(0, from);
    const hi = Math.min(text.length, to);
    if (hi <= lo || cues.length === 0) return false;
    // hasCueIn judges a word start at the first non-ignorable unit q of the window by the unit
    // before the window alone; past q its word starts are the text's own, as in the blocks.
    let q = lo;
    while (q < hi && classAt(text, q) === CharClass.Ignorable) q++;
    if (q >= hi) return false;
    const firstBlock = Math.floor((q + 1) / CUE_BLOCK);
    let scan = false;
    for (let b = firstBlock; b * CUE_BLOCK < hi; b++) {
      if (this.blocks.has(b)) continue;
      const n = this.scans[b]!;
      if (n < SCANS_BEFORE_INDEX) {
        this.scans[b] = n + 1;
        scan = true;
      }
    }
    if (scan) return hasCueIn(text, from, to, cues);
    const member = this.trie.members.get(cues);
    if (member === undefined) return hasCueIn(text, from, to, cues);
    if (classAt(text, q) === CharClass.Word && !(lo > 0 && isWordUnit(text, lo - 1)) && startsWithCue(text, q, hi, cues)) return true;
    for (let b = firstBlock; b * CUE_BLOCK < hi; b++) {
      const hits = this.block(b);
      for (let k = 0; k < hits.length; k += 3) {
        const p = hits[k]!;
        if (p <= q) continue;
        if (p >= hi) break;
        if (member[hits[k + 1]!] === 1 && hits[k + 2]! <= hi) return true;
      }
    }
    return false;
  }

  private block(b: number): number[] {
    let hits = this.blocks.get(b);
    if (hits !== undefined) return hits;
    hits = [];
    const text = this.text;
    const trie = this.trie;
    const { rootChild, cueOf } = trie;
    const { classes, fold1, fold2 } = foldTables;
    const start = b * CUE_BLOCK;
    const end = Math.min(text.length, start + CUE_BLOCK);
    // Whether the last non-ignorable unit before the block is part of a word.
    let i = start - 1;
    while (i >= 0 && classAt(text, i) === CharClass.Ignorable) i--;
    let prevWord = i >= 0 && classAt(text, i) === CharClass.Word;
    for (let p = start; p < end; p++) {
      const first = text.charCodeAt(p);
      const cls = classes[first] === 0 ? charClass(first) : classes[first]!;
      const isWord = cls === CharClass.Word;
      if (isWord && !prevWord) {
        // Walk the folded text from p down the trie, comparing units as cueEnd does.
        let node = rootChild[fold1[first]!]!;
        let k = p + 1;
        if (node !== 0) {
          if (cueOf[node]! >= 0) hits.push(p, cueOf[node]!, k);
          const second = fold2[first]!;
          if (second !== 0) {
            node = trie.step(node, second);
            if (node !== 0 && cueOf[node]! >= 0) hits.push(p, cueOf[node]!, k);
          }
        }
        while (node !== 0 && k < text.length) {
          const c = text.charCodeAt(k++);
          if (classes[c] === 0) charClass(c); // fills fold1/fold2 for c
          const a = fold1[c]!;
          if (a === 0) continue;
          node = trie.step(node, a);
          if (node === 0) break;
          if (cueOf[node]! >= 0) hits.push(p, cueOf[node]!, k);
          const second = fold2[c]!;
          if (second === 0) continue;
          node = trie.step(node, second);
          if (node !== 0 && cueOf[node]! >= 0) hits.push(p, cueOf[node]!, k);
        }
      }
      if (cls !== CharClass.Ignorable) prevWord = isWord;
    }
    this.blocks.set(b, hits);
    return hits;
  }
}

/** Does a cue of the list start at p and end by hi (p being a word start)? */
function startsWithCue(text: string, p: number, hi: number, cues: readonly string[]): boolean {
  const candidates = cuesByFirstUnit(cues).get(foldTables.fold1[text.charCodeAt(p)]!);
  if (candidates !== undefined) for (const cue of candidates) if (cueAt(text, p, hi, cue)) return true;
  return false;
}

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const cls = foldTables.classes[c]!;
  return cls === 0 ? charClass(c) : cls;
}

/**
 * The line breaks of a text, found once (indexOf is far faster than a loop over units): the
 * paragraph of each mention that needs evidence is then two binary searches away.
 */
class LineBreaks {
  private readonly at: number[] = [];

  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.at.push(i);
  }

  /** The paragraph around [start, end), each side capped at PARAGRAPH_CAP units. */
  paragraphBounds(start: number, end: number): [number, number] {
    const at = this.at;
    // k: the first line break at or after start.
    let k = firstAtOrAfter(at, start);
    const minA = Math.max(0, start - PARAGRAPH_CAP);
    const a = k > 0 ? Math.max(minA, at[k - 1]! + 1) : minA;
    if (end > start) k = firstAtOrAfter(at, end);
    const maxB = Math.min(this.text.length, end + PARAGRAPH_CAP);
    const b = k < at.length ? Math.min(maxB, at[k]!) : maxB;
    return [a, b];
  }
}

/** Index of the first value at or after pos in a sorted list. */
function firstAtOrAfter(list: readonly number[], pos: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (list[m]! < pos) a = m + 1;
    else b = m;
  }
  return a;
}

function isQuoted(text: string, c: Candidate): boolean {
  const before = text.charAt(c.start - 1);
  const after = text.charAt(c.end);
  return before !== "" && after !== "" && OPENING_QUOTES.includes(before) && CLOSING_QUOTES.includes(after);
}

/** Next word after the mention on the same line, separated by one space. */
function followedByCapitalisedWord(text: string, c: Candidate): boolean {
  const sep = text.charAt(c.end);
  if (sep !== " " && sep !== "\u00a0") return false;
  const next = c.end + 1;
  return isWordUnit(text, next) && isUpperCaseCode(text.charCodeAt(next));
}

/**
 * An organisation's or event's acronym (2–5 capitals) before a capitalised word: the rule
 * above reads a weak label there as part of another name, which fits first names ("Lida
 * Kovaleva") but not acronyms, written in capitals and followed by names and titles in
 * running text ("главой КГБ Иваном Тертелем", "KGB Chairman"). A next word in capitals too
 * (a headline set in capitals) keeps the rule.
 */
function isAcronymBeforeWord(text: string, c: Candidate, e: CompiledEntity): boolean {
  if (e.type === "person" || e.type === "place" || c.end - c.start > 5 || !isAcronym(text, c)) return false;
  // followedByCapitalisedWord: text[c.end] is a space and text[c.end + 1] a capital.
  const second = c.end + 2;
  return isWordUnit(text, second) && !isUpperCaseCode(text.charCodeAt(second));
}

/** Written in capitals, two letters or more (KGB, ЦИК): an acronym, never a common word. */
function isAcronym(text: string, c: Candidate): boolean {
  if (c.end - c.start < 2) return false;
  for (let i = c.start; i < c.end; i++) if (!isUpperCaseCode(text.charCodeAt(i))) return false;
  return true;
}

/** Ends like a possessive ("Kolesnikowas Schwester", "Loika's Group"): German capitalises the noun after it. */
function isPossessive(text: string, c: Candidate): boolean {
  const last = text.charAt(c.end - 1);
  return c.end - c.start > 2 && (last === "s" || last === "S");
}

/** True at the start of the text, a line or a sentence (after . ! ? …), skipping spaces and openers. */
function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && SENTENCE_OPENER.test(text.charAt(i))) {
    if (text.charCodeAt(i) === 10) return true;
    i--;
  }
  return i < 0 || isSentenceEnd(text.charCodeAt(i));
}

const SENTENCE_OPENER = /[\s«„“"'‘(\[—–-]/;

/** . ! ? … */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Words a forbidsNearby veto may be from an unambiguous mention: "Brest, France", "aircraft carrier Minsk". */
const BESIDE_WORDS = 3;

/**
 * The range [from, to) of up to `words` words before (dir -1) or after (dir +1) a position,
 * stopping at a sentence end or a line break.
 */
function wordsBeside(text: string, at: number, dir: -1 | 1, words: number): [number, number] {
  let i = at;
  let count = 0;
  let inWord = false;
  const limit = Math.min(NEARBY_CHARS, 80);
  for (let steps = 0; steps < limit; steps++) {
    const j = dir < 0 ? i - 1 : i;
    if (j < 0 || j >= text.length) break;
    const ch = text.charCodeAt(j);
    if (ch === 10 || ch === 0x3b || isSentenceEnd(ch)) break;
    const word = isWordUnit(text, j);
    if (word && !inWord) count++;
    if (!word && inWord && count >= words) break;
    inWord = word;
    i += dir;
  }
  return dir < 0 ? [i, at] : [at, i];
}

function vetoedBeside(text: string, c: Candidate, forbids: readonly string[]): boolean {
  const [bf, bt] = wordsBeside(text, c.start, -1, BESIDE_WORDS);
  if (hasCueIn(text, bf, bt, forbids)) return true;
  const [af, at] = wordsBeside(text, c.end, 1, BESIDE_WORDS);
  return hasCueIn(text, af, at, forbids);
}

/** The sentence around [start, end): from after the previous sentence end or line break to the next one. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < NEARBY_CHARS * 2 && !isSentenceOrLineEnd(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < NEARBY_CHARS * 2 && !isSentenceOrLineEnd(text.charCodeAt(to))) to++;
  return [from, to];
}

function isSentenceOrLineEnd(c: number): boolean {
  return c === 10 || isSentenceEnd(c);
}

/**
 * A veto word within ±200 characters drops a mention that needs evidence, unless the mention's
 * own sentence holds a cue for it and the veto is in another sentence: "In Brest, on the border
 * with Terespol… The port of Brest in France…" keeps the first Brest and drops the second.
 */
function vetoedNearby(text: string, c: Candidate, e: CompiledEntity, cuesIn: (from: number, to: number, cues: readonly string[]) => boolean): boolean {
  const forbids = e.forbids!;
  if (!cuesIn(c.start - NEARBY_CHARS, c.start, forbids) && !cuesIn(c.end, c.end + NEARBY_CHARS, forbids)) return false;
  const [from, to] = sentenceAround(text, c.start, c.end);
  if (cuesIn(from, to, forbids)) return true;
  return e.requires === undefined || !(cuesIn(from, c.start, e.requires) || cuesIn(c.end, to, e.requires));
}

/** Adjectives that make a weak label another country's namesake (folded word prefixes). */
const FOREIGN_QUALIFIERS = foldAll([
  "soviet", "sowjet", "sovieti", "советск", "савецк", "радянськ", "radzieck", "sovietin",
  "french", "французск", "французьк", "francusk", "französisch", "français", "prancūz",
  // A generic body named with Russia or Ukraine (Следственный комитет России, the Russian
  // Investigative Committee) is that country's.
  "russia", "russian", "росси", "российск", "расі", "расеі", "расійск", "росі", "російськ", "rosj", "rosyjsk",
  "russland", "russisch", "russie", "russe", "rusijos", "rusų", "rusiška",
  "ukrain", "украин", "украін", "україн", "українськ", "ukraiń", "ukrainy", "ukrainisch", "ukrainos",
]);

/** Words between a name and the country that owns it: "Investigative Committee of the Russian Federation". */
const LINK_WORDS = new Set(["of", "the", "de", "du", "la", "der", "des"]);

function foldAll(words: readonly string[]): string[] {
  return words.map((w) => fold(w));
}

/** The word right before `pos` (dir -1) or right after it (dir +1), one space or NBSP away. */
function neighbourWord(text: string, pos: number, dir: -1 | 1): [number, number] | undefined {
  const sep = text.charAt(dir < 0 ? pos - 1 : pos);
  if (sep !== " " && sep !== "\u00a0") return undefined;
  let a = dir < 0 ? pos - 1 : pos + 1;
  let b = a;
  if (dir < 0) {
    while (a > 0 && (isWordUnit(text, a - 1) || charClass(text.charCodeAt(a - 1)) === CharClass.Ignorable)) a--;
  } else {
    while (b < text.length && (isWordUnit(text, b) || charClass(text.charCodeAt(b)) === CharClass.Ignorable)) b++;
  }
  return b > a ? [a, b] : undefined;
}

function hasForeignQualifier(text: string, c: Candidate): boolean {
  const before = neighbourWord(text, c.start, -1);
  if (before !== undefined && hasCueIn(text, before[0], before[1], FOREIGN_QUALIFIERS)) return true;
  let after = neighbourWord(text, c.end, 1);
  for (let links = 0; after !== undefined && links < 2 && after[1] - after[0] <= 3 && LINK_WORDS.has(text.slice(after[0], after[1]).toLowerCase()); links++) {
    after = neighbourWord(text, after[1], 1);
  }
  return after !== undefined && hasCueIn(text, after[0], after[1], FOREIGN_QUALIFIERS);
}

/** Words for a region or a district, as folded word prefixes: "в Горках Могилевской области". */
const REGION_NOUNS = foldAll([
  "област", "обл", "вобласц", "вобл", "район", "раён", "rajon", "region", "oblast", "voblast",
  "obwod", "obwód", "obwodzie", "powiat", "rejon", "district", "bezirk", "gebiet", "srit", "apskrit",
]);

/**
 * A place followed by a capitalised word and a word for a region ("в Горках Могилевской
 * области", "у Лідзе Гродзенскай вобласці"): the capital belongs to the region's adjective,
 * not to a surname after a first name.
 */
function beforeRegionName(text: string, c: Candidate): boolean {
  const next = neighbourWord(text, c.end, 1);
  if (next === undefined) return false;
  const after = neighbourWord(text, next[1], 1);
  return after !== undefined && hasCueIn(text, after[0], after[1], REGION_NOUNS);
}

/** How far a closing quote may be for the quote to count as one title ("«Зеркало недели»"). */
const TITLE_QUOTE_CHARS = 80;

/**
 * A weak label right after an opening quote whose closing quote comes later on the line: the
 * label only opens a longer quoted title or a quoted sentence («Зеркало недели», «Вясна
 * прыйшла рана»), which is not the entity. Applied to organisations and events, whose weak
 * labels are common words; a quoted sentence may well open with a place or a person
 * („Vilnius – antroji mūsų sostinė“).
 */
function opensLongerQuote(text: string, c: Candidate): boolean {
  const before = text.charAt(c.start - 1);
  if (before === "" || !OPENING_QUOTES.includes(before) || before === "'" || before === "’") return false;
  const after = text.charAt(c.end);
  if (after !== "" && CLOSING_QUOTES.includes(after)) return false;
  for (let i = c.end; i < text.length && i - c.end < TITLE_QUOTE_CHARS; i++) {
    const ch = text.charAt(i);
    if (ch === "\n") return false;
    if (CLOSING_QUOTES.includes(ch) && ch !== "'" && ch !== "’") return true;
  }
  return false;
}

/** Kinds of place that an apposition may name ("Lida, a town in…"), as folded word prefixes. */
const PLACE_NOUNS = foldAll([
  "town", "city", "village", "district", "region", "город", "горад", "міст", "посёл", "пасёл", "селищ", "вёск",
  "деревн", "район", "област", "вобласц", "miast", "wieś", "gmin", "powiat", "obwód", "stadt", "dorf", "bezirk",
  "ville", "commune", "miest", "kaim", "rajon", "sritis",
]);

/** Prepositions that open a locative apposition ("Lida, in western Belarus, …"), with their space. */
const LOCATIVE_STARTS = foldAll(["in ", "near ", "на ", "в ", "у ", "ў ", "под ", "каля ", "w ", "pod ", "koło ", "bei ", "nahe ", "près ", "dans ", "prie "]);

/** "Lida, a teacher", "Лида, жена", "Lida, 28-letnia": a comma, then a lower-case word or a number. */
function isPersonApposition(text: string, c: Candidate): boolean {
  if (text.charAt(c.end) !== "," || !isSentenceInitial(text, c.start)) return false;
  let i = c.end + 1;
  while (i < text.length && (text.charAt(i) === " " || text.charAt(i) === "\u00a0")) i++;
  const first = text.charAt(i);
  if (first === "" || !isWordUnit(text, i) || isUpperCaseUnit(first)) return false;
  if (/\d/.test(first)) return true; // an age: "Lida, 28-letnia …"
  // The apposition runs to the next comma or sentence end.
  let j = i;
  while (j < text.length && j - i < 120 && !/[,.;!?\n]/.test(text.charAt(j))) j++;
  // "Lida, a town in…", "Lida, in western Belarus, …": the apposition places it.
  return !hasCueIn(text, i, j, PLACE_NOUNS) && !hasCueIn(text, i, i + 6, LOCATIVE_STARTS);
}

/**
 * Words for a woman or a relative that put a first name after them ("his wife Lida", "сяброўка
 * Ліда", "моя подруга Лида", "siostra Lida"): a weak place label right after one is a person.
 * Folded word prefixes.
 */
const PERSON_NOUNS = foldAll([
  "wife", "daughter", "sister", "mother", "friend", "girlfriend", "colleague", "aunt", "granddaughter", "niece",
  "жена", "жене", "жену", "женой", "дочь", "дочер", "дочк", "сестр", "мать", "матер", "мама", "подруг", "знакомая",
  "знакомой", "бабушк", "внучк", "тетя", "тети", "тете", "коллег", "учительниц",
  "жонк", "дачк", "сястр", "маці", "сяброўк", "знаёмая", "знаёмай", "бабул", "унучк", "цётк", "калег", "настаўніц",
  "дружин", "доньк", "мати", "знайом", "бабус", "онук", "тітк", "колег", "вчительк",
  "żona", "żony", "żonie", "żoną", "córk", "siostr", "matk", "przyjaciółk", "koleżank", "znajoma", "znajomej",
  "babci", "wnuczk", "cioci", "ciocia",
  "frau", "tochter", "schwester", "mutter", "freundin", "kollegin", "enkelin", "tante",
  "žmon", "dukr", "sesuo", "seser", "motin", "draugė", "draug",
  "femme", "fille", "sœur", "soeur", "mère", "amie", "collègue",
]);

/** "сяброўка Ліда", "his wife Lida": the word before the mention is a woman or a relative. */
function afterPersonNoun(text: string, c: Candidate): boolean {
  const before = neighbourWord(text, c.start, -1);
  return before !== undefined && hasCueIn(text, before[0], before[1], PERSON_NOUNS);
}

const givenNameCache = new WeakMap<readonly CompiledEntity[], GivenNames>();

/** Built-in given names plus the first names of the gazetteer's people (their display names). */
function givenNamesOf(entities: readonly CompiledEntity[]): GivenNames {
  let names = givenNameCache.get(entities);
  if (names === undefined) {
    names = new GivenNames(BUILT_IN_GIVEN_NAMES);
    for (const e of entities) {
      if (e.type !== "person") continue;
      const parts = e.name.split(/\s+/);
      if (parts.length >= 2 && parts[0] !== undefined && isUpperCaseUnit(parts[0].charAt(0))) names.add(parts[0]);
    }
    givenNameCache.set(entities, names);
  }
  return names;
}

/**
 * Whether a word before a person's name is another given name (isNamesake), per gazetteer and
 * kept across calls: a page is matched paragraph by paragraph and repeats the same names, and
 * each answer costs two name skeletons. Bounded: a stream of new words empties it.
 */
const foreignNameCache = new WeakMap<readonly CompiledEntity[], Map<string, boolean>>();
const FOREIGN_NAME_CACHE_MAX = 10_000;

function foreignNameCacheOf(entities: readonly CompiledEntity[]): Map<string, boolean> {
  let cache = foreignNameCache.get(entities);
  if (cache === undefined || cache.size > FOREIGN_NAME_CACHE_MAX) {
    cache = new Map();
    foreignNameCache.set(entities, cache);
  }
  return cache;
}

/** "Igor Putin": a one-word person mention right after a capitalised given name that is not the person's own. */
function isNamesake(text: string, c: Candidate, e: CompiledEntity, names: GivenNames, foreignNames: Map<string, boolean>): boolean {
  for (let i = c.start; i < c.end; i++) if (!isWordUnit(text, i) && charClass(text.charCodeAt(i)) !== CharClass.Ignorable) return false;
  const before = neighbourWord(text, c.start, -1);
  if (before === undefined) return false;
  if (!isUpperCaseCode(text.charCodeAt(before[0])) || (before[1] - before[0] > 1 && isUpperCaseCode(text.charCodeAt(before[0] + 1)))) return false;
  const word = text.slice(before[0], before[1]);
  // Keyed by display name and word: a long text repeats the words before its names.
  const key = `${e.name}\u0000${word}`;
  let foreign = foreignNames.get(key);
  if (foreign === undefined) {
    foreign = names.has(word) && !sameGivenName(word, e.name.split(/\s+/)[0] ?? "");
    foreignNames.set(key, foreign);
  }
  return foreign;
}

/** Latin letters a Cyrillic initial may stand for in a romanised given name (Ю. → Yury, Г. → Hienadz or Gennady). */
const INITIAL_LETTERS: Record<string, string> = {
  а: "a", б: "b", в: "vw", г: "gh", ґ: "g", д: "d", е: "ey", є: "ey", ё: "ye", ж: "zj", з: "z", и: "iy", і: "i", ї: "iy",
  й: "yj", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "uw", ў: "uw", ф: "f", х: "hkc",
  ц: "ct", ч: "c", ш: "s", щ: "s", э: "e", ю: "yju", я: "yja",
};

/**
 * A surname after the initial of the person's own given name ("М. Знак", "S. Tsikhanouskaya",
 * "А. Г. Лукашенко"): the initial names the person as a quote would.
 */
function afterOwnInitial(text: string, c: Candidate, e: CompiledEntity): boolean {
  let i = c.start - 1;
  let initial = "";
  for (let k = 0; k < 2; k++) {
    while (i >= 0 && (text.charAt(i) === " " || text.charAt(i) === "\u00a0")) i--;
    if (i < 1 || text.charAt(i) !== "." || !isUpperCaseCode(text.charCodeAt(i - 1)) || isWordUnit(text, i - 2)) break;
    initial = text.charAt(i - 1);
    i -= 2;
  }
  if (initial === "") return false;
  const own = fold(e.name).charAt(0);
  const letter = fold(initial);
  return letter === own || (INITIAL_LETTERS[letter] ?? "").includes(own);
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Per gazetteer, kept across calls: which entities are gated, which have veto or namesake rules, and each id's entity index. */
interface GazetteerFacts {
  gated: Uint8Array;
  /** Per entity: 1 when the veto or namesake rules apply to it (forbidsNearby, or a person). */
  ruled: Uint8Array;
  indexOf: Map<string, number>;
}
const gazetteerFacts = new WeakMap<readonly CompiledEntity[], GazetteerFacts>();

function factsOf(entities: readonly CompiledEntity[]): GazetteerFacts {
  let facts = gazetteerFacts.get(entities);
  if (facts === undefined) {
    // Ids are unique (the compiler rejects duplicates).
    facts = {
      gated: Uint8Array.from(entities, (e) => (e.gated === true ? 1 : 0)),
      ruled: Uint8Array.from(entities, (e) => (e.forbids !== undefined || e.type === "person" ? 1 : 0)),
      indexOf: new Map(entities.map((e, i) => [e.id, i])),
    };
    gazetteerFacts.set(entities, facts);
  }
  return facts;
}

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

/** Keeps the candidates whose context allows them. */
export function applyContext(text: string, candidates: readonly Candidate[], entities: readonly CompiledEntity[]): Candidate[] {
  const { gated, ruled, indexOf } = factsOf(entities);
  const needsEvidence = (c: Candidate) => c.weak || gated[c.entity] === 1;
  const cueIndex = CueIndex.of(text, entities);
  const cuesIn = (from: number, to: number, cues: readonly string[]) => cueIndex.has(from, to, cues);
  let names: GivenNames | undefined;
  const foreignNames = foreignNameCacheOf(entities);
  /** The veto and namesake rules. */
  const stands = (c: Candidate): boolean => {
    // Most entities have neither rule: their (scattered) objects are not read at all.
    const r = ruled[c.entity];
    if (r !== 1) return r === 0;
    const e = entities[c.entity];
    if (e === undefined) return false;
    if (e.forbids !== undefined) {
      if (!needsEvidence(c)) {
        if (vetoedBeside(text, c, e.forbids)) return false;
      } else if (vetoedNearby(text, c, e, cuesIn)) return false;
    }
    if (e.type === "person") {
      names ??= givenNamesOf(entities);
      if (isNamesake(text, c, e, names, foreignNames)) return false;
    }
    return true;
  };
  // Candidates of one span come together (lib/spot/match.ts pushes them at one word end).
  // Those of a span that need no evidence are judged first: each one that stands is accepted,
  // and one that needs evidence on the same span can then never be shown (an unambiguous
  // label wins the tie), so its evidence is not looked for — "Lukashenka" is also the weak
  // surname label of his three sons: three searches per mention otherwise.
  const local: Candidate[] = [];
  let needing = 0;
  for (let i = 0; i < candidates.length; ) {
    const { start, end } = candidates[i]!;
    let j = i + 1;
    while (j < candidates.length && candidates[j]!.start === start && candidates[j]!.end === end) j++;
    let strongStands = false;
    for (let k = i; k < j; k++) {
      const c = candidates[k]!;
      if (needsEvidence(c) || !stands(c)) continue;
      local.push(c);
      strongStands = true;
    }
    for (let k = i; k < j && !strongStands; k++) {
      const c = candidates[k]!;
      if (!needsEvidence(c) || !stands(c)) continue;
      local.push(c);
      needing++;
    }
    i = j;
  }
  // Nothing left needs evidence (only unambiguous names; a gazetteer without context rules):
  // every candidate stands, and the indexes of strong mentions below would be built for nothing.
  if (needing === 0) return local;
  const strong = local.filter((c) => !needsEvidence(c));
  const accepted: Candidate[] = [...strong];
  // Any unambiguous mention that does not overlap c. Few candidates overlap one span, so a
  // long list always has one; short lists are checked.
  const anchoredElsewhere = (c: Candidate) => strong.length > 16 || strong.some((s) => !overlaps(s, c));
  // Unambiguous mentions by entity index; sorted by start when first asked for by id.
  const strongByEntity: (Candidate[] | undefined)[] = [];
  for (const s of strong) (strongByEntity[s.entity] ??= []).push(s);
  const sorted = new Set<number>();
  const strongOf = (id: string): readonly Candidate[] | undefined => {
    const index = indexOf.get(id);
    if (index === undefined) return undefined;
    const list = strongByEntity[index];
    if (list !== undefined && !sorted.has(index)) {
      list.sort(byStart);
      sorted.add(index);
    }
    return list;
  };
  // The same entity named by an unambiguous label elsewhere: "Loika" after "Nasta Loika". Few
  // mentions overlap c, so this stops after a few steps.
  const namedElsewhere = (c: Candidate) => strongByEntity[c.entity]?.some((s) => !overlaps(s, c)) === true;
  // Or named in quotes elsewhere („Wiosna” … Wiosna liczy): the quoted mentions by entity,
  // gathered once when first asked for.
  let quotedByEntity: Map<number, Candidate[]> | undefined;
  const quotedElsewhere = (c: Candidate) => {
    if (quotedByEntity === undefined) {
      quotedByEntity = new Map();
      for (const q of local) {
        if (!q.weak || !isQuoted(text, q)) continue;
        const list = quotedByEntity.get(q.entity);
        if (list === undefined) quotedByEntity.set(q.entity, [q]);
        else list.push(q);
      }
    }
    return quotedByEntity.get(c.entity)?.some((q) => !overlaps(q, c)) === true;
  };
  // Spans where a surname stands for a person named in full elsewhere ("Игорь Карпенко …
  // Карпенко"): another person with that surname does not take it.
  const spanKey = (c: Candidate) => `${c.start}:${c.end}`;
  const coreferentSpans = new Set<string>();
  for (const c of local) if (c.weak && strongByEntity[c.entity] !== undefined && entities[c.entity]?.type === "person" && namedElsewhere(c)) coreferentSpans.add(spanKey(c));
  const lineBreaks = new LineBreaks(text);
  for (const c of local) {
    if (!needsEvidence(c)) continue;
    const e = entities[c.entity]!;
    const person = e.type === "person";
    const quoted = isQuoted(text, c);
    const coreferent = person && c.weak && namedElsewhere(c);
    if (person && c.weak && !coreferent && coreferentSpans.size > 0 && coreferentSpans.has(spanKey(c))) continue;
    if (c.weak && !quoted) {
      // Only a place whose name is also a given name (Lida, Ліда) can be a first name before a
      // surname or a person in apposition; any other place is often followed by a capital
      // ("В Вильнюсе Светлана Тихановская заявила…").
      const place = e.type === "place";
      const givenName = () => givenNamesOf(entities).has(text.slice(c.start, c.end));
      if (followedByCapitalisedWord(text, c) && !(coreferent && isPossessive(text, c)) && !isAcronymBeforeWord(text, c, e) && !(place && (!givenName() || beforeRegionName(text, c)))) continue;
      if ((e.type === "org" || e.type === "event") && opensLongerQuote(text, c)) continue;
      if (place && (isPersonApposition(text, c) || afterPersonNoun(text, c)) && givenName()) continue;
      if (!person && hasForeignQualifier(text, c)) continue;
    }
    // A common-word organisation label opening a sentence ("Wiosna nie przyniosła odwilży",
    // "Вясна прыйшла") is read as the word unless quoted or the organisation is named in full
    // or in quotes elsewhere in the text: its capital letter says nothing there, and cue words
    // nearby ("human rights") do not tell the season from the group. Acronyms (KGB) are not words.
    if (c.weak && !quoted && e.type === "org" && !isAcronym(text, c) && isSentenceInitial(text, c.start) && !namedElsewhere(c) && !quotedElsewhere(c)) continue;
    if (quoted || coreferent || (person && afterOwnInitial(text, c, e)) || hasEvidenceNearby(c, e, strongOf, lineBreaks, cuesIn)) accepted.push(c);
    else if (!(c.weak && !person && isSentenceInitial(text, c.start)) && anchoredElsewhere(c)) accepted.push(c);
  }
  return accepted;
}

/** Index of the first candidate starting at or after pos in a list sorted by start. */
function firstStartingFrom(list: readonly Candidate[], pos: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (list[m]!.start < pos) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * A requiresNearby word in the paragraph or within ±200 characters, or an unambiguous mention
 * of a requiresNearby entity there (strongOf: the unambiguous mentions of an entity id, sorted
 * by start).
 */
function hasEvidenceNearby(
  c: Candidate,
  e: CompiledEntity,
  strongOf: (id: string) => readonly Candidate[] | undefined,
  lineBreaks: LineBreaks,
  cuesIn: (from: number, to: number, cues: readonly string[]) => boolean,
): boolean {
  const [pa, pb] = lineBreaks.paragraphBounds(c.start, c.end);
  const from = Math.min(pa, c.start - NEARBY_CHARS);
  const to = Math.max(pb, c.end + NEARBY_CHARS);
  if (e.requires !== undefined && (cuesIn(from, c.start, e.requires) || cuesIn(c.end, to, e.requires))) return true;
  const ids = e.requiresIds;
  if (ids === undefined) return false;
  for (const id of ids) {
    const list = strongOf(id);
    if (list === undefined) continue;
    for (let k = firstStartingFrom(list, from); k < list.length && list[k]!.start <= to; k++) {
      const s = list[k]!;
      if (s.end <= to && !overlaps(s, c)) return true;
    }
  }
  return false;
}
