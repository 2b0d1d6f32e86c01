/**
 * Name-spotting throughput (npx tsx bench/spot.ts): the matcher on a ~10 MB mixed-language
 * text with (1) the default gazetteer and (2) a synthetic 100,000-pattern gazetteer, against
 * (a) one RegExp alternation of the same labels (run in a worker under a time budget; "n/a"
 * when it cannot finish a sample in time) and (b) a plain charCodeAt loop over the same text
 * (the ceiling), timed in alternation with the matcher. Also compile time, load time
 * (createMatcher alone and with JSON.parse, as a page loads it from storage), heap added by
 * the loaded matcher and serialised size.
 * Each gazetteer is measured in its own process; warm-up runs first; each figure is the median
 * of several timed runs. Writes bench/results/spot.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import type { Entity } from "../lib/schema";
import { LANGS } from "../lib/schema";
import { compileGazetteer, type CompileOptions } from "../lib/spot/compile";
import { loadDefaultEntities } from "../lib/spot/gazetteer";
import { createMatcher } from "../lib/spot/match";
import { syntheticEntities } from "../lib/spot/synthetic-gazetteer";
import { buildMixedCorpus } from "./corpus/mixed-corpus";
import { median } from "./shared/stats";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULT_FILE = path.join(ROOT, "bench/results/spot.json");
const RUNS = 7;
const WARMUP = 2;
const REGEX_BUDGET_MS = 20_000;
const REGEX_SAMPLE_CHARS = 200_000;
const ROW_FLAG = "--row";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function timeRuns(fn: () => void): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Times several functions in alternation (one run of each per round) and returns the median
 * of each: figures that are compared with each other (matcher vs plain loop) then see the
 * same machine load.
 */
function timeInterleaved(fns: readonly (() => void)[]): number[] {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn();
      times[k]!.push(performance.now() - t);
    });
  }
  return times.map(median);
}

