/**
 * npm run bench: builds the extension, then runs every benchmark in bench/*.ts (their shared
 * parts live in subfolders) one after another (never in parallel: the
 * numbers would disturb each other) and lists the JSON files they wrote to bench/results/.
 * Benchmarks are measurements, not tests: they report numbers and budgets, they do not fail CI.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const only = process.argv.slice(2);
const benches = readdirSync("bench")
  .filter((f) => f.endsWith(".ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
mkdirSync("bench/results", { recursive: true });

// Always a fresh build: browser benchmarks load .output/, which must be the code in the tree.
console.log("Building the extension first (browser benchmarks load it)…");
if (spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);

let failed = 0;
for (const f of benches) {
  console.log(`\n== ${f}`);
  const r = spawnSync("npx", ["tsx", path.join("bench", f)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`${f} exited with ${r.status}`);
  }
}
console.log(`\nResults: ${readdirSync("bench/results").map((f) => path.join("bench/results", f)).join(", ")}`);
process.exit(failed ? 1 : 0);
