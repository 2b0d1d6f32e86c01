/**
 * Held-out evaluation of name spotting (npx tsx bench/spot-eval.ts [LANG...]).
 *
 * Runs the real CLI the way a user would: every snippet of tests/fixtures/spotting-holdout/
 * <lang>.json is written to its own temp file and one `briefings spot FILE...` call per
 * language spots them all. Its mentions are scored against the hand-checked expectations:
 * a predicted mention is a true positive when an expected mention of the same entity
 * overlaps it. Prints precision, recall and F1 per language and overall, lists every false
 * positive and false negative, and writes bench/results/spot-eval.json.
 *
 * A measurement, not a test: it exits 0 whatever the scores, and 1 only when the CLI
 * crashes or its output cannot be read.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

// Paths from the repository root, so the bench runs from any working directory.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURE_DIR = path.join(ROOT, "tests/fixtures/spotting-holdout");
const RESULT_FILE = path.join(ROOT, "bench/results/spot-eval.json");
const CLI = path.join(ROOT, "scripts/briefings.mjs");
const GAZETTEER_DIR = path.join(ROOT, "data/gazetteer");

const Snippet = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  expected: z.array(z.object({ text: z.string().min(1), entityId: z.string().min(1) })),
  decoys: z.array(z.string().min(1)).default([]),
});
type Snippet = z.infer<typeof Snippet>;

/** The CLI's NDJSON line for one file (see `briefings spot --help`). */
const CliMention = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  entity: z.object({ id: z.string(), name: z.string(), type: z.string() }),
});
const CliLine = z.object({ file: z.string(), mentions: z.array(CliMention) });
type CliMention = z.infer<typeof CliMention>;

interface Span {
  start: number;
  end: number;
}
interface ExpectedSpan extends Span {
  text: string;
  entityId: string;
}

type ErrorKind = "false-positive" | "false-negative";
/** Why a false positive happened: it hit a listed decoy, tagged an expected name with the wrong entity, or neither. */
type FalsePositiveCause = "decoy" | "wrong-entity" | "spurious";

interface EvalError {
  kind: ErrorKind;
  cause?: FalsePositiveCause;
  lang: string;
  id: string;
  text: string;
  entityId: string;
  /** For a wrong-entity false positive: the entity the fixture expects at that place. */
  expectedEntityId?: string;
  start: number;
  end: number;
  context: string;
}

interface Counts {
  snippets: number;
  expected: number;
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  /** True positives whose span is exactly the expected one (the rest only overlap). */
  exactSpan: number;
  /** Extra predictions overlapping an already matched expected mention of the same entity; not counted as errors. */
  duplicates: number;
  decoys: number;
  decoysHit: number;
}

interface LangResult extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Ids of the entities the gazetteer defines. Expectations for other ids are set aside and
 * listed: the matcher cannot be blamed for an entity nobody has described yet.
 */
