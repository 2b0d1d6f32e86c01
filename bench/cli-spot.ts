/**
 * `briefings spot --stats` on a 40 MB text file, as a user runs it: start-up, matcher load,
 * reading and matching, from the CLI's own timing line. Writes bench/results/cli-spot.json.
 * The text is cut into pieces matched on every core, so the result also records the cores,
 * the threads the CLI used and the load average before each run (other work on the machine
 * takes cores from it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";

const seed = readFileSync("data/seeds/002_e17ff025197b5af5.txt", "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "briefings-bench-"));
const file = path.join(dir, "big.txt");
const copies = Math.ceil((40 * 1024 * 1024) / seed.length);
writeFileSync(file, Array.from({ length: copies }, () => seed).join("\n\n"));

const runs: Array<{ wallMs: number; loadMs: number; readMs: number; matchMs: number; totalMs: number; threads: number; loadAvg1m: number }> = [];
for (let i = 0; i < 3; i++) {
  const loadAvg1m = Math.round(loadavg()[0]! * 100) / 100;
  const t0 = performance.now();
  const r = spawnSync("node", ["scripts/briefings.mjs", "spot", "--stats", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const m = r.stderr.match(/matcher load (\d+) ms[^,]*, reading (\d+) ms, matching (\d+) ms.*total (\d+) ms/);
  if (r.status !== 0 || !m) {
    console.error(r.stderr);
    process.exit(1);
  }
  const [, loadMs, readMs, matchMs, totalMs] = m.map(Number) as [number, number, number, number, number];
  const threads = Number(r.stderr.match(/ on (\d+) threads\)/)?.[1] ?? 1);
  runs.push({ wallMs: Math.round(wallMs), loadMs, readMs, matchMs, totalMs, threads, loadAvg1m });
}
rmSync(dir, { recursive: true, force: true });
const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
const result = {
  file: { chars: copies * seed.length + 2 * (copies - 1) },
  runs,
  best,
  pastStartUpMs: best.totalMs,
  budgetMs: 1000,
  cores: availableParallelism(),
  mCharsPerSecMatching: Math.round((copies * seed.length) / 1000 / best.matchMs),
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/cli-spot.json", JSON.stringify(result, null, 2) + "\n");
console.table(runs);
console.log(`spot --stats on ${(result.file.chars / 1e6).toFixed(1)} M chars: ${best.totalMs} ms past start-up (budget ${result.budgetMs} ms), wall ${best.wallMs} ms`);
