/**
 * Checks a published feed the way a client will read it: manifest schema, every referenced
 * file present with the sha256 the manifest promises, every NDJSON line a valid FeedOp,
 * article counts, delta chain continuity, and the gazetteer's entities. Collects every
 * problem (file + field + message) rather than stopping at the first.
 */
import { Entity, Manifest } from "../schema";
import { sha256Hex } from "../ingest/sha256";
import { openFeedLocation, type FeedLocation } from "./location";
import { ndjsonLines } from "./ndjson";
import { parseOps } from "./parse-ops";
import { MANIFEST_FILE } from "./write";

export interface FeedProblem {
  /** The feed file, as referenced from the manifest (manifest.json for the manifest itself). */
  file: string;
  /** Where in the file: a manifest field path ("deltas.2.to"), or "line N" plus the field in that line. */
  field?: string;
  message: string;
}

export interface FeedReport {
  location: string;
  problems: FeedProblem[];
  /** The manifest's seq, when the manifest could be read. */
  seq?: number;
  /** Articles in the snapshot. */
  articles: number;
  deltas: number;
  entities: number;
}

/** Per-file cap on repeated findings (unknown entity ids, bad entities) so the first ones stay visible. */
const MAX_LISTED = 20;

export function formatProblem(problem: FeedProblem): string {
  return problem.field ? `${problem.file}: ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

export async function validateFeed(location: string): Promise<FeedReport> {
  const feed = openFeedLocation(location);
  const report: FeedReport = { location: feed.display, problems: [], articles: 0, deltas: 0, entities: 0 };
  const problem = (file: string, message: string, field?: string) =>
    report.problems.push(field ? { file, field, message } : { file, message });

  const manifest = await readManifest(feed, problem);
  if (!manifest) return report;
  report.seq = manifest.seq;
  report.deltas = manifest.deltas.length;

  if (manifest.snapshot.seq !== manifest.seq) {
    problem(MANIFEST_FILE, `snapshot.seq ${manifest.snapshot.seq} differs from seq ${manifest.seq}`, "snapshot.seq");
  }

  const entityIds = manifest.gazetteer ? await checkGazetteer(feed, manifest.gazetteer, problem) : undefined;
  report.entities = entityIds?.size ?? 0;

  const seen = new Set<string>();
  for (const [i, shard] of manifest.snapshot.shards.entries()) {
    const text = await readVerified(feed, shard.url, shard.sha256, problem);
    if (text === undefined) continue;
    const { ops, problems } = parseOps(text);
    for (const p of problems) problem(shard.url, p.message, lineField(p.line, p.field));
    const lines = ndjsonLines(text).length;
    if (lines !== shard.articles) {
      problem(MANIFEST_FILE, `${shard.url} has ${lines} lines but the manifest says ${shard.articles} articles`, `snapshot.shards.${i}.articles`);
    }
    let unknownListed = 0;
    for (const op of ops) {
      if (op.op !== "put") {
        problem(shard.url, `snapshot shards hold only "put" ops, found "${op.op}" for ${op.id}`);
        continue;
      }
      const id = op.article.id;
      if (seen.has(id)) problem(shard.url, `article ${id} occurs more than once in the snapshot`);
      seen.add(id);
      if (!entityIds) continue;
      for (const entityId of op.article.entityIds) {
        if (entityIds.has(entityId) || unknownListed >= MAX_LISTED) continue;
        unknownListed++;
        problem(shard.url, `article ${id} refers to entity ${entityId}, which the gazetteer does not define`);
      }
    }
  }
  report.articles = seen.size;

  checkDeltaChain(manifest, problem);
  for (const delta of manifest.deltas) {
    const text = await readVerified(feed, delta.url, delta.sha256, problem);
    if (text === undefined) continue;
    for (const p of parseOps(text).problems) problem(delta.url, p.message, lineField(p.line, p.field));
  }
  return report;
}

type Report = (file: string, message: string, field?: string) => void;

async function readManifest(feed: FeedLocation, problem: Report): Promise<Manifest | undefined> {
  const read = await feed.read(MANIFEST_FILE);
  if (!read.ok) {
    problem(MANIFEST_FILE, read.error);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch (error) {
    problem(MANIFEST_FILE, `not JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(MANIFEST_FILE, issue.message, issue.path.map(String).join(".") || undefined);
    return undefined;
  }
  return parsed.data;
}

async function readVerified(feed: FeedLocation, ref: string, sha256: string, problem: Report): Promise<string | undefined> {
  const read = await feed.read(ref);
  if (!read.ok) {
    problem(ref, read.error);
    return undefined;
  }
  const actual = sha256Hex(read.bytes);
  if (actual !== sha256) {
    problem(ref, `sha256 is ${actual}, the manifest says ${sha256}: the file was changed or truncated after publishing`);
    return undefined;
  }
  return new TextDecoder().decode(read.bytes);
}

function checkDeltaChain(manifest: Manifest, problem: Report): void {
  const deltas = manifest.deltas;
  for (const [i, delta] of deltas.entries()) {
    if (delta.from >= delta.to) problem(MANIFEST_FILE, `delta goes from ${delta.from} to ${delta.to}: "from" must be below "to"`, `deltas.${i}`);
    const next = deltas[i + 1];
    if (next && next.from !== delta.to) {
      problem(MANIFEST_FILE, `delta chain breaks: deltas.${i} ends at ${delta.to} but deltas.${i + 1} starts at ${next.from}`, `deltas.${i + 1}.from`);
    }
  }
  const last = deltas.at(-1);
  if (last && last.to !== manifest.seq) {
    problem(MANIFEST_FILE, `the last delta ends at ${last.to} but the feed is at seq ${manifest.seq}`, `deltas.${deltas.length - 1}.to`);
  }
}

async function checkGazetteer(
  feed: FeedLocation,
  gazetteer: NonNullable<Manifest["gazetteer"]>,
  problem: Report,
): Promise<Set<string> | undefined> {
  const text = await readVerified(feed, gazetteer.url, gazetteer.sha256, problem);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problem(gazetteer.url, `not JSON (${(error as Error).message})`);
    return undefined;
  }
  if (!Array.isArray(json)) {
    problem(gazetteer.url, "expected a JSON array of entities");
    return undefined;
  }
  const ids = new Set<string>();
  let listed = 0;
  for (const [i, item] of json.entries()) {
    const parsed = Entity.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (listed++ >= MAX_LISTED) break;
        problem(gazetteer.url, issue.message, [String(i), ...issue.path.map(String)].join("."));
      }
      continue;
    }
    if (ids.has(parsed.data.id)) problem(gazetteer.url, `entity ${parsed.data.id} is defined more than once`, String(i));
    ids.add(parsed.data.id);
  }
  return ids;
}

function lineField(line: number, field: string | undefined): string {
  if (line === 0) return field ?? "";
  return field ? `line ${line}, ${field}` : `line ${line}`;
}
