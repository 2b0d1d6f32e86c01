import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { BriefingsBackground } from "../../../lib/background/service";
import { PERIODIC_SYNC_ALARM, RETRY_SYNC_ALARM } from "../../../lib/background/sync-alarms";
import type { BriefingsDB } from "../../../lib/db/database";
import { readMeta, SYNC_FAILURES } from "../../../lib/db/meta";
import { sendMessage } from "../../../lib/messages";
import { article, put, writeFeed, type FeedServer } from "../sync/feed-fixture";
import { writeArchive, writeMatcher, startUserFeed, type PackagedArchive, type UserFeed, startBackgroundRig, type BackgroundRig } from "./packaged-archive";

let pkg: PackagedArchive;
let db: BriefingsDB;
let bg: BriefingsBackground;
let rig: BackgroundRig;
let n = 0;

beforeEach(async () => {
  rig = await startBackgroundRig(`background-${++n}`);
  ({ pkg, db, bg } = rig);
});
afterEach(() => rig.close());

async function status() {
  const reply = await sendMessage({ type: "getStatus" });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

describe("background service", () => {
  it("loads the embedded archive on install and reports it through getStatus", async () => {
    await writeArchive(pkg.dir);
    await writeMatcher(pkg.dir, "m1");
    expect(await status()).toEqual({ articles: 0, entities: 0, syncing: false });

    await bg.onInstalled("install");

    const after = await status();
    expect(after).toMatchObject({ articles: 3, entities: 2, syncing: false });
    expect(after.lastSync).toMatch(/^\d{4}-/);
    expect(after.lastError).toBeUndefined();
    expect((await db.articles.get("aaaaaa01"))?.source).toBe("default");
    expect(await db.sources.get("default")).toMatchObject({ name: "Belarus Briefings archive", seq: 1 });
    expect((await fakeBrowser.storage.local.get("matcher")).matcher).toMatchObject({ version: "m1" });
    expect(await fakeBrowser.alarms.get(PERIODIC_SYNC_ALARM)).toMatchObject({ periodInMinutes: 360 });
  });

  it("reports syncing with progress while the archive loads", async () => {
    await writeArchive(pkg.dir);
    const seen: string[] = [];
    const original = bg.activity.set;
    bg.activity.set = (a) => {
      seen.push(a.kind);
      original(a);
    };
    const progress = bg.activity.progressOf;
    bg.activity.progressOf = (id) => {
      const inner = progress(id);
      return (p) => {
        inner(p);
        seen.push(`${bg.activity.get().kind}:${p.phase} ${p.done}/${p.total}`);
      };
    };

    await bg.onInstalled("install");

    expect(seen).toContain("syncing:snapshot 0/1");
    expect(seen.at(-1)).toBe("idle");
  });

  it("replaces the archive on update, but on startup only loads it when the database is empty", async () => {
    await writeArchive(pkg.dir);
    await bg.onInstalled("install");
    const requests = pkg.server.log.length;

    await bg.onStartup();
    expect(pkg.server.log.length).toBe(requests);

    await writeArchive(pkg.dir, 1, ["aaaaaa01", "aaaaaa09"]);
    await bg.onInstalled("update");
    expect((await db.articles.orderBy("id").primaryKeys()).sort()).toEqual(["aaaaaa01", "aaaaaa09"]);

    await db.articles.clear();
    await bg.onStartup();
    expect(await db.articles.count()).toBe(2);
  });

  it("shows an actionable error when the package has no archive", async () => {
    await bg.onInstalled("install");

    const s = await status();
    expect(s.syncing).toBe(false);
    expect(s.lastError).toMatch(/^Built-in archive: Feed manifest \(chrome-extension:.*manifest\.json\) answered HTTP 404/);
  });

  describe("user feeds", () => {
    let userFeed: UserFeed;
    let feedDir: string;
    let feed: FeedServer;
    beforeEach(async () => {
      await writeArchive(pkg.dir);
      await bg.onInstalled("install");
      userFeed = await startUserFeed(db);
      ({ dir: feedDir, server: feed } = userFeed);
    });
    afterEach(() => userFeed.close());

    it("syncs enabled user feeds when the periodic alarm fires, not the embedded one", async () => {
      await writeFeed(feedDir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("dddddd01")), put(article("dddddd02"))]] } });
      const archiveRequests = pkg.server.log.length;

      await bg.onAlarm(PERIODIC_SYNC_ALARM);

      expect(await status()).toMatchObject({ articles: 5, syncing: false });
      expect((await db.articles.get("dddddd01"))?.source).toBe("user-1");
      expect(pkg.server.log.length).toBe(archiveRequests);
      expect(await fakeBrowser.alarms.get(RETRY_SYNC_ALARM)).toBeUndefined();
    });

    it("answers syncNow with the status after syncing", async () => {
      await writeFeed(feedDir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("dddddd01"))]] } });

      const reply = await sendMessage({ type: "syncNow" });

      expect(reply).toMatchObject({ ok: true, value: { articles: 4, syncing: false } });
    });

    it("backs off after failed rounds and clears the retry once a round succeeds", async () => {
      const t0 = Date.now();
      await bg.onAlarm(PERIODIC_SYNC_ALARM);

      const s = await status();
      expect(s.lastError).toMatch(/^Analytical feed: Feed manifest .* answered HTTP 404/);
      expect(await readMeta(db, SYNC_FAILURES)).toBe(1);
      const first = await fakeBrowser.alarms.get(RETRY_SYNC_ALARM);
      expect(first?.scheduledTime).toBeGreaterThanOrEqual(t0 + 60_000);
      expect(first?.scheduledTime).toBeLessThan(t0 + 2 * 60_000);

      await bg.onAlarm(RETRY_SYNC_ALARM);
      expect(await readMeta(db, SYNC_FAILURES)).toBe(2);
      expect((await fakeBrowser.alarms.get(RETRY_SYNC_ALARM))?.scheduledTime).toBeGreaterThanOrEqual(t0 + 2 * 60_000);

      await writeFeed(feedDir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("dddddd01"))]] } });
      await bg.onAlarm(RETRY_SYNC_ALARM);
      expect(await readMeta(db, SYNC_FAILURES)).toBe(0);
      expect(await fakeBrowser.alarms.get(RETRY_SYNC_ALARM)).toBeUndefined();
      expect((await status()).lastError).toBeUndefined();
    });

    it("ignores disabled sources and unrelated alarms", async () => {
      await writeFeed(feedDir, { seq: 1, snapshot: { seq: 1, shards: [[put(article("dddddd01"))]] } });
      await db.sources.update("user-1", { enabled: false });

      await bg.onAlarm("something-else");
      await bg.onAlarm(PERIODIC_SYNC_ALARM);

      expect(feed.log).toEqual([]);
      expect(await db.articles.count()).toBe(3);
    });
  });
});
