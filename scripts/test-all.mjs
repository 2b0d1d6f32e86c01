// npm test: typecheck, unit + integration tests, build, browser e2e. Prints one closing line
// "N passed, N failed" summed over every suite (the typecheck and the build count as one check each).
import { readFileSync, mkdirSync, rmSync } from "node:fs";
import { runStep } from "./run-step.mjs";

mkdirSync("test-results", { recursive: true });
const totals = { passed: 0, failed: 0 };
const lines = [];

function vitestCounts(file) {
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    // Files that failed to load count as failures even though they report no tests.
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
    return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + brokenFiles };
  } catch {
    return null;
  }
}

async function check(name, cmd, args) {
  const code = await runStep(cmd, args);
  totals[code === 0 ? "passed" : "failed"] += 1;
  lines.push(`${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`}`);
  return code === 0;
}

async function vitestSuite(name, configArgs) {
  const out = `test-results/${name}.json`;
  rmSync(out, { force: true });
  const code = await runStep("npx", ["vitest", "run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
  const counts = vitestCounts(out);
  if (!counts) {
    totals.failed += 1;
    lines.push(`${name}: FAILED (exit ${code}, no results)`);
    return;
  }
  // A non-zero exit with every test green (e.g. an unhandled error) is still a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

const started = Date.now();
await check("typecheck", "npx", ["tsc", "--noEmit"]);
await vitestSuite("unit-integration", []);
const built = await check("build", "npm", ["run", "build"]);
if (built) await vitestSuite("e2e", ["-c", "vitest.e2e.config.ts"]);
else lines.push("e2e: not run (build failed)");

console.log(`\n${lines.join("\n")}\ntotal time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
