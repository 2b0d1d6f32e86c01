/**
 * Plans a static archive feed (docs/architecture.md §4) from the previous feed state and the
 * new article set. Pure: no file system, no clock (the caller passes `now`), so the same
 * inputs always give the same bytes. `lib/feed/fs.ts` reads the previous state and writes
 * the plan out.
 */
import { FEED_FORMAT, type Article, type Entity, type Manifest } from "../schema";
import { sha256Hex } from "../ingest/sha256";
import { canonicalJson } from "./canonical-json";
import { deleteLine, putLine, toNdjson } from "./ndjson";

export const DEFAULT_SHARD_SIZE = 1000;
export const DEFAULT_KEEP_DELTAS = 50;
export const GAZETTEER_FILE = "gazetteer.json";
export const MANIFEST_FILE = "manifest.json";

/** What a feed directory held before this run. */
export interface PreviousFeed {
  manifest: Manifest;
  /**
   * The articles of the previous snapshot, or undefined when its files could not be read:
   * then no delta can be computed and the plan publishes a fresh snapshot at seq + 1.
   */
  articles: Article[] | undefined;
}

export interface FeedInput {
  archiveId: string;
  /** Valid articles (callers parse them with the Article schema). Ids should be unique: on a clash the first wins. */
  articles: readonly Article[];
  /** The entity list published beside the feed, for the extension's sync. */
  gazetteer?: readonly Entity[];
  /** ISO timestamp for `generated`; only called when the seq changes. */
  now: () => string;
  shardSize?: number;
  keepDeltas?: number;
  /**
   * Keep the previous manifest's files on disk (default true) for clients that fetched it a
   * moment ago. An archive bundled into the extension has no such clients and sets false.
   */
  retainPrevious?: boolean;
}

export interface FeedChanges {
  seq: number;
  previousSeq: number | undefined;
  articles: number;
  added: number;
  updated: number;
  removed: number;
  /** Ids that occurred more than once in the input (the first occurrence was kept). */
  duplicateIds: string[];
  gazetteerChanged: boolean;
}

export interface FeedPlan {
  manifest: Manifest;
  /** manifest.json exactly as it is written. */
  manifestText: string;
  /**
   * The content of the files this run creates, by path relative to the feed directory. Older
   * deltas the manifest still lists are already on disk and are not repeated here.
   */
  files: Map<string, string>;
  /**
   * Files that must survive pruning: all the manifest references plus those of the previous manifest, so a
   * client that fetched the previous manifest a moment ago can still finish its sync.
   */
  keep: Set<string>;
  /** False when the new article set and gazetteer equal the previous ones (seq and `generated` unchanged). */
  changed: boolean;
  changes: FeedChanges;
}

