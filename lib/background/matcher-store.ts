/**
 * Puts the compiled matcher shipped in the package (/archive/matcher.json) into
 * `browser.storage.local` under `matcher`, where content scripts read it directly: opening
 * a page never has to wake the service worker. Rewritten only when the version changes, so
 * open tabs are not told about a change that did not happen.
 */
import { browser } from "wxt/browser";
import { z } from "zod";
import type { BriefingsDB } from "../db/database";
import { MATCHER_VERSION, writeMeta } from "../db/meta";
import type { CompiledGazetteer } from "../spot/compiled";
import { createMatcher } from "../spot/match";
import type { FetchFn } from "../sync/types";
import { packageUrl } from "./package-url";
import { describeIssues } from "../sync/zod-issues";

export const MATCHER_STORAGE_KEY = "matcher";
export const PACKAGED_MATCHER_PATH = "/archive/matcher.json";

/** What content scripts find under `matcher`; `compiled` is the lib/spot serialised matcher. */
export const StoredMatcher = z.object({
  version: z.union([z.string().min(1), z.number()]).transform(String),
  compiled: z.record(z.string(), z.unknown()),
});
export type StoredMatcher = z.infer<typeof StoredMatcher>;

export type MatcherStoreResult =
  | { ok: true; stored: true; version: string }
  | { ok: true; stored: false; reason: "absent"; detail: string }
  | { ok: true; stored: false; reason: "unchanged"; version: string }
  | { ok: false; error: string };

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

export async function storeCompiledMatcher(db: BriefingsDB, fetchFn: FetchFn = defaultFetch): Promise<MatcherStoreResult> {
  const url = packageUrl(PACKAGED_MATCHER_PATH);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    // A file missing from the package fails the fetch itself (there is no HTTP status).
    return { ok: true, stored: false, reason: "absent", detail: err instanceof Error ? err.message : String(err) };
  }
  if (response.status === 404) return { ok: true, stored: false, reason: "absent", detail: `${url} answered 404` };
  if (!response.ok) return { ok: false, error: `The packaged matcher (${url}) answered HTTP ${response.status}. Reinstall the extension.` };
  let json: unknown;
  try {
    json = await response.json();
  } catch (err) {
    return { ok: false, error: `The packaged matcher (${url}) is not JSON (${err instanceof Error ? err.message : String(err)}). Reinstall the extension.` };
  }
  const parsed = StoredMatcher.safeParse(json);
  if (!parsed.success) return { ok: false, error: `The packaged matcher (${url}) is malformed: ${describeIssues(parsed.error)}. Reinstall the extension.` };

  // Pages load the stored form without walking its schema (createStoredMatcher): it is
  // checked here, once, by loading it the way the CLI does.
  try {
    createMatcher(parsed.data.compiled as CompiledGazetteer);
  } catch (err) {
    return { ok: false, error: `The packaged matcher (${url}) cannot be loaded: ${err instanceof Error ? err.message : String(err)}. Reinstall the extension.` };
  }

  const current = StoredMatcher.safeParse((await browser.storage.local.get(MATCHER_STORAGE_KEY))[MATCHER_STORAGE_KEY]);
  if (current.success && current.data.version === parsed.data.version) {
    return { ok: true, stored: false, reason: "unchanged", version: parsed.data.version };
  }
  await browser.storage.local.set({ [MATCHER_STORAGE_KEY]: parsed.data });
  await writeMeta(db, MATCHER_VERSION, parsed.data.version);
  return { ok: true, stored: true, version: parsed.data.version };
}
