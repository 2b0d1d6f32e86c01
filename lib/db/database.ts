/**
 * The extension's IndexedDB archive: articles, entities, feed sources and a small
 * key/value table. Rows are plain data objects (they cross extension messaging).
 */
import { Dexie, type EntityTable } from "dexie";
import type { Article, Entity, Source } from "../schema";
import { CURRENT_SCHEMA_VERSION, V1_STORES, V2_STORES, upgradeV1toV2 } from "./schema-versions";

export const DB_NAME = "belarus-briefings";

/** One key/value row; values are validated by the slot that reads them (see meta.ts). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export class BriefingsDB extends Dexie {
  articles!: EntityTable<Article, "id">;
  entities!: EntityTable<Entity, "id">;
  sources!: EntityTable<Source, "id">;
  meta!: EntityTable<MetaRow, "key">;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeV1toV2);
    // A new database starts at the current version: no upgrade runs to record it.
    this.on("populate", (tx) => tx.table("meta").put({ key: "schemaVersion", value: CURRENT_SCHEMA_VERSION }));
  }
}

/** Opens (creating or upgrading) the archive; tests pass a fresh name for isolation. */
export function openBriefingsDB(name: string = DB_NAME): BriefingsDB {
  return new BriefingsDB(name);
}

let shared: BriefingsDB | undefined;

/** The one archive connection of an extension context (background, side panel, options). */
export function sharedBriefingsDB(): BriefingsDB {
  shared ??= openBriefingsDB();
  return shared;
}
