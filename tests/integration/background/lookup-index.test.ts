import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BriefingsBackground } from "../../../lib/background/service";
import type { BriefingsDB } from "../../../lib/db/database";
import { CANDIDATES } from "../../../lib/lookup";
import { isEntityIndexStale, readEntityIndex } from "../../../lib/lookup/entity-index";
import { sendMessage } from "../../../lib/messages";
import { article, put, writeFeed, type FeedServer } from "../sync/feed-fixture";
import { writeArchive, writeMatcher, startUserFeed, type PackagedArchive, type UserFeed, startBackgroundRig, type BackgroundRig } from "./packaged-archive";

const LUK = "person/alexander-lukashenko";
let pkg: PackagedArchive;
let db: BriefingsDB;
let bg: BriefingsBackground;
let rig: BackgroundRig;
let n = 0;

beforeEach(async () => {
  rig = await startBackgroundRig(`lookup-index-${++n}`);
  ({ pkg, db, bg } = rig);
  await writeArchive(pkg.dir);
  await writeMatcher(pkg.dir, "m1");
});
afterEach(() => rig.close());

const newest = async () => (await readEntityIndex(db, LUK, CANDIDATES))?.newest.slice().sort();

describe("the background's lookup index", () => {
  it("is built when the packaged archive loads, and rebuilt when an update changes it at the same seq", async () => {
    await bg.onInstalled("install");
    expect(await isEntityIndexStale(db)).toBe(false);
    expect(await newest()).toEqual(["aaaaaa01", "aaaaaa02", "aaaaaa03"]);

    // The next release ships other articles under the same seq: the cursor alone would not tell.
    await writeArchive(pkg.dir, 1, ["aaaaaa01", "aaaaaa07"]);
    await bg.onInstalled("update");

    expect(await newest()).toEqual(["aaaaaa01", "aaaaaa07"]);
    expect((await readEntityIndex(db, LUK, CANDIDATES))?.total).toBe(2);
  });

  describe("with a user feed", () => {
    let userFeed: UserFeed;
    let feedDir: string;
    let feed: FeedServer;
    beforeEach(async () => {
      await bg.onInstalled("install");
      userFeed = await startUserFeed(db);
      ({ dir: feedDir, server: feed } = userFeed);
    });
    afterEach(() => userFeed.close());

    it("covers the feed's articles once a sync round has applied them", async () => {
      await writeFeed(feedDir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("dddddd01", { published: "2025-06-01" }))]] } });

      const reply = await sendMessage({ type: "syncNow" });

      expect(reply).toMatchObject({ ok: true, value: { articles: 4 } });
      expect(await isEntityIndexStale(db)).toBe(false);
      expect((await readEntityIndex(db, LUK, CANDIDATES))?.newest[0]).toBe("dddddd01");
      const lookup = await sendMessage({ type: "lookup", entityId: LUK, pageEntityIds: [] });
      expect(lookup).toMatchObject({ ok: true, value: { total: 4 } });
    });

    it("is rebuilt after a lookup found it stale", async () => {
      // A change the background did not make itself (the cursor moved): lookups go live and ask for a rebuild.
      await db.sources.update("user-1", { seq: 1, archiveId: "elsewhere" });
      expect(await isEntityIndexStale(db)).toBe(true);

      const lookup = await sendMessage({ type: "lookup", entityId: LUK, pageEntityIds: [] });
      expect(lookup).toMatchObject({ ok: true, value: { total: 3 } });
      await bg.refreshLookupIndex();

      expect(await isEntityIndexStale(db)).toBe(false);
    });
  });
});
