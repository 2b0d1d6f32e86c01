/**
 * Downloading feed files with every failure turned into a value: HTTP errors, refused or
 * dropped connections, timeouts and checksum mismatches each name the file and say what
 * went wrong.
 */
import { sha256Hex } from "../ingest/sha256";
import type { FetchFn } from "./types";

export const DEFAULT_TIMEOUT_MS = 60_000;
/** Shards are ~1000 articles (a few MB); anything far larger is not a feed file. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const tooLarge = (label: string, url: string) =>
  `${label} (${url}) is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, which no feed file should be. Check the feed address.`;

export type Download =
  | { ok: true; notModified: false; bytes: Uint8Array; etag?: string }
  | { ok: true; notModified: true }
  | { ok: false; error: string };

function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return "the server did not answer in time";
    const cause = (err as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
    return detail;
  }
  return String(err);
}

/** GET `url`; with `etag`, a 304 answer comes back as `notModified`. */
export async function download(
  fetchFn: FetchFn,
  url: string,
  label: string,
  opts: { etag?: string; timeoutMs?: number } = {},
): Promise<Download> {
  const headers: Record<string, string> = {};
  if (opts.etag !== undefined) headers["If-None-Match"] = opts.etag;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchFn(url, { headers, signal });
  } catch (err) {
    return { ok: false, error: `${label} (${url}) could not be fetched: ${describeFailure(err)}. Check the feed address and your connection.` };
  }
  if (response.status === 304 && opts.etag !== undefined) return { ok: true, notModified: true };
  if (!response.ok) {
    return {
      ok: false,
      error: `${label} (${url}) answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}. Check the feed address, or try again later if the server is down.`,
    };
  }
  if (Number(response.headers.get("Content-Length") ?? 0) > MAX_FILE_BYTES) return { ok: false, error: tooLarge(label, url) };
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: tooLarge(label, url) };
    const etag = response.headers.get("ETag") ?? undefined;
    return { ok: true, notModified: false, bytes, ...(etag !== undefined ? { etag } : {}) };
  } catch (err) {
    return { ok: false, error: `${label} (${url}) download was interrupted: ${describeFailure(err)}. The next sync retries it.` };
  }
}

/** Downloads a content-addressed file and checks it against the sha256 the manifest lists. */
export async function downloadVerified(
  fetchFn: FetchFn,
  url: string,
  sha256: string,
  label: string,
  timeoutMs?: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  const got = await download(fetchFn, url, label, timeoutMs !== undefined ? { timeoutMs } : {});
  if (!got.ok) return got;
  if (got.notModified) return { ok: false, error: `${label} (${url}) answered 304 to a plain request.` };
  const actual = sha256Hex(got.bytes);
  if (actual !== sha256) {
    return {
      ok: false,
      error: `${label} (${url}) is damaged or incomplete: its sha256 is ${actual.slice(0, 12)}…, the manifest expects ${sha256.slice(0, 12)}…. The feed may be mid-update; the next sync retries it.`,
    };
  }
  return { ok: true, bytes: got.bytes };
}
