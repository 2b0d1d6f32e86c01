/**
 * Files in node_modules/.cache/briefings that the matching threads of `briefings spot` use:
 * the compiled default gazetteer (written by cached-matcher.ts, found by the same name) and
 * the anchor block (spot-anchors.ts) that goes with it. Both are keyed by matcherCacheKey(),
 * which hashes the gazetteer data and the matcher's source.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Matcher } from "../../lib/spot/match";
import { matcherCacheKey } from "./cached-matcher";
import { anchorBlock, type AnchorBlock, type StrongLabels } from "./spot-anchors";

const CACHE_DIR = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."), "node_modules", ".cache", "briefings");

const CachedAnchors = z.object({ anchors: z.string() });

export interface SharedMatcher {
  /** The compiled gazetteer file the main thread's matcher was loaded from (or written to). */
  compiledFile: string;
  anchors: AnchorBlock;
}

/** The cached compiled form of the default gazetteer as it is now, if it is there. */
export function cachedCompiledFile(key = matcherCacheKey()): string | undefined {
  const compiledFile = path.join(CACHE_DIR, `matcher-${key}.json`);
  return existsSync(compiledFile) ? compiledFile : undefined;
}

/**
 * The compiled gazetteer file of `matcher` and its anchor block. Testing every person's name
 * for the anchors takes 50–70 ms in a fresh process, so a good block is kept beside the
 * compiled gazetteer. Undefined when the compiled gazetteer is not cached (a read-only checkout).
 */
export function sharedMatcher(matcher: Matcher, strong: StrongLabels): SharedMatcher | undefined {
  const key = matcherCacheKey();
  const compiledFile = cachedCompiledFile(key);
  if (compiledFile === undefined) return undefined;
  const anchorFile = path.join(CACHE_DIR, `spot-anchors-${key}.json`);
  if (existsSync(anchorFile)) {
    try {
      return { compiledFile, anchors: { ok: true, text: CachedAnchors.parse(JSON.parse(readFileSync(anchorFile, "utf8"))).anchors } };
    } catch (error) {
      process.stderr.write(`briefings spot: recomputing ${anchorFile} (unreadable: ${(error as Error).message})\n`);
    }
  }
  const anchors = anchorBlock(matcher, strong);
  if (anchors.ok) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(`${anchorFile}.${process.pid}.tmp`, JSON.stringify({ anchors: anchors.text }));
      renameSync(`${anchorFile}.${process.pid}.tmp`, anchorFile);
    } catch (error) {
      // Only time is lost: the block is computed again next time.
      process.stderr.write(`briefings spot: could not cache the anchor names (${(error as Error).message})\n`);
    }
  }
  return { compiledFile, anchors };
}
