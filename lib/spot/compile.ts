/**
 * Compiles entities into the word-level matcher (docs/architecture.md §5, docs/names.md
 * "Matching speed"): every label and its Latin variants is tokenised and folded; each token
 * becomes one or more (stem hash → child node, allowed endings) edges of a hash trie keyed by
 * (parent node, 64-bit token hash). The result is plain JSON (see lib/spot/compiled.ts).
 */
import type { Entity, Lang } from "../schema";
import { LANGS } from "../schema";
import { apostropheVariants } from "../text/apostrophe";
import { classicalVariant } from "../text/classical";
import { fold } from "../text/fold";
import { inflectionStems } from "../text/inflect";
import { BUILT_IN_GIVEN_NAMES } from "../text/given-names";
import { hashFolded, wordTokens } from "../text/tokens";
import { latinVariants, type CyrillicLang } from "../text/translit";
import {
  COMPILED_FORMAT,
  NODE_FIELDS,
  PATTERN_CHECK_CASE,
  PATTERN_FIELDS,
  PATTERN_WEAK,
  type CompiledEntity,
  type CompiledGazetteer,
} from "./compiled";
import { buildFilters, filtersToBase64 } from "./filters";
import { int32ToBase64 } from "./typed-base64";

export interface CompileOptions {
  /** Generate Latin variants of Cyrillic labels (default true). */
  transliterate?: boolean;
  /** Accept inflected forms (default true). */
  inflect?: boolean;
}

interface LabelEntry {
  text: string;
  /** Generated Latin spelling (not in the data). */
  generated: boolean;
  inflectAs: Lang;
  weak: boolean;
}

interface EdgeBuild {
  parent: number;
  hash1: number;
  hash2: number;
  child: number;
  endings: Set<string>;
}

const MAX_TOKENS = 30;
const ENTITY_ID = /^(person|org|place|event|other)\//;
/** Endings longer than the scanner's prefix ring are dropped (none of the rules come close). */
const MAX_ENDING = 7;

/**
 * Generated spellings that must not count without evidence: short one-word variants (a
 * transliteration of a 4–5 letter name is often a word or a name elsewhere: "Myr", "Belas",
 * "Vesna") and variants that are common Latin-script words ("Polack" from Полацк, "Tramp" from
 * Трамп). Labels written in the data keep the strength the data gives them.
 */
const SHORT_VARIANT = 5;
const COMMON_LATIN_WORDS: ReadonlySet<string> = new Set([
  "polack", "tramp", "nieman",
]);

function isRiskyVariant(text: string, key: string, explicitKeys: ReadonlySet<string>): boolean {
  if (explicitKeys.has(key)) return false;
  if (wordTokens(text).length !== 1) return false;
  return key.length <= SHORT_VARIANT || COMMON_LATIN_WORDS.has(key);
}

function labelEntries(entity: Entity, opts: Required<CompileOptions>): LabelEntry[] {
  const weakKeys = new Set((entity.context?.weakLabels ?? []).map((w) => fold(w)));
  const explicitKeys = new Set(LANGS.flatMap((lang) => entity.labels[lang] ?? []).map((t) => fold(t)));
  const out: LabelEntry[] = [];
  const add = (text: string, lang: Lang, weak: boolean, generated: boolean, transliterate = true, surname = false): void => {
    out.push({ text, generated, inflectAs: lang, weak });
    if (transliterate && opts.transliterate && (lang === "ru" || lang === "be" || lang === "uk")) {
      for (const v of latinVariants(text, lang as CyrillicLang)) {
        // A generated spelling is only as strong as the data allows: "Брест" is unambiguous in
        // Cyrillic, but its variant "Brest" is the entity's own weak Latin label (Brest, France).
        const key = fold(v.text);
        if (surname && BUILT_IN_GIVEN_NAMES.has(key)) continue; // Мишель → "Michel"
        out.push({ text: v.text, generated: true, inflectAs: v.inflectAs, weak: weak || weakKeys.has(key) || isRiskyVariant(v.text, key, explicitKeys) });
      }
    }
  };
  const derivedKeys = new Set<string>();
  for (const lang of LANGS) {
    for (const text of entity.labels[lang] ?? []) {
      const weak = weakKeys.has(fold(text));
      add(text, lang, weak, false);
      // В'ячорка / Вячорка: the other apostrophe spelling (its Latin variants are the same).
      for (const v of apostropheVariants(text, lang)) add(v, lang, weak, true, false);
      // Калеснікава / Калесьнікава: the classical Belarusian spelling.
      const classical = lang === "be" ? classicalVariant(text) : undefined;
      if (classical !== undefined) add(classical, lang, weak, true, false);
      // A phrase label that opens with a common word ("платформа «Голос»", "białoruskie KGB")
      // is capitalised at the start of a sentence.
      const sentenceCase = sentenceCased(text);
      if (sentenceCase !== undefined && !(entity.labels[lang] ?? []).includes(sentenceCase)) add(sentenceCase, lang, weak, true);
      // A surname alone after the full name ("Nasta Loika … Loika said") is a mention; weak, so
      // it needs evidence, and a different given name before it makes it a namesake.
      const surname = entity.type === "person" ? surnameOf(text) : undefined;
      if (surname !== undefined && !explicitKeys.has(fold(surname)) && !derivedKeys.has(`${lang}|${fold(surname)}`)) {
        derivedKeys.add(`${lang}|${fold(surname)}`);
        add(surname, lang, true, true, true, true);
      }
    }
  }
  return out;
}