function plainLoop(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function allLabels(entities: readonly Entity[]): string[] {
  const out = new Set<string>();
  for (const e of entities) for (const lang of LANGS) for (const l of e.labels[lang] ?? []) out.add(l);
  return [...out];
}

/** Runs the RegExp alternation over a growing sample in a worker; undefined when over budget. */
function regexThroughput(labels: string[], text: string): Promise<{ mcps: number; sampleChars: number } | { na: string }> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const { labels, text } = workerData;
    const esc = (s) => s.replace(/[.*+?^\${}()|[\\]\\\\]/g, "\\\\$&");
    const sorted = [...labels].sort((a, b) => b.length - a.length).map(esc);
    const re = new RegExp("(?<![\\\\p{L}\\\\p{N}])(?:" + sorted.join("|") + ")(?![\\\\p{L}\\\\p{N}])", "giu");
    let size = 10000;
    for (;;) {
      const sample = text.slice(0, size);
      const t = performance.now();
      let n = 0;
      re.lastIndex = 0;
      while (re.exec(sample) !== null) n++;
      const ms = performance.now() - t;
      parentPort.postMessage({ size, ms, n });
      if (size >= text.length || ms > 2000) break;
      size *= 4;
    }
  `;
  return new Promise((resolve) => {
    const worker = new Worker(source, { eval: true, workerData: { labels, text: text.slice(0, REGEX_SAMPLE_CHARS) } });
    let best: { size: number; ms: number } | undefined;
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(best ? { mcps: best.size / best.ms / 1000, sampleChars: best.size } : { na: `no ${10_000}-char sample finished within ${REGEX_BUDGET_MS / 1000} s` });
    }, REGEX_BUDGET_MS);
    worker.on("message", (m: { size: number; ms: number }) => {
      best = m;
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      resolve(best ? { mcps: best.size / best.ms / 1000, sampleChars: best.size } : { na: "the RegExp worker stopped without a result" });
    });
    worker.on("error", (err) => {
      clearTimeout(timer);
      resolve({ na: `RegExp failed: ${err.message}` });
    });
  });
}

interface Row {
  gazetteer: string;
  entities: number;
  patterns: number;
  labels: number;
  variants: number;
  compileMs: number;
  /** createMatcher on the parsed object (median of runs). */
  loadMs: number;
  /** JSON.parse + createMatcher: what a page pays to load the matcher from storage (median of runs). */
  parseLoadMs: number;
  jsonBytes: number;
  heapBytes: number;
  mentions: number;
  matcherMcps: number;
  /** Same matcher on filler prose only (no names): the rate on text with few candidates. */
  fillerOnlyMcps: number;
  plainLoopMcps: number;
  ratioToPlainLoop: number;
  /**
   * The same text as one flat string. The benchmark text is a slice of a longer one, which
   * the engine reads through an indirection; page text (textContent) and files read whole are
   * flat, and the plain loop runs faster over them than the matcher gains.
   */
  flatText: { matcherMcps: number; plainLoopMcps: number; ratioToPlainLoop: number };
  regex: { mcps: number; sampleChars: number } | { na: string };
}

async function measure(name: string, entities: Entity[], text: string, filler: string, options: CompileOptions): Promise<Row> {
  let t = performance.now();
  const compiled = compileGazetteer(entities, options);
  const compileMs = performance.now() - t;
  const json = JSON.stringify(compiled);
  const parsed = JSON.parse(json) as typeof compiled;
  gc();
  // Typed arrays live outside the JS heap (arrayBuffers): both count.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const heapBefore = used();
  const matcher = createMatcher(parsed);
  gc();
  const heapBytes = used() - heapBefore;
  const loadMs = timeRuns(() => createMatcher(parsed));
  const parseLoadMs = timeRuns(() => createMatcher(JSON.parse(json) as typeof compiled));
  let mentions = 0;
  let sink = 0;
  const [matchMs, fillerMs, loopMs] = timeInterleaved([
    () => {
      mentions = matcher.find(text).length;
    },
    () => {
      matcher.find(filler);
    },
    () => {
      sink ^= plainLoop(text);
    },
  ]) as [number, number, number];
  const flat = Buffer.from(text, "utf16le").toString("utf16le");
  const [flatMatchMs, flatLoopMs] = timeInterleaved([
    () => {
      matcher.find(flat);
    },
    () => {
      sink ^= plainLoop(flat);
    },
  ]) as [number, number];
  if (sink === 0x7fffffff) console.log(""); // keeps the loops from being optimised away
  const regex = await regexThroughput(allLabels(entities), text);
  const matcherMcps = text.length / matchMs / 1000;
  const plainLoopMcps = text.length / loopMs / 1000;
  return {
    gazetteer: name,
    entities: entities.length,
    patterns: compiled.stats.patterns,
    variants: compiled.stats.variants,
    labels: compiled.stats.labels,
    compileMs: Math.round(compileMs),
    loadMs: Math.round(loadMs * 10) / 10,
    parseLoadMs: Math.round(parseLoadMs * 10) / 10,
    jsonBytes: json.length,
    heapBytes,
    mentions,
    matcherMcps: Math.round(matcherMcps * 10) / 10,
    fillerOnlyMcps: Math.round((filler.length / fillerMs / 1000) * 10) / 10,
    plainLoopMcps: Math.round(plainLoopMcps * 10) / 10,
    ratioToPlainLoop: Math.round((matcherMcps / plainLoopMcps) * 100) / 100,
    flatText: {
      matcherMcps: Math.round(flat.length / flatMatchMs / 100) / 10,
      plainLoopMcps: Math.round(flat.length / flatLoopMs / 100) / 10,
      ratioToPlainLoop: Math.round((flatLoopMs / flatMatchMs) * 100) / 100,
    },
    regex: "mcps" in regex ? { mcps: Math.round(regex.mcps * 1000) / 1000, sampleChars: regex.sampleChars } : regex,
  };
}

const GAZETTEERS = ["default", "synthetic-100k"] as const;
type GazetteerName = (typeof GAZETTEERS)[number];

function corpus(): { text: string; filler: string; synthetic: Entity[] } {
  const synthetic = syntheticEntities(100_000);
  const sprinkled = synthetic.filter((_, i) => i % 50 === 0).flatMap((e) => [e.labels.en![0]!, e.labels.ru![1]!]);
  return { text: buildMixedCorpus(ROOT, 10_000_000, sprinkled), filler: buildMixedCorpus(ROOT, 10_000_000, [], false), synthetic };
}

/** Measures one gazetteer in this process and prints its row as JSON. */
async function measureRow(name: GazetteerName): Promise<void> {
  const { text, filler, synthetic } = corpus();
  const row =
    name === "default"
      ? await measure("default", loadDefaultEntities(), text, filler, {})
      : await measure("synthetic-100k", synthetic, text, filler, { transliterate: false });
  process.stdout.write(JSON.stringify(row) + "\n");
}

/**
 * Each gazetteer is measured in a fresh process, as a page or the CLI loads one matcher: the
 * JIT and heap state left by one row (the default gazetteer's context checks) would otherwise
 * slow the next.
 */
function measureInChild(name: GazetteerName): Row {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ROW_FLAG, name], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`benchmark of the ${name} gazetteer failed (exit ${child.status})`);
  return JSON.parse(line) as Row;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf(ROW_FLAG);
  if (flag !== -1) {
    const name = process.argv[flag + 1];
    if (name !== "default" && name !== "synthetic-100k") throw new Error(`${ROW_FLAG} takes one of: ${GAZETTEERS.join(", ")}`);
    await measureRow(name);
    return;
  }
  const text = corpus().text;
  const rows: Row[] = GAZETTEERS.map(measureInChild);
  const result = {
    generated: new Date().toISOString(),
    node: process.version,
    textChars: text.length,
    runs: RUNS,
    note: "M chars/s = million UTF-16 units per second, median of runs after warm-up; each gazetteer measured in its own process; synthetic patterns are compiled without transliteration so the pattern count stays 100,000.",
    budget: { minMcps: 100, minRatioToPlainLoop: 0.3 },
    rows,
  };
  mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2) + "\n");
  const mb = (b: number) => (b / 1e6).toFixed(2);
  console.log(`text: ${(text.length / 1e6).toFixed(1)} M chars, ${RUNS} runs (median)`);
  console.log("gazetteer       patterns  compile ms  load ms  parse+load ms  json MB  mem MB   matcher M/s  (filler only)  loop M/s  ratio  RegExp M/s");
  for (const r of rows) {
    const re = "mcps" in r.regex ? `${r.regex.mcps} (on ${r.regex.sampleChars} chars)` : `n/a (${r.regex.na})`;
    console.log(
      `${r.gazetteer.padEnd(15)} ${String(r.patterns).padStart(8)}  ${String(r.compileMs).padStart(10)}  ${String(r.loadMs).padStart(7)}  ${String(r.parseLoadMs).padStart(13)}  ${mb(r.jsonBytes).padStart(7)}  ${mb(r.heapBytes).padStart(7)}  ${String(r.matcherMcps).padStart(11)}  ${String(r.fillerOnlyMcps).padStart(13)}  ${String(r.plainLoopMcps).padStart(8)}  ${String(r.ratioToPlainLoop).padStart(5)}  ${re}`,
    );
  }
  for (const r of rows) {
    const f = r.flatText;
    console.log(`${r.gazetteer} on a flat copy of the text: matcher ${f.matcherMcps} M/s, loop ${f.plainLoopMcps} M/s, ratio ${f.ratioToPlainLoop}`);
  }
  console.log(`wrote ${path.relative(ROOT, RESULT_FILE)}`);
}

await main();
