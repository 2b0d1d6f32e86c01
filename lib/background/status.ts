/** The answer to `getStatus`: archive size, last sync, and what the background is doing. */
import type { BriefingsDB } from "../db/database";
import { LAST_SYNC, readMeta } from "../db/meta";
import { counts } from "../db/queries";
import type { BackgroundStatus } from "../messages";
import type { BackgroundActivity } from "./activity";

export async function readStatus(db: BriefingsDB, activity: BackgroundActivity): Promise<BackgroundStatus> {
  const [size, lastSync, sources] = await Promise.all([counts(db), readMeta(db, LAST_SYNC), db.sources.toArray()]);
  // A failure of this run comes first; otherwise an error a source kept from an earlier run.
  const sourceError = sources.find((s) => s.enabled && s.lastError !== undefined);
  const lastError =
    activity.kind === "error" ? activity.message : sourceError ? `${sourceError.name}: ${sourceError.lastError}` : undefined;
  return {
    ...size,
    syncing: activity.kind === "syncing",
    ...(lastSync !== undefined ? { lastSync } : {}),
    ...(activity.kind === "syncing"
      ? { progress: { sourceId: activity.sourceId, phase: activity.phase, done: activity.done, total: activity.total } }
      : {}),
    ...(lastError !== undefined ? { lastError } : {}),
  };
}