function loadGazetteerIds(): Set<string> {
  const ids = new Set<string>();
  const Ids = z.array(z.object({ id: z.string() }).loose());
  for (const f of readdirSync(GAZETTEER_DIR).filter((n) => n.endsWith(".json"))) {
    const file = path.join(GAZETTEER_DIR, f);
    const parsed = Ids.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file}: not a list of entities: ${parsed.error.message}`);
    for (const e of parsed.data) ids.add(e.id);
  }
  return ids;
}

function loadFixtures(lang: string): Snippet[] {
  const file = path.join(FIXTURE_DIR, `${lang}.json`);
  const parsed = z.array(Snippet).safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: not a list of snippets: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Places the expected surface strings in the text, in order of appearance, so a name that
 * occurs twice is matched to its second occurrence the second time.
 */
function locateExpected(snippet: Snippet): ExpectedSpan[] {
  const spans: ExpectedSpan[] = [];
  let from = 0;
  for (const e of snippet.expected) {
    const start = snippet.text.indexOf(e.text, from);
    if (start < 0) throw new Error(`${snippet.id}: expected text ${JSON.stringify(e.text)} not found in order in the snippet`);
    spans.push({ start, end: start + e.text.length, text: e.text, entityId: e.entityId });
    from = start + e.text.length;
  }
  return spans;
}

const LETTER = /\p{L}/u;

/** Every whole-word occurrence of each decoy string that is not part of an expected mention ("ont" is a decoy, "Montréal" does not contain one). */
function locateDecoys(snippet: Snippet, expected: readonly ExpectedSpan[]): Span[] {
  const spans: Span[] = [];
  const text = snippet.text;
  for (const decoy of snippet.decoys) {
    let found = false;
    for (let i = text.indexOf(decoy); i >= 0; i = text.indexOf(decoy, i + 1)) {
      const end = i + decoy.length;
      if (LETTER.test(text.charAt(i - 1)) || LETTER.test(text.charAt(end))) continue;
      found = true;
      const span = { start: i, end };
      if (!expected.some((e) => overlaps(e, span))) spans.push(span);
    }
    if (!found) throw new Error(`${snippet.id}: decoy ${JSON.stringify(decoy)} does not occur as a word in the snippet`);
  }
  return spans;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function contextOf(text: string, span: Span): string {
  const before = text.slice(Math.max(0, span.start - 30), span.start);
  const after = text.slice(span.end, span.end + 30);
  return `${before}[${text.slice(span.start, span.end)}]${after}`.replace(/\s+/g, " ");
}

/** Runs `briefings spot` once over all snippets of a language; returns mentions per snippet id. */
function spotWithCli(lang: string, snippets: readonly Snippet[]): Map<string, CliMention[]> {
  const dir = mkdtempSync(path.join(tmpdir(), `spot-eval-${lang}-`));
  try {
    const fileToId = new Map<string, string>();
    for (const s of snippets) {
      const file = path.join(dir, `${s.id}.txt`);
      writeFileSync(file, s.text, "utf8");
      fileToId.set(file, s.id);
    }
    const files = [...fileToId.keys()];
    const run = spawnSync(process.execPath, [CLI, "spot", ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`could not run ${CLI}: ${run.error.message}`);
    // Exit 1 means some file could not be read; the others are still reported, so score what came back.
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`${CLI} spot exited with ${run.status ?? run.signal} for ${lang}:\n${run.stderr.slice(0, 2000)}`);
    }
    if (run.stderr.trim()) process.stderr.write(`[${lang}] CLI stderr: ${run.stderr.trim()}\n`);

    const byId = new Map<string, CliMention[]>();
    const lines = run.stdout.split("\n").filter((l) => l.trim() !== "");
    if (files.length === 1) {
      // With one file the CLI prints a bare JSON array instead of NDJSON.
      byId.set(snippets[0]!.id, z.array(CliMention).parse(JSON.parse(run.stdout)));
      return byId;
    }
    for (const line of lines) {
      const parsed = CliLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`unexpected CLI output line for ${lang}: ${line.slice(0, 300)}`);
      const id = fileToId.get(parsed.data.file);
      if (id === undefined) throw new Error(`CLI reported a file it was not given: ${parsed.data.file}`);
      byId.set(id, parsed.data.mentions);
    }
    for (const s of snippets) if (!byId.has(s.id)) throw new Error(`CLI printed no result for ${s.id} (${lang})`);
    return byId;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emptyCounts(): Counts {
  return { snippets: 0, expected: 0, predicted: 0, tp: 0, fp: 0, fn: 0, exactSpan: 0, duplicates: 0, decoys: 0, decoysHit: 0 };
}

function addCounts(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
}

/**
 * Scores one snippet: one-to-one matching of predictions to expected mentions by entity and
 * overlap. Expected mentions of entities missing from the gazetteer are located (so the order
 * of the others stays right) and then set aside into `unknown`.
 */
function scoreSnippet(
  lang: string,
  snippet: Snippet,
  predicted: readonly CliMention[],
  known: ReadonlySet<string>,
  errors: EvalError[],
  unknown: string[],
  expectedByType: Map<string, number>,
): Counts {
  const c = emptyCounts();
  const located = locateExpected(snippet);
  const expected = located.filter((e) => known.has(e.entityId));
  for (const e of expected) expectedByType.set(typeOf(e.entityId), (expectedByType.get(typeOf(e.entityId)) ?? 0) + 1);
  for (const e of located) if (!known.has(e.entityId)) unknown.push(`${snippet.id}: ${JSON.stringify(e.text)} → ${e.entityId}`);
  const decoys = locateDecoys(snippet, located);
  const matched = new Array<boolean>(expected.length).fill(false);
  c.snippets = 1;
  c.expected = expected.length;
  c.predicted = predicted.length;
  c.decoys = decoys.length;

  const error = (kind: ErrorKind, span: Span & { text: string; entityId: string }, extra: Partial<EvalError> = {}): void => {
    errors.push({ kind, lang, id: snippet.id, text: span.text, entityId: span.entityId, start: span.start, end: span.end, context: contextOf(snippet.text, span), ...extra });
  };

  for (const p of [...predicted].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const sliced = snippet.text.slice(p.start, p.end);
    if (sliced !== p.text) process.stderr.write(`[${lang}] ${snippet.id}: mention text ${JSON.stringify(p.text)} != text.slice(${p.start}, ${p.end}) ${JSON.stringify(sliced)}\n`);
    const i = expected.findIndex((e, k) => !matched[k] && e.entityId === p.entity.id && overlaps(e, p));
    if (i >= 0) {
      matched[i] = true;
      c.tp++;
      if (expected[i]!.start === p.start && expected[i]!.end === p.end) c.exactSpan++;
      continue;
    }
    if (expected.some((e, k) => matched[k] && e.entityId === p.entity.id && overlaps(e, p))) {
      c.duplicates++;
      continue;
    }
    c.fp++;
    const span = { text: p.text, entityId: p.entity.id, start: p.start, end: p.end };
    const other = expected.find((e) => overlaps(e, p));
    if (other) error("false-positive", span, { cause: "wrong-entity", expectedEntityId: other.entityId });
    else if (decoys.some((d) => overlaps(d, p))) error("false-positive", span, { cause: "decoy" });
    else error("false-positive", span, { cause: "spurious" });
  }
  c.decoysHit = decoys.filter((d) => predicted.some((p) => overlaps(d, p))).length;
  expected.forEach((e, k) => {
    if (!matched[k]) {
      c.fn++;
      error("false-negative", e);
    }
  });
  return c;
}

/** The entity type is the id's prefix: "person/…", "place/…", "org/…", "event/…". */
function typeOf(entityId: string): string {
  return entityId.split("/", 1)[0] ?? entityId;
}

/** Recall and false positives per entity type, from the expected counts and the error list. */
function perType(expectedByType: ReadonlyMap<string, number>, errors: readonly EvalError[]): Record<string, { expected: number; tp: number; fn: number; fp: number; recall: number }> {
  const types = new Set([...expectedByType.keys(), ...errors.map((e) => typeOf(e.entityId))]);
  const out: Record<string, { expected: number; tp: number; fn: number; fp: number; recall: number }> = {};
  for (const t of [...types].sort()) {
    const expected = expectedByType.get(t) ?? 0;
    const fn = errors.filter((e) => e.kind === "false-negative" && typeOf(e.entityId) === t).length;
    const fp = errors.filter((e) => e.kind === "false-positive" && typeOf(e.entityId) === t).length;
    out[t] = { expected, tp: expected - fn, fn, fp, recall: expected === 0 ? 1 : (expected - fn) / expected };
  }
  return out;
}

function withRates(c: Counts): LangResult {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.expected === 0 ? 1 : c.tp / c.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);

function printTable(rows: [string, LangResult][]): void {
  console.log("lang  snippets expected  tp  fp  fn  precision  recall      F1  exact-span  decoys hit");
  for (const [lang, r] of rows) {
    console.log(
      `${lang.padEnd(7)} ${String(r.snippets).padStart(6)} ${String(r.expected).padStart(8)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}` +
        `    ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}     ${pct(r.tp === 0 ? 0 : r.exactSpan / r.tp)}    ${r.decoysHit}/${r.decoys}`,
    );
  }
}

function main(): number {
  const available = readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
  const wanted = process.argv.slice(2);
  const langs = wanted.length ? available.filter((l) => wanted.includes(l)) : available;
  if (langs.length === 0) {
    console.error(`no fixtures for ${wanted.join(", ")} in ${FIXTURE_DIR} (have: ${available.join(", ")})`);
    return 1;
  }

  const known = loadGazetteerIds();
  const errors: EvalError[] = [];
  const unknown: string[] = [];
  const expectedByType = new Map<string, number>();
  const perLang: [string, LangResult][] = [];
  const total = emptyCounts();
  const started = performance.now();
  for (const lang of langs) {
    const snippets = loadFixtures(lang);
    const spotted = spotWithCli(lang, snippets);
    const counts = emptyCounts();
    for (const s of snippets) addCounts(counts, scoreSnippet(lang, s, spotted.get(s.id) ?? [], known, errors, unknown, expectedByType));
    addCounts(total, counts);
    perLang.push([lang, withRates(counts)]);
  }
  const overall = withRates(total);
  const byType = perType(expectedByType, errors);

  printTable([...perLang, ["overall", overall]]);
  console.log(
    `\nby type: ${Object.entries(byType)
      .map(([t, r]) => `${t} recall ${pct(r.recall).trim()} (${r.tp}/${r.expected}), ${r.fp} FP`)
      .join("; ")}`,
  );
  console.log(`\n${errors.length} errors (FP cause in brackets):`);
  for (const e of errors) {
    const tag = e.kind === "false-positive" ? `FP[${e.cause}]` : "FN";
    const also = e.expectedEntityId ? ` (expected ${e.expectedEntityId})` : "";
    console.log(`  ${tag.padEnd(17)} ${e.id.padEnd(6)} ${e.entityId}${also}  ${e.context}`);
  }

  if (unknown.length) {
    console.log(`\n${unknown.length} expected mentions set aside (entity not in ${GAZETTEER_DIR}):`);
    for (const u of unknown) console.log(`  ${u}`);
  }

  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  const result = {
    generated: new Date().toISOString(),
    command: "node scripts/briefings.mjs spot FILE... (one call per language)",
    matching: "true positive = same entityId and overlapping span; one prediction per expected mention",
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    overall,
    byType,
    notInGazetteer: unknown,
    languages: Object.fromEntries(perLang),
    errors,
  };
  writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${RESULT_FILE}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`spot-eval: ${(error as Error).message}`);
  process.exitCode = 1;
}
