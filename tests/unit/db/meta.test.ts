import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { LAST_SYNC, MATCHER_VERSION, readMeta, writeMeta } from "../../../lib/db/meta";

let db: BriefingsDB;
let n = 0;
beforeEach(() => {
  db = openBriefingsDB(`meta-${++n}`);
});
afterEach(() => db.close());

describe("meta slots", () => {
  it("round-trips a value", async () => {
    await writeMeta(db, LAST_SYNC, "2024-01-01T00:00:00.000Z");
    expect(await readMeta(db, LAST_SYNC)).toBe("2024-01-01T00:00:00.000Z");
  });

  it("reads a missing or malformed value as undefined", async () => {
    expect(await readMeta(db, MATCHER_VERSION)).toBeUndefined();
    await db.meta.put({ key: MATCHER_VERSION.key, value: 42 });
    expect(await readMeta(db, MATCHER_VERSION)).toBeUndefined();
  });
});
