/**
 * `briefings spot --stats` on a 40 MB text file, as a user runs it: start-up, matcher load,
 * reading and matching, from the CLI's own timing line. Writes bench/results/cli-spot.json.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const seed = readFileSync("data/seeds/002_e17ff025197b5af5.txt", "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "briefings-bench-"));
const file = path.join(dir, "big.txt");
const copies = Math.ceil((40 * 1024 * 1024) / seed.length);
writeFileSync(file, Array.from({ length: copies }, () => seed).join("\n\n"));

const runs: Array<{ wallMs: number; loadMs: number; readMs: number; matchMs: number; totalMs: number }> = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync("node", ["scripts/briefings.mjs", "spot", "--stats", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const m = r.stderr.match(/matcher load (\d+) ms[^,]*, reading (\d+) ms, matching (\d+) ms.*total (\d+) ms/);
  if (r.status !== 0 || !m) {
    console.error(r.stderr);
    process.exit(1);
  }
  const [, loadMs, readMs, matchMs, totalMs] = m.map(Number) as [number, number, number, number, number];
  runs.push({ wallMs: Math.round(wallMs), loadMs, readMs, matchMs, totalMs });
}
rmSync(dir, { recursive: true, force: true });
const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
const result = {
  file: { chars: copies * seed.length + 2 * (copies - 1) },
  runs,
  best,
  pastStartUpMs: best.totalMs,
  budgetMs: 1000,
  mCharsPerSecMatching: Math.round((copies * seed.length) / 1000 / best.matchMs),
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/cli-spot.json", JSON.stringify(result, null, 2) + "\n");
console.table(runs);
console.log(`spot --stats on ${(result.file.chars / 1e6).toFixed(1)} M chars: ${best.totalMs} ms past start-up (budget ${result.budgetMs} ms), wall ${best.wallMs} ms`);
