/**
 * Context rules for ambiguous names (lib/schema EntityContext), applied after matching:
 *
 * - forbidsNearby: a veto word within ±200 characters of the mention always drops it.
 * - weakLabels: the label counts only with exact case (checked by the matcher) AND evidence:
 *   it is quoted («…» "…" „…“), OR a requiresNearby word is within ±200 characters or in the
 *   same paragraph, OR the text has an unambiguous mention of another entity elsewhere.
 * - requiresNearby without weakLabels ("gated"): every label of the entity needs the same evidence.
 * - The "Belarus mention elsewhere" evidence does not apply to a weak label of a place or an
 *   organisation at the start of a sentence: there its capital letter says nothing ("Вясна ў
 *   Беларусі позняя" is spring). A person's surname is capitalised anywhere, so it keeps it.
 * - A weak label followed by a capitalised word ("Lida Kovaleva") is a first name or part of an
 *   unknown name, not the entity, unless quoted.
 *
 * Cue words are folded and match as token prefixes ("Франц" covers "Франции"); a cue that is an
 * entity id is satisfied by an accepted mention of that entity within the window.
 */
import { CharClass as CharClasses, charClass as classOfImported, foldTables as tables, isUpperCaseUnit as isUpperImported } from "../text/fold";
import type { CompiledEntity } from "./compiled";

// Module-level copies of imported bindings: some loaders turn each use of an import into a
// getter call, which dominated the cost of the context checks.
const charClass = classOfImported;
const isUpperCaseUnit = isUpperImported;
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
  const firsts = firstUnitsOf(cues);
  let prevWord = lo > 0 && isWordUnit(text, lo - 1);
  for (let p = lo; p < hi; p++) {
    const c = text.charCodeAt(p);
    const isWord = charClass(c) === CharClass.Word;
    if (isWord && !prevWord && firsts.has(foldTables.fold1[c]!)) {
      for (const cue of cues) if (cueAt(text, p, hi, cue)) return true;
    }
    if (charClass(text.charCodeAt(p)) !== CharClass.Ignorable) prevWord = isWord;
  }
  return false;
}

const firstUnitCache = new WeakMap<readonly string[], Set<number>>();

/** The folded first units of a cue list (a cheap pre-check before comparing whole cues). */
function firstUnitsOf(cues: readonly string[]): Set<number> {
  let set = firstUnitCache.get(cues);
  if (set === undefined) {
    set = new Set(cues.map((c) => c.charCodeAt(0)));
    firstUnitCache.set(cues, set);
  }
  return set;
}

/** Does text, folded from position p (not past hi), start with the folded cue? */
function cueAt(text: string, p: number, hi: number, cue: string): boolean {
  const { fold1, fold2 } = foldTables;
  let j = 0;
  let i = p;
  while (j < cue.length) {
    if (i >= hi) return false;
    const c = text.charCodeAt(i++);
    charClass(c);
    const a = fold1[c]!;
    if (a === 0) continue;
    if (a !== cue.charCodeAt(j++)) return false;
    const b = fold2[c]!;
    if (b !== 0 && j < cue.length && b !== cue.charCodeAt(j++)) return false;
  }
  return true;
}

function paragraphBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  const minA = Math.max(0, start - PARAGRAPH_CAP);
  while (a > minA && text.charCodeAt(a - 1) !== 10) a--;
  let b = end;
  const maxB = Math.min(text.length, end + PARAGRAPH_CAP);
  while (b < maxB && text.charCodeAt(b) !== 10) b++;
  return [a, b];
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
  return isWordUnit(text, next) && isUpperCaseUnit(text.charAt(next));
}

/** True at the start of the text, a line or a sentence (after . ! ? …), skipping spaces and openers. */
function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s«„“"'‘(\[—–-]/.test(text.charAt(i))) {
    if (text.charAt(i) === "\n") return true;
    i--;
  }
  return i < 0 || /[.!?…]/.test(text.charAt(i));
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the candidates whose context allows them. */
export function applyContext(text: string, candidates: readonly Candidate[], entities: readonly CompiledEntity[]): Candidate[] {
  const local: Candidate[] = [];
  for (const c of candidates) {
    const e = entities[c.entity];
    if (e === undefined) continue;
    if (e.forbids !== undefined) {
      if (hasCueIn(text, c.start - NEARBY_CHARS, c.start, e.forbids) || hasCueIn(text, c.end, c.end + NEARBY_CHARS, e.forbids)) continue;
    }
    local.push(c);
  }
  const needsEvidence = (c: Candidate) => c.weak || entities[c.entity]?.gated === true;
  const strong = local.filter((c) => !needsEvidence(c));
  const accepted: Candidate[] = [...strong];
  // Any unambiguous mention that does not overlap c. Few candidates overlap one span, so a
  // long list always has one; short lists are checked.
  const anchoredElsewhere = (c: Candidate) => strong.length > 16 || strong.some((s) => !overlaps(s, c));
  for (const c of local) {
    if (!needsEvidence(c)) continue;
    const e = entities[c.entity]!;
    const quoted = isQuoted(text, c);
    if (c.weak && !quoted && followedByCapitalisedWord(text, c)) continue;
    if (quoted || hasEvidenceNearby(text, c, e, strong, entities)) accepted.push(c);
    else if (!(c.weak && e.type !== "person" && isSentenceInitial(text, c.start)) && anchoredElsewhere(c)) accepted.push(c);
  }
  return accepted;
}

function hasEvidenceNearby(
  text: string,
  c: Candidate,
  e: CompiledEntity,
  strong: readonly Candidate[],
  entities: readonly CompiledEntity[],
): boolean {
  const [pa, pb] = paragraphBounds(text, c.start, c.end);
  const from = Math.min(pa, c.start - NEARBY_CHARS);
  const to = Math.max(pb, c.end + NEARBY_CHARS);
  if (e.requires !== undefined && (hasCueIn(text, from, c.start, e.requires) || hasCueIn(text, c.end, to, e.requires))) return true;
  const ids = e.requiresIds;
  if (ids === undefined) return false;
  return strong.some((s) => s.start >= from && s.end <= to && !overlaps(s, c) && ids.includes(entities[s.entity]?.id ?? ""));
}