export function planFeed(previous: PreviousFeed | undefined, input: FeedInput): FeedPlan {
  const shardSize = Math.max(1, Math.floor(input.shardSize ?? DEFAULT_SHARD_SIZE));
  const keepDeltas = Math.max(0, Math.floor(input.keepDeltas ?? DEFAULT_KEEP_DELTAS));
  // A different archiveId is a different archive: its history says nothing about this one.
  const prev = previous && previous.manifest.archiveId === input.archiveId ? previous : undefined;

  const { articles, duplicateIds } = uniqueSortedArticles(input.articles);
  const files = new Map<string, string>();

  let gazetteer: Manifest["gazetteer"];
  if (input.gazetteer) {
    const entities = [...input.gazetteer].sort((a, b) => compareIds(a.id, b.id));
    const text = `${canonicalJson(entities)}\n`;
    const sha256 = sha256Hex(text);
    gazetteer = { url: GAZETTEER_FILE, sha256, version: sha256.slice(0, 16) };
    files.set(GAZETTEER_FILE, text);
  }
  const gazetteerChanged = prev?.manifest.gazetteer?.sha256 !== gazetteer?.sha256;

  const diff = prev?.articles ? diffArticles(prev.articles, articles) : undefined;
  const contentChanged = !prev || !diff || diff.ops.length > 0 || gazetteerChanged;
  const seq = prev ? (contentChanged ? prev.manifest.seq + 1 : prev.manifest.seq) : 1;
  const generated = prev && !contentChanged ? prev.manifest.generated : input.now();

  let deltas: Manifest["deltas"] = [];
  if (prev && diff) {
    deltas = continuousChain(prev.manifest.deltas, prev.manifest.seq);
    if (contentChanged && keepDeltas > 0) {
      const text = toNdjson(diff.ops);
      const sha256 = sha256Hex(text);
      const url = `deltas/${prev.manifest.seq}-${seq}-${sha256.slice(0, 8)}.ndjson`;
      deltas = [...deltas, { from: prev.manifest.seq, to: seq, url, sha256 }];
      files.set(url, text);
    }
    deltas = keepDeltas === 0 ? [] : deltas.slice(-keepDeltas);
  }
  const shards: Manifest["snapshot"]["shards"] = [];
  for (let n = 0; n * shardSize < articles.length; n++) {
    const chunk = articles.slice(n * shardSize, (n + 1) * shardSize);
    const text = toNdjson(chunk.map(putLine));
    const sha256 = sha256Hex(text);
    const url = `shards/${seq}-${n}-${sha256.slice(0, 8)}.ndjson`;
    shards.push({ url, sha256, articles: chunk.length });
    files.set(url, text);
  }

  const manifest: Manifest = {
    format: FEED_FORMAT,
    archiveId: input.archiveId,
    seq,
    generated,
    ...(gazetteer ? { gazetteer } : {}),
    snapshot: { seq, shards },
    deltas,
  };
  const keep = new Set<string>([...files.keys(), ...manifestRefs(manifest)]);
  if (previous && input.retainPrevious !== false) for (const ref of manifestRefs(previous.manifest)) keep.add(ref);

  return {
    manifest,
    manifestText: `${JSON.stringify(manifest, null, 2)}\n`,
    files,
    keep,
    changed: contentChanged,
    changes: {
      seq,
      previousSeq: prev?.manifest.seq,
      articles: articles.length,
      added: diff ? diff.added : articles.length,
      updated: diff ? diff.updated : 0,
      removed: diff ? diff.removed : 0,
      duplicateIds,
      gazetteerChanged,
    },
  };
}

/** Every file a manifest points at (relative references only: absolute ones live elsewhere). */
export function manifestRefs(manifest: Manifest): string[] {
  const refs = [
    ...(manifest.gazetteer ? [manifest.gazetteer.url] : []),
    ...manifest.snapshot.shards.map((s) => s.url),
    ...manifest.deltas.map((d) => d.url),
  ];
  return refs.filter((ref) => !/^[a-z][a-z0-9+.-]*:/i.test(ref));
}

/** Plain code-unit order, not localeCompare: the order must not depend on the machine's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueSortedArticles(input: readonly Article[]): { articles: Article[]; duplicateIds: string[] } {
  const byId = new Map<string, Article>();
  const duplicates = new Set<string>();
  for (const article of input) {
    if (byId.has(article.id)) duplicates.add(article.id);
    else byId.set(article.id, article);
  }
  const articles = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return { articles, duplicateIds: [...duplicates].sort(compareIds) };
}

interface ArticleDiff {
  /** NDJSON lines, sorted by article id. */
  ops: string[];
  added: number;
  updated: number;
  removed: number;
}

function diffArticles(before: readonly Article[], after: readonly Article[]): ArticleDiff {
  const old = new Map(before.map((a) => [a.id, canonicalJson(a)]));
  const current = new Set(after.map((a) => a.id));
  const entries: { id: string; line: string }[] = [];
  let added = 0;
  let updated = 0;
  let removed = 0;
  for (const article of after) {
    const was = old.get(article.id);
    if (was === undefined) added++;
    else if (was !== canonicalJson(article)) updated++;
    else continue;
    entries.push({ id: article.id, line: putLine(article) });
  }
  for (const id of old.keys()) {
    if (current.has(id)) continue;
    removed++;
    entries.push({ id, line: deleteLine(id) });
  }
  entries.sort((a, b) => compareIds(a.id, b.id));
  return { ops: entries.map((e) => e.line), added, updated, removed };
}

/**
 * The tail of the previous delta chain that is contiguous and ends at `seq`. A broken chain
 * (hand-edited manifest) is cut rather than published: clients fall back to the snapshot.
 */
function continuousChain(deltas: Manifest["deltas"], seq: number): Manifest["deltas"] {
  const chain: Manifest["deltas"] = [];
  let expectedTo = seq;
  for (let i = deltas.length - 1; i >= 0; i--) {
    const delta = deltas[i];
    if (!delta || delta.to !== expectedTo || delta.from >= delta.to) break;
    chain.unshift(delta);
    expectedTo = delta.from;
  }
  return chain;
}
