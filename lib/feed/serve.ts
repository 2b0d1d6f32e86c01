/**
 * A small static HTTP server for a feed directory (the CLI's `serve`, tests and the demo).
 * In production any web server or CDN does this job; this one sets the headers a feed needs:
 * strong ETags with If-None-Match → 304, no-cache for the manifest, immutable for
 * content-addressed shards and deltas, and CORS for extension fetches.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface FeedServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface FeedServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".ndjson": "application/x-ndjson; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

/** Shards and deltas are named by their content hash, so a cached copy can never be stale. */
const CONTENT_ADDRESSED = /^\/(shards|deltas)\/\d+-\d+-[0-9a-f]{8}\.ndjson$/;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Content-Length",
};

export async function startFeedServer(dir: string, options: FeedServerOptions = {}): Promise<FeedServer> {
  const root = await realpath(path.resolve(dir));
  const etags = new Map<string, { mtimeMs: number; size: number; etag: string }>();

  const server = createServer((req, res) => {
    handle(root, etags, req, res).catch((error: unknown) => {
      // A failed read mid-response: the client sees a 500 and retries; the server keeps running.
      if (!res.headersSent) send(res, 500, `internal error: ${(error as Error).message}\n`);
      else res.destroy(error as Error);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  root: string,
  etags: Map<string, { mtimeMs: number; size: number; etag: string }>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Cache-Control",
      "Access-Control-Max-Age": "86400",
    });
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD, OPTIONS");
    send(res, 405, "method not allowed\n");
    return;
  }

  const file = await resolveFile(root, req.url ?? "/");
  if (!file) {
    send(res, 404, "not found\n");
    return;
  }
  const info = await stat(file.path);
  let cached = etags.get(file.path);
  let body: Buffer | undefined;
  if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
    body = await readFile(file.path);
    cached = { mtimeMs: info.mtimeMs, size: info.size, etag: `"${createHash("sha256").update(body).digest("hex")}"` };
    etags.set(file.path, cached);
  }
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: cached.etag,
    "Cache-Control": CONTENT_ADDRESSED.test(file.urlPath) ? "public, max-age=31536000, immutable" : "no-cache",
    "X-Content-Type-Options": "nosniff",
  };
  if (ifNoneMatchHits(req.headers["if-none-match"], cached.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  body ??= await readFile(file.path);
  res.writeHead(200, {
    ...headers,
    "Content-Type": CONTENT_TYPES[path.extname(file.path).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Maps a request path to a file inside root, or undefined (→ 404) for anything outside it,
 * hidden files (temporary files of a feed being written), directories without index.html,
 * and symlinks that lead out of the feed directory.
 */
async function resolveFile(root: string, rawUrl: string): Promise<{ path: string; urlPath: string } | undefined> {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(rawUrl, "http://feed.invalid").pathname);
  } catch {
    // Malformed percent-encoding cannot name a file we serve.
    return undefined;
  }
  // The raw request line is checked too: URL parsing already folds "/../x" into "/x".
  if (/(^|[\\/])\.\.([\\/]|$)/.test(decodeLoosely(rawUrl)) || urlPath.includes("\0") || urlPath.includes("\\")) return undefined;
  if (urlPath.split("/").some((segment) => segment.startsWith("."))) return undefined;
  let candidate = path.join(root, urlPath);
  if (!candidate.startsWith(root + path.sep) && candidate !== root) return undefined;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = path.join(candidate, "index.html");
      urlPath = `${urlPath.replace(/\/$/, "")}/index.html`;
      info = await stat(candidate);
    }
    if (!info.isFile()) return undefined;
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return undefined;
    return { path: real, urlPath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES") return undefined;
    throw error;
  }
}

function decodeLoosely(rawUrl: string): string {
  try {
    return decodeURIComponent(rawUrl.split("?")[0] ?? "");
  } catch {
    return rawUrl;
  }
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...CORS_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" });
  res.end(text);
}
