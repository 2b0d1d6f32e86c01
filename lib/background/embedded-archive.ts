/**
 * The default archive shipped inside the package (/archive/manifest.json + shards +
 * gazetteer), loaded with the same feed client as any web feed under source id "default".
 */
import type { BriefingsDB } from "../db/database";
import { syncFeed } from "../sync/sync-feed";
import type { FetchFn, SyncProgress, SyncResult } from "../sync/types";
import { packageUrl } from "./package-url";

export const EMBEDDED_SOURCE_ID = "default";
export const EMBEDDED_SOURCE_NAME = "Belarus Briefings archive";
export const EMBEDDED_MANIFEST_PATH = "/archive/manifest.json";

/**
 * Always a full snapshot load: each release rebuilds the archive, so its seq alone does not
 * prove the content is unchanged, and the files are local, so reading them all is cheap.
 */
export function loadEmbeddedArchive(
  db: BriefingsDB,
  fetchFn: FetchFn,
  onProgress: (progress: SyncProgress) => void,
): Promise<SyncResult> {
  const source = { id: EMBEDDED_SOURCE_ID, name: EMBEDDED_SOURCE_NAME, feedUrl: packageUrl(EMBEDDED_MANIFEST_PATH) };
  return syncFeed(db, source, fetchFn, onProgress, { forceSnapshot: true });
}
