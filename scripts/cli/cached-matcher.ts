/**
 * The default matcher for `briefings spot`, compiled once and kept in
 * node_modules/.cache/briefings: compiling the gazetteer takes about half a second, loading
 * the compiled form about 20 ms. The cache key hashes everything the compiled form depends on
 * (the gazetteer data and the compiler's source), so an edit to either recompiles.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createStoredMatcher, type Matcher } from "../../lib/spot/match";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const INPUTS = ["data/gazetteer", "data/given-names.json", "lib/spot", "lib/text", "lib/schema"];
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "briefings");

function inputFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (!abs.endsWith(".json") && !abs.endsWith(".ts")) {
    return readdirSync(abs, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".json") || f.endsWith(".ts"))
      .map((f) => path.join(rel, f));
  }
  return [rel];
}

/**
 * Hashed once per process (~4 ms of reading the sources): `spot` asks for it when it starts its
 * threads, loads the matcher and finds the anchor block, and a CLI run does not see its own
 * sources change.
 */
let cacheKey: string | undefined;

export function matcherCacheKey(): string {
  if (cacheKey !== undefined) return cacheKey;
  const hash = createHash("sha256");
  for (const f of INPUTS.flatMap(inputFiles).sort()) {
    hash.update(f).update("\0").update(readFileSync(path.join(ROOT, f))).update("\0");
  }
  cacheKey = hash.digest("hex").slice(0, 16);
  return cacheKey;
}

export interface CachedMatcher {
  matcher: Matcher;
  fromCache: boolean;
}

/**
 * Removes the files of earlier cache keys (named `${prefix}<key>${suffix}`) beside `keep`: each
 * edit of the gazetteer or the matcher leaves one behind otherwise (0.8–2 MB each).
 */
export function pruneCache(prefix: string, suffix: string, keep: string): void {
  try {
    for (const name of readdirSync(CACHE_DIR)) {
      if (name !== keep && name.startsWith(prefix) && name.endsWith(suffix)) rmSync(path.join(CACHE_DIR, name), { force: true });
    }
  } catch (err) {
    // Only disk space is lost.
    process.stderr.write(`briefings: could not tidy ${CACHE_DIR} (${err instanceof Error ? err.message : String(err)})\n`);
  }
}

export async function loadCachedMatcher(): Promise<CachedMatcher> {
  const file = path.join(CACHE_DIR, `matcher-${matcherCacheKey()}.json`);
  if (existsSync(file)) {
    try {
      // This program wrote the file, under a key that hashes the matcher's own source: the
      // format and table checks stay, the schema walk over the whole form (~25 ms) is skipped.
      return { matcher: createStoredMatcher(JSON.parse(readFileSync(file, "utf8"))), fromCache: true };
    } catch (err) {
      // A damaged cache file is rebuilt below; say so, since it costs a recompile.
      process.stderr.write(`briefings: recompiling the gazetteer (cached matcher unreadable: ${err instanceof Error ? err.message : String(err)})\n`);
    }
  }
  const { loadDefaultMatcher } = await import("./default-matcher");
  const { compiled, matcher } = loadDefaultMatcher();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(compiled));
    renameSync(tmp, file);
    pruneCache("matcher-", ".json", path.basename(file));
    pruneCache("spot-anchors-", ".json", `spot-anchors-${path.basename(file).slice("matcher-".length)}`);
  } catch (err) {
    // The cache only saves time; a read-only checkout still works, just slower.
    process.stderr.write(`briefings: could not cache the compiled gazetteer (${err instanceof Error ? err.message : String(err)})\n`);
  }
  return { matcher, fromCache: false };
}
