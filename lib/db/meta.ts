/**
 * Typed access to the `meta` key/value table. Each slot pairs a key with the zod schema of
 * its value, so what comes back from storage is validated like any other boundary.
 */
import { z } from "zod";
import type { BriefingsDB } from "./database";

export interface MetaSlot<T> {
  key: string;
  schema: z.ZodType<T>;
}

export const metaSlot = <T>(key: string, schema: z.ZodType<T>): MetaSlot<T> => ({ key, schema });

export const SCHEMA_VERSION = metaSlot("schemaVersion", z.number().int().positive());
/** Version of the compiled matcher last stored for content scripts. */
export const MATCHER_VERSION = metaSlot("matcherVersion", z.string());
/** ISO time of the last sync that finished without error. */
export const LAST_SYNC = metaSlot("lastSync", z.string());
/** Consecutive failed periodic syncs, drives the retry backoff. */
export const SYNC_FAILURES = metaSlot("syncFailures", z.number().int().nonnegative());

/** The stored value, or undefined when absent or not of the expected shape. */
export async function readMeta<T>(db: BriefingsDB, slot: MetaSlot<T>): Promise<T | undefined> {
  const row = await db.meta.get(slot.key);
  if (row === undefined) return undefined;
  const parsed = slot.schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeMeta<T>(db: BriefingsDB, slot: MetaSlot<T>, value: T): Promise<void> {
  await db.meta.put({ key: slot.key, value });
}
