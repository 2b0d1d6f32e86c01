/**
 * The feed's gazetteer (manifest.gazetteer): the entity list the articles were tagged
 * with. Verified against its sha256, each entity validated, and stored only when the file
 * changed since the last sync of this source.
 */
import { z } from "zod";
import type { BriefingsDB } from "../db/database";
import { metaSlot, readMeta } from "../db/meta";
import { Entity } from "../schema";
import { downloadVerified } from "./download";
import type { FetchFn } from "./types";
import { describeIssues } from "./zod-issues";

const GazetteerState = z.object({ sha256: z.string(), version: z.string() });
export const gazetteerSlot = (sourceId: string) => metaSlot(`gazetteer:${sourceId}`, GazetteerState);

export interface GazetteerRef {
  url: string;
  sha256: string;
  version: string;
}

/** A JSON array of entities, or an object with an `entities` array. */
export function parseGazetteer(bytes: Uint8Array): { ok: true; entities: Entity[] } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    return { ok: false, error: `not valid UTF-8 JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const list = Array.isArray(value) ? value : (value as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(list)) return { ok: false, error: "expected a JSON array of entities" };
  const entities: Entity[] = [];
  for (const [i, item] of list.entries()) {
    const parsed = Entity.safeParse(item);
    if (!parsed.success) {
      const id = (item as { id?: unknown } | null)?.id;
      return { ok: false, error: `entity ${i + 1}${typeof id === "string" ? ` (${id})` : ""}: ${describeIssues(parsed.error)}` };
    }
    entities.push(parsed.data);
  }
  return { ok: true, entities };
}

/** Returns whether entities were (re)stored; unchanged files are skipped. */
export async function syncGazetteer(
  db: BriefingsDB,
  sourceId: string,
  ref: GazetteerRef,
  fetchFn: FetchFn,
  opts: { force?: boolean; timeoutMs?: number } = {},
): Promise<{ ok: true; stored: boolean } | { ok: false; error: string }> {
  const slot = gazetteerSlot(sourceId);
  const known = await readMeta(db, slot);
  if (!opts.force && known?.sha256 === ref.sha256) return { ok: true, stored: false };
  const got = await downloadVerified(fetchFn, ref.url, ref.sha256, "Gazetteer", opts.timeoutMs);
  if (!got.ok) return got;
  const parsed = parseGazetteer(got.bytes);
  if (!parsed.ok) return { ok: false, error: `Gazetteer (${ref.url}) was rejected: ${parsed.error}. Ask the feed's publisher to fix it.` };
  await db.transaction("rw", [db.entities, db.meta], async () => {
    await db.entities.bulkPut(parsed.entities);
    await db.meta.put({ key: slot.key, value: { sha256: ref.sha256, version: ref.version } });
  });
  return { ok: true, stored: true };
}
