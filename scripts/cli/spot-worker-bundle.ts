/**
 * The matching thread's code (spot-worker.ts and what it imports) bundled into one plain
 * JavaScript file, kept in node_modules/.cache/briefings. A worker thread that registered tsx
 * and compiled the TypeScript sources itself would take 0.5–0.9 s to start, more than the
 * time it saves on a 40 MB text; the bundle starts in about 0.1 s.
 *
 * A manifest beside the bundle lists every file esbuild read and its hash, so an edit to any
 * of them (lib/spot, lib/text, zod, …) rebuilds the bundle on the next run.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { pruneCache } from "./cached-matcher";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "briefings");
const MANIFEST = path.join(CACHE_DIR, "spot-worker.json");
const ENTRY = "scripts/cli/spot-worker.ts";

const Manifest = z.object({ bundle: z.string(), inputs: z.record(z.string(), z.string()) });

export type WorkerBundle = { ok: true; file: string } | { ok: false; error: string };

function hashOf(file: string): string | undefined {
  try {
    return createHash("sha256").update(readFileSync(path.join(ROOT, file))).digest("hex");
  } catch {
    return undefined; // a deleted input: the manifest is stale, the bundle is rebuilt
  }
}

/** The cached bundle when every input it was built from is unchanged (a few ms: it hashes them). */
export function cachedWorkerBundle(): string | undefined {
  if (!existsSync(MANIFEST)) return undefined;
  let manifest: z.infer<typeof Manifest>;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(MANIFEST, "utf8")));
  } catch (error) {
    process.stderr.write(`briefings spot: rebuilding the matching thread's code (${MANIFEST} unreadable: ${(error as Error).message})\n`);
    return undefined;
  }
  const file = path.join(CACHE_DIR, path.basename(manifest.bundle));
  if (!existsSync(file)) return undefined;
  for (const [input, hash] of Object.entries(manifest.inputs)) if (hashOf(input) !== hash) return undefined;
  return file;
}

/** Builds the bundle with esbuild (installed with tsx and vite). */
async function buildBundle(): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    // CommonJS, not ESM: V8 reaches the module-level tables and functions of the matcher's hot
    // loop faster in a function scope than in a module scope (the same matching ran at ~135 M
    // chars/s from an ESM bundle and ~175 M chars/s from a CommonJS one on this machine).
    format: "cjs",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error("esbuild wrote no output");
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const hash = hashOf(input);
    if (hash === undefined) throw new Error(`esbuild read ${input}, which cannot be read back`);
    inputs[input] = hash;
  }
  const name = `spot-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.cjs`;
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written under temporary names and renamed: two runs building at once never see half a file.
  const tmp = `.${process.pid}.tmp`;
  writeFileSync(path.join(CACHE_DIR, name + tmp), code);
  renameSync(path.join(CACHE_DIR, name + tmp), path.join(CACHE_DIR, name));
  writeFileSync(MANIFEST + tmp, JSON.stringify({ bundle: name, inputs }));
  renameSync(MANIFEST + tmp, MANIFEST);
  pruneCache("spot-worker-", "", name);
  return path.join(CACHE_DIR, name);
}

/** Builds the bundle (about 0.4 s; esbuild works in its own process meanwhile). */
export async function buildWorkerBundle(): Promise<WorkerBundle> {
  try {
    return { ok: true, file: await buildBundle() };
  } catch (error) {
    return { ok: false, error: `cannot build the matching thread's code: ${error instanceof Error ? error.message : String(error)}` };
  }
}
