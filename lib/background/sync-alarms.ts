/**
 * When user-added feeds are synced: a periodic alarm, plus a one-shot retry alarm after a
 * failed round whose delay backs off exponentially with consecutive failures.
 */
import { browser } from "wxt/browser";
import type { BriefingsDB } from "../db/database";
import { readMeta, SYNC_FAILURES, writeMeta } from "../db/meta";
import { nextRetryDelay } from "../sync/schedule";

export const PERIODIC_SYNC_ALARM = "sync-sources";
export const RETRY_SYNC_ALARM = "sync-retry";
export const SYNC_PERIOD_MINUTES = 6 * 60;

export function isSyncAlarm(name: string): boolean {
  return name === PERIODIC_SYNC_ALARM || name === RETRY_SYNC_ALARM;
}

/** Creates the periodic alarm unless it exists (re-creating it would restart its period). */
export async function ensurePeriodicSync(): Promise<void> {
  if (await browser.alarms.get(PERIODIC_SYNC_ALARM)) return;
  await browser.alarms.create(PERIODIC_SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_PERIOD_MINUTES });
}

/** Records a round's outcome; after a failure, schedules the retry. Returns the retry delay in ms, if any. */
export async function recordRoundOutcome(db: BriefingsDB, failed: boolean): Promise<number | undefined> {
  if (!failed) {
    await writeMeta(db, SYNC_FAILURES, 0);
    await browser.alarms.clear(RETRY_SYNC_ALARM);
    return undefined;
  }
  const failures = ((await readMeta(db, SYNC_FAILURES)) ?? 0) + 1;
  await writeMeta(db, SYNC_FAILURES, failures);
  const delay = nextRetryDelay(failures);
  await browser.alarms.create(RETRY_SYNC_ALARM, { delayInMinutes: delay / 60_000 });
  return delay;
}
