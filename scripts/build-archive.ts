/**
 * Builds the archive bundled into the extension: public/archive/ holds a feed made from the
 * seed articles (the same pipeline as `briefings build`), gazetteer.json, and matcher.json
 * (the compiled matcher, loaded by content scripts without waking the service worker).
 * Run with: npx tsx scripts/build-archive.ts [OUT_DIR]   (OUT_DIR defaults to public/archive)
 */
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sha256Hex } from "../lib/ingest/sha256";
import { buildFeed } from "./cli/build-feed";
import { loadDefaultMatcher } from "./cli/default-matcher";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEEDS = path.join(ROOT, "data", "seeds");
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, "public", "archive"));
/** The source id of the bundled articles, which the extension's default source uses too. */
const SOURCE_ID = "default";

async function main(): Promise<number> {
  const started = performance.now();
  const seeds = (await readdir(SEEDS)).filter((name) => name.endsWith(".txt")).sort().map((name) => path.join(SEEDS, name));
  if (seeds.length === 0) {
    process.stderr.write(`build-archive: no seed articles (*.txt) in ${SEEDS}\n`);
    return 1;
  }
  const { entities, compiled, matcher } = loadDefaultMatcher();
  const result = await buildFeed({
    inputs: seeds,
    out: OUT,
    source: SOURCE_ID,
    archiveId: SOURCE_ID,
    matcher,
    entities,
    // The bundled copy is only ever loaded whole, from inside the extension: deltas and the
    // previous run's shards would just make the package bigger.
    keepDeltas: 0,
    retainPrevious: false,
  });
  for (const failure of result.failures) process.stderr.write(`${failure.path}: ${failure.message}\n`);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (!result.ok) {
    process.stderr.write(`build-archive: ${result.error}\n`);
    return 1;
  }

  const compiledJson = JSON.stringify(compiled);
  const matcherText = `{"version":${JSON.stringify(sha256Hex(compiledJson).slice(0, 16))},"compiled":${compiledJson}}\n`;
  await writeIfDifferent(path.join(OUT, "matcher.json"), matcherText);

  const ms = Math.round(performance.now() - started);
  const c = result.changes;
  process.stdout.write(
    `${path.relative(process.cwd(), OUT) || "."}: ${c.articles} articles from ${seeds.length} seed files, ${entities.length} entities, seq ${c.seq}` +
      `${result.changed ? "" : " (unchanged)"}, matcher.json ${(matcherText.length / 1024).toFixed(0)} KB, ${ms} ms\n`,
  );
  // The bundle must not ship with a seed silently missing.
  return result.failures.length > 0 ? 1 : 0;
}

/** Unchanged bytes keep their mtime, so watch-mode rebuilds are not triggered for nothing. */
async function writeIfDifferent(file: string, text: string): Promise<void> {
  try {
    if ((await readFile(file, "utf8")) === text) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

process.exitCode = await main();