/**
 * Shortest surname taken on its own: shorter ones are too often words (Znak, Гриб, Швед).
 * Adjective-shaped ones (Крутой, Круты) are words too.
 */
const MIN_SURNAME = 5;
const ADJECTIVE_SHAPED = /(ой|ый|ы)$/;

/** The last word of a person's name label whose every word is capitalised ("Nasta Loika" → "Loika"). */
function surnameOf(label: string): string | undefined {
  const tokens = wordTokens(label);
  if (tokens.length < 2 || tokens.length > 4) return undefined;
  for (const t of tokens) {
    const first = label.charAt(t.start);
    if (first === first.toLowerCase()) return undefined; // "Euphrosyne of Polotsk", "von der Leyen"
  }
  const last = tokens[tokens.length - 1]!;
  const surname = label.slice(last.start, last.end);
  // A last word that is also a given name ("Michel", "Борис" in a surname-first label) is
  // not safe alone.
  if (last.folded.length < MIN_SURNAME || /\d/.test(surname) || ADJECTIVE_SHAPED.test(last.folded) || BUILT_IN_GIVEN_NAMES.has(last.folded)) return undefined;
  return surname;
}

/** The label with its first letter capitalised, when it is a phrase that opens in lower case. */
function sentenceCased(label: string): string | undefined {
  if (wordTokens(label).length < 2) return undefined;
  const first = label.charAt(0);
  if (first === first.toUpperCase()) return undefined;
  return first.toUpperCase() + label.slice(1);
}

function compileEntity(entity: Entity): CompiledEntity {
  const ctx = entity.context;
  const out: CompiledEntity = { id: entity.id, name: entity.name, type: entity.type };
  const requires = (ctx?.requiresNearby ?? []).filter((w) => !ENTITY_ID.test(w)).map((w) => fold(w).trim()).filter((w) => w !== "");
  const requiresIds = (ctx?.requiresNearby ?? []).filter((w) => ENTITY_ID.test(w));
  const forbids = (ctx?.forbidsNearby ?? []).map((w) => fold(w).trim()).filter((w) => w !== "");
  if (requires.length > 0) out.requires = [...new Set(requires)];
  if (requiresIds.length > 0) out.requiresIds = requiresIds;
  if (forbids.length > 0) out.forbids = [...new Set(forbids)];
  if ((requires.length > 0 || requiresIds.length > 0) && (ctx?.weakLabels ?? []).length === 0) out.gated = true;
  return out;
}

