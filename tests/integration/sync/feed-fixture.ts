/**
 * Writes a small briefings feed (manifest + NDJSON shards/deltas + gazetteer) into a
 * directory, and serves a directory over real HTTP on 127.0.0.1 with ETags, so sync tests
 * exercise the client against the protocol on the wire.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize } from "node:path";
import { sha256Hex } from "../../../lib/ingest/sha256";
import type { Article, Entity, Manifest } from "../../../lib/schema";

export function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    title: `Briefing ${id}`,
    published: "2024-01-01",
    source: "publisher",
    lang: "en",
    summary: `Summary of ${id}.`,
    paragraphs: [`Body of ${id}.`],
    entityIds: ["person/alexander-lukashenko"],
    mentions: [{ entityId: "person/alexander-lukashenko", count: 1, firstOffset: 0 }],
    ...over,
  };
}

export function entity(id: `${"person" | "org" | "place"}/${string}`, name: string): Entity {
  return {
    id,
    type: id.split("/")[0] as Entity["type"],
    name,
    labels: { en: [name] },
    description: { en: `${name}, for tests.` },
  };
}

/** An op line may be anything: tests write invalid ops on purpose. */
export type RawOp = Record<string, unknown>;
export const put = (a: Article | RawOp): RawOp => ({ op: "put", article: a });
export const del = (id: string): RawOp => ({ op: "delete", id });

export interface FeedSpec {
  archiveId?: string;
  seq: number;
  snapshot: { seq: number; shards: RawOp[][] };
  deltas?: Array<{ from: number; to: number; ops: RawOp[] }>;
  gazetteer?: { version: string; entities: unknown[] };
}

async function writeFeedFile(dir: string, rel: string, text: string): Promise<string> {
  const path = join(dir, rel);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return sha256Hex(text);
}

const ndjson = (ops: RawOp[]) => ops.map((o) => JSON.stringify(o)).join("\n") + "\n";

/** Writes the feed and returns its manifest; file names carry seq so several versions coexist. */
export async function writeFeed(dir: string, spec: FeedSpec): Promise<Manifest> {
  const shards = [];
  for (const [i, ops] of spec.snapshot.shards.entries()) {
    const url = `shards/${spec.snapshot.seq}-${i + 1}.ndjson`;
    const sha256 = await writeFeedFile(dir, url, ndjson(ops));
    shards.push({ url, sha256, articles: ops.length });
  }
  const deltas = [];
  for (const d of spec.deltas ?? []) {
    const url = `deltas/${d.from}-${d.to}.ndjson`;
    deltas.push({ from: d.from, to: d.to, url, sha256: await writeFeedFile(dir, url, ndjson(d.ops)) });
  }
  const manifest: Manifest = {
    format: "briefings-feed/1",
    archiveId: spec.archiveId ?? "test-archive",
    seq: spec.seq,
    generated: "2024-01-01T00:00:00Z",
    snapshot: { seq: spec.snapshot.seq, shards },
    deltas,
  };
  if (spec.gazetteer) {
    const url = "gazetteer.json";
    manifest.gazetteer = { url, version: spec.gazetteer.version, sha256: await writeFeedFile(dir, url, JSON.stringify(spec.gazetteer.entities)) };
  }
  await writeFeedFile(dir, "manifest.json", JSON.stringify(manifest));
  return manifest;
}

export interface FeedServer {
  url: string;
  /** Paths requested so far, with the status answered. */
  log: Array<{ path: string; status: number }>;
  /** Paths whose body is cut off halfway by destroying the socket. */
  dropMidFile: Set<string>;
  close(): Promise<void>;
}

/** Serves `dir` with a strong ETag (sha256 of the content) and If-None-Match → 304. */
export async function serveFeed(dir: string): Promise<FeedServer> {
  const log: FeedServer["log"] = [];
  const dropMidFile = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path));
    void readFile(file).then(
      (body) => {
        const etag = `"${sha256Hex(body)}"`;
        if (req.headers["if-none-match"] === etag) {
          log.push({ path, status: 304 });
          res.writeHead(304, { ETag: etag }).end();
          return;
        }
        log.push({ path, status: 200 });
        res.writeHead(200, { ETag: etag, "Content-Length": body.length, "Content-Type": "application/octet-stream" });
        if (dropMidFile.has(path)) {
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
          return;
        }
        res.end(body);
      },
      () => {
        log.push({ path, status: 404 });
        res.writeHead(404).end("not found");
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    dropMidFile,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
