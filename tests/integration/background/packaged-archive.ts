/**
 * A stand-in for the extension package: a temp directory with /archive/ (feed, gazetteer,
 * matcher) served over real HTTP, and a fetch that maps the fake browser's
 * chrome-extension:// URLs onto that server.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { createHandlers } from "../../../lib/background/handlers";
import { createBackground, type BriefingsBackground } from "../../../lib/background/service";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { handleMessages } from "../../../lib/messages";
import type { Entity } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import type { CompiledGazetteer } from "../../../lib/spot/compiled";
import type { FetchFn } from "../../../lib/sync/types";
import mini from "../../fixtures/spotting/mini-gazetteer.json";
import { article, entity, put, serveFeed, writeFeed, type FeedServer } from "../sync/feed-fixture";

// Captured once: tests may replace the global fetch with `fetchFn` below.
const networkFetch = globalThis.fetch;

export interface PackagedArchive {
  dir: string;
  server: FeedServer;
  fetchFn: FetchFn;
  close(): Promise<void>;
}

export const ARCHIVE_ARTICLES = ["aaaaaa01", "aaaaaa02", "aaaaaa03"];

export async function writeArchive(dir: string, seq = 1, ids = ARCHIVE_ARTICLES): Promise<void> {
  await writeFeed(join(dir, "archive"), {
    seq,
    snapshot: { seq, shards: [ids.map((id) => put(article(id)))] },
    gazetteer: {
      version: "g1",
      entities: [entity("person/alexander-lukashenko", "Alexander Lukashenko"), entity("place/minsk", "Minsk")],
    },
  });
}

/** A real compiled matcher (the small test gazetteer), compiled once per test file. */
let miniCompiled: CompiledGazetteer | undefined;
export function miniMatcher(): CompiledGazetteer {
  miniCompiled ??= compileGazetteer(mini as Entity[]);
  return miniCompiled;
}

export async function writeMatcher(dir: string, version: string, compiled: unknown = miniMatcher()): Promise<void> {
  await writeFile(join(dir, "archive", "matcher.json"), JSON.stringify({ version, compiled }));
}

export async function startPackagedArchive(): Promise<PackagedArchive> {
  const dir = await mkdtemp(join(tmpdir(), "briefings-package-"));
  const server = await serveFeed(dir);
  const packageRoot = fakeBrowser.runtime.getURL("/");
  const fetchFn: FetchFn = (input, init) => networkFetch(input.startsWith(packageRoot) ? `${server.url}/${input.slice(packageRoot.length)}` : input, init);
  return {
    dir,
    server,
    fetchFn,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface UserFeed {
  dir: string;
  server: FeedServer;
  close(): Promise<void>;
}

/** A user feed served over real HTTP and registered as an enabled source in `db`. */
export async function startUserFeed(db: BriefingsDB): Promise<UserFeed> {
  const dir = await mkdtemp(join(tmpdir(), "briefings-user-feed-"));
  const server = await serveFeed(dir);
  await db.sources.put({ id: "user-1", name: "Analytical feed", kind: "briefings-feed", enabled: true, feedUrl: `${server.url}/manifest.json` });
  return {
    dir,
    server,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A background on a database of its own, answering messages, with the package served by `pkg`. */
export interface BackgroundRig {
  pkg: PackagedArchive;
  db: BriefingsDB;
  bg: BriefingsBackground;
  close(): Promise<void>;
}

export async function startBackgroundRig(dbName: string): Promise<BackgroundRig> {
  fakeBrowser.reset();
  const pkg = await startPackagedArchive();
  const db = openBriefingsDB(dbName);
  const bg = createBackground({ db, fetchFn: pkg.fetchFn });
  handleMessages(createHandlers(bg));
  return {
    pkg,
    db,
    bg,
    async close() {
      db.close();
      await db.delete();
      await pkg.close();
    },
  };
}