/** Compiles entities (duplicates by id are a data error and are rejected). */
export function compileGazetteer(entities: readonly Entity[], options: CompileOptions = {}): CompiledGazetteer {
  const opts: Required<CompileOptions> = { transliterate: options.transliterate ?? true, inflect: options.inflect ?? true };
  const seenIds = new Set<string>();
  for (const e of entities) {
    if (seenIds.has(e.id)) throw new Error(`gazetteer lists "${e.id}" twice; merge the two entries`);
    seenIds.add(e.id);
  }

  let nodeCount = 1; // node 0 is the root
  const childOf = new Map<string, number>();
  const edges = new Map<string, EdgeBuild>();
  const terms = new Map<number, number[]>();
  const patternKeys = new Map<string, number>();
  const pat = { entity: [] as number[], flags: [] as number[], firstUpper: [] as number[], allUpper: [] as number[] };
  let labels = 0;
  let variants = 0;

  entities.forEach((entity, entityIndex) => {
    const caseSensitive = entity.context?.caseSensitive === true;
    for (const label of labelEntries(entity, opts)) {
      const tokens = wordTokens(label.text);
      if (tokens.length === 0 || tokens.length > MAX_TOKENS) continue;
      if (label.generated) variants++;
      else labels++;
      let node = 0;
      let firstUpper = 0;
      let allUpper = 0;
      tokens.forEach((tok, j) => {
        const surface = label.text.slice(tok.start, tok.end);
        const first = surface.charAt(0);
        if (first !== first.toLowerCase()) firstUpper |= 1 << j;
        if (surface.length > 1 && surface === surface.toUpperCase() && surface !== surface.toLowerCase()) allUpper |= 1 << j;
        // Nodes are per language: endings of one language must not lead into the next word of a
        // label in another ("Minsko" is Lithuanian for Minsk, but "Minsko I" is not "Minsk I").
        const childKey = `${node}|${tok.folded}|${label.inflectAs}`;
        let child = childOf.get(childKey);
        if (child === undefined) {
          child = nodeCount++;
          childOf.set(childKey, child);
        }
        const rules = opts.inflect ? inflectionStems(surface, label.inflectAs) : [{ stem: surface.toLowerCase(), endings: [""] }];
        for (const r of rules) {
          const stem = fold(r.stem);
          if (stem === "") continue;
          const [hash1, hash2] = hashFolded(stem);
          const key = `${node}|${hash1}|${hash2}|${child}`;
          let edge = edges.get(key);
          if (edge === undefined) {
            edge = { parent: node, hash1, hash2, child, endings: new Set() };
            edges.set(key, edge);
          }
          for (const ending of r.endings) {
            const f = fold(ending);
            if (f.length <= MAX_ENDING) edge.endings.add(f);
          }
        }
        node = child;
      });
      const flags = (label.weak ? PATTERN_WEAK : 0) | (label.weak || caseSensitive ? PATTERN_CHECK_CASE : 0);
      const patternKey = `${node}|${entityIndex}|${flags}|${firstUpper}|${allUpper}`;
      if (patternKeys.has(patternKey)) continue;
      const id = pat.entity.length;
      patternKeys.set(patternKey, id);
      pat.entity.push(entityIndex);
      pat.flags.push(flags);
      pat.firstUpper.push(firstUpper);
      pat.allUpper.push(allUpper);
      const list = terms.get(node) ?? [];
      list.push(id);
      terms.set(node, list);
    }
  });

  // Ending sets, shared by canonical content; set 0 is the bare form only.
  const endingSets: string[][] = [[""]];
  const endingSetIds = new Map<string, number>([["", 0]]);
  let maxEnding = 0;
  const edgeList = [...edges.values()];
  const eParent = new Int32Array(edgeList.length);
  const eHash1 = new Int32Array(edgeList.length);
  const eHash2 = new Int32Array(edgeList.length);
  const eChild = new Int32Array(edgeList.length);
  const eEnding = new Int32Array(edgeList.length);
  edgeList.forEach((edge, i) => {
    const sorted = [...edge.endings].sort();
    const key = sorted.join("\u0000");
    let setId = endingSetIds.get(key);
    if (setId === undefined) {
      setId = endingSets.length;
      endingSets.push(sorted);
      endingSetIds.set(key, setId);
    }
    for (const e of sorted) maxEnding = Math.max(maxEnding, e.length);
    eParent[i] = edge.parent;
    eHash1[i] = edge.hash1;
    eHash2[i] = edge.hash2;
    eChild[i] = edge.child;
    eEnding[i] = setId;
  });

  // Patterns grouped by node, each node's (first, count) beside each other (lib/spot/compiled.ts).
  const nodeTerms = new Int32Array(nodeCount * NODE_FIELDS);
  const patterns = new Int32Array(pat.entity.length * PATTERN_FIELDS);
  let next = 0;
  for (const [node, ids] of terms) {
    nodeTerms[node * NODE_FIELDS] = next;
    nodeTerms[node * NODE_FIELDS + 1] = ids.length;
    for (const id of ids) {
      patterns.set([pat.entity[id]!, pat.flags[id]!, pat.firstUpper[id]!, pat.allUpper[id]!], next * PATTERN_FIELDS);
      next++;
    }
  }

  return {
    format: COMPILED_FORMAT,
    entities: entities.map(compileEntity),
    maxEnding,
    endingSets,
    edges: {
      count: edgeList.length,
      parent: int32ToBase64(eParent),
      hash1: int32ToBase64(eHash1),
      hash2: int32ToBase64(eHash2),
      child: int32ToBase64(eChild),
      endingSet: int32ToBase64(eEnding),
    },
    filters: filtersToBase64(buildFilters({ count: edgeList.length, parent: eParent, hash1: eHash1, endingSet: eEnding, endingSets })),
    nodes: { count: nodeCount, terms: int32ToBase64(nodeTerms) },
    patterns: int32ToBase64(patterns),
    stats: { labels, variants, patterns: pat.entity.length, edges: edges.size, nodes: nodeCount },
  };
}
