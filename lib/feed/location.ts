/**
 * Reads the files of a feed from a directory or from an http(s) base URL, resolving the
 * references in a manifest the way a client does: relative to the manifest.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

export interface FeedLocation {
  /** Where the manifest lives, for messages. */
  readonly display: string;
  /** Reads a file referenced from the manifest (relative path or absolute http(s) URL). */
  read(ref: string): Promise<ReadResult>;
}

export function isHttpUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export function openFeedLocation(location: string): FeedLocation {
  if (isHttpUrl(location)) return httpLocation(location);
  const dir = /^file:/i.test(location) ? fileURLToPath(location) : location;
  // Accept the manifest's own path as well as its directory.
  return dirLocation(path.basename(dir) === "manifest.json" ? path.dirname(dir) : dir);
}

function dirLocation(dir: string): FeedLocation {
  const root = path.resolve(dir);
  const rootUrl = pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep);
  return {
    display: root,
    async read(ref) {
      if (isHttpUrl(ref)) return fetchBytes(ref);
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return { ok: false, error: `unsupported URL scheme in "${ref}"` };
      const file = fileURLToPath(new URL(ref, rootUrl));
      // A manifest must not reach outside its own directory ("../../etc/passwd").
      if (file !== root && !file.startsWith(root + path.sep)) {
        return { ok: false, error: `"${ref}" points outside the feed directory` };
      }
      try {
        return { ok: true, bytes: new Uint8Array(await readFile(file)) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return { ok: false, error: `file not found (${file})` };
        return { ok: false, error: `cannot read ${file}: ${(error as Error).message}` };
      }
    },
  };
}

function httpLocation(location: string): FeedLocation {
  // "https://x/feed" and "https://x/feed/" both mean the directory; a URL ending in .json is the manifest itself.
  const base = /\.json$/i.test(new URL(location).pathname)
    ? new URL(location)
    : new URL(location.endsWith("/") ? location : `${location}/`);
  return {
    display: base.href,
    read(ref) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !isHttpUrl(ref)) {
        return Promise.resolve({ ok: false, error: `unsupported URL scheme in "${ref}"` });
      }
      return fetchBytes(new URL(ref, base).href);
    },
  };
}

async function fetchBytes(url: string): Promise<ReadResult> {
  try {
    const response = await fetch(url, { redirect: "follow" });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status} for ${url}` };
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { ok: false, error: `cannot fetch ${url}: ${cause ?? (error as Error).message}` };
  }
}
