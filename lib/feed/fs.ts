/**
 * The file-system side of the feed writer: reads what a feed directory already holds and
 * writes a FeedPlan into it. Content files go first and manifest.json last (each through a
 * temporary file and a rename), so a client never sees a manifest whose files are missing.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Manifest, type Article } from "../schema";
import { sha256Hex } from "../ingest/sha256";
import { openFeedLocation } from "./location";
import { parseOps } from "./parse-ops";
import { MANIFEST_FILE, type FeedPlan, type PreviousFeed } from "./write";

export type PreviousFeedResult =
  | { ok: true; previous: PreviousFeed | undefined; warnings: string[] }
  | { ok: false; error: string };

/** Names this writer gives to content-addressed files; pruning never touches anything else. */
const OWN_FILE = /^\d+-\d+-[0-9a-f]{8}\.ndjson$/;
const CONTENT_DIRS = ["shards", "deltas"] as const;

export async function readPreviousFeed(dir: string): Promise<PreviousFeedResult> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, previous: undefined, warnings: [] };
    return { ok: false, error: `${manifestPath}: cannot read (${(error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${manifestPath}: not JSON (${(error as Error).message}); fix it or delete the directory to start a new archive` };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return {
      ok: false,
      error: `${manifestPath}: not a briefings feed manifest (${issue?.message ?? "invalid"}${where}); fix it or delete the directory to start a new archive`,
    };
  }
  const manifest = parsed.data;
  const loaded = await readSnapshotArticles(dir, manifest);
  if (!loaded.ok) {
    return {
      ok: true,
      previous: { manifest, articles: undefined },
      warnings: [`${loaded.error}; publishing a full snapshot without a delta`],
    };
  }
  return { ok: true, previous: { manifest, articles: loaded.articles }, warnings: [] };
}

async function readSnapshotArticles(
  dir: string,
  manifest: Manifest,
): Promise<{ ok: true; articles: Article[] } | { ok: false; error: string }> {
  const location = openFeedLocation(dir);
  const articles: Article[] = [];
  for (const shard of manifest.snapshot.shards) {
    const read = await location.read(shard.url);
    if (!read.ok) return { ok: false, error: `previous snapshot ${shard.url}: ${read.error}` };
    if (sha256Hex(read.bytes) !== shard.sha256) {
      return { ok: false, error: `previous snapshot ${shard.url}: sha256 does not match the manifest` };
    }
    const { ops, problems } = parseOps(new TextDecoder().decode(read.bytes));
    const first = problems[0];
    if (first) return { ok: false, error: `previous snapshot ${shard.url}: line ${first.line}: ${first.message}` };
    for (const op of ops) if (op.op === "put") articles.push(op.article);
  }
  return { ok: true, articles };
}

export type WriteResult = ({ ok: true } & WriteReport) | { ok: false; error: string };

export interface WriteReport {
  /** Paths (relative to the feed directory) whose bytes changed. */
  written: string[];
  /** Old content files deleted because no current or previous manifest references them. */
  removed: string[];
}

export async function writeFeedPlan(dir: string, plan: FeedPlan): Promise<WriteResult> {
  try {
    return { ok: true, ...(await writePlanFiles(dir, plan)) };
  } catch (error) {
    return { ok: false, error: `cannot write the feed to ${dir}: ${(error as Error).message}` };
  }
}

async function writePlanFiles(dir: string, plan: FeedPlan): Promise<WriteReport> {
  const written: string[] = [];
  await mkdir(dir, { recursive: true });
  for (const [rel, text] of [...plan.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (await writeIfDifferent(path.join(dir, rel), text)) written.push(rel);
  }
  if (await writeIfDifferent(path.join(dir, MANIFEST_FILE), plan.manifestText)) written.push(MANIFEST_FILE);

  const removed: string[] = [];
  for (const sub of CONTENT_DIRS) {
    let names: string[];
    try {
      names = await readdir(path.join(dir, sub));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    for (const name of names.sort()) {
      const rel = `${sub}/${name}`;
      if (!OWN_FILE.test(name) || plan.keep.has(rel)) continue;
      await rm(path.join(dir, rel), { force: true });
      removed.push(rel);
    }
  }
  return { written, removed };
}

/** Leaves identical files alone so their mtime (and any CDN cache) is not disturbed. */
async function writeIfDifferent(file: string, text: string): Promise<boolean> {
  try {
    if ((await readFile(file, "utf8")) === text) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
  return true;
}
