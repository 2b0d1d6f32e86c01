import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { MATCHER_STORAGE_KEY, storeCompiledMatcher } from "../../../lib/background/matcher-store";
import { openBriefingsDB, type BriefingsDB } from "../../../lib/db/database";
import { MATCHER_VERSION, readMeta } from "../../../lib/db/meta";
import { createStoredMatcher } from "../../../lib/spot/match";
import { miniMatcher, startPackagedArchive, writeArchive, writeMatcher, type PackagedArchive } from "./packaged-archive";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

let pkg: PackagedArchive;
let db: BriefingsDB;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  pkg = await startPackagedArchive();
  db = openBriefingsDB(`matcher-store-${++n}`);
});
afterEach(async () => {
  db.close();
  await pkg.close();
});

const stored = async () => (await fakeBrowser.storage.local.get(MATCHER_STORAGE_KEY))[MATCHER_STORAGE_KEY];

describe("storeCompiledMatcher", () => {
  it("copies the packaged matcher into storage.local with its version", async () => {
    await writeArchive(pkg.dir);
    await writeMatcher(pkg.dir, "m1");

    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toEqual({ ok: true, stored: true, version: "m1" });
    expect(await stored()).toEqual({ version: "m1", compiled: miniMatcher() });
    // What pages load without the schema walk is exactly what the background checked.
    expect(createStoredMatcher(((await stored()) as { compiled: unknown }).compiled).find("Лукашэнка прыехаў у Мінск").map((m) => m.text)).toEqual(["Лукашэнка", "Мінск"]);
    expect(await readMeta(db, MATCHER_VERSION)).toBe("m1");
  });

  it("leaves storage alone when the version is unchanged, and replaces it on a new version", async () => {
    await writeArchive(pkg.dir);
    await writeMatcher(pkg.dir, "m1");
    await storeCompiledMatcher(db, pkg.fetchFn);
    const changes: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((c) => void changes.push(Object.keys(c)));

    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toEqual({ ok: true, stored: false, reason: "unchanged", version: "m1" });
    expect(changes).toEqual([]);

    await writeMatcher(pkg.dir, "m2");
    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toMatchObject({ ok: true, stored: true, version: "m2" });
    expect(changes).toEqual([[MATCHER_STORAGE_KEY]]);
  });

  it("does nothing when the package has no matcher", async () => {
    await writeArchive(pkg.dir);

    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toMatchObject({ ok: true, stored: false, reason: "absent" });
    expect(await stored()).toBeUndefined();
  });

  it("rejects a malformed matcher file without touching storage", async () => {
    await mkdir(join(pkg.dir, "archive"), { recursive: true });
    await writeFile(join(pkg.dir, "archive", "matcher.json"), JSON.stringify({ compiled: {} }));

    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toMatchObject({ ok: false, error: expect.stringContaining("version") });
    expect(await stored()).toBeUndefined();
  });

  it("rejects a compiled form that does not load (another format, a damaged table) without touching storage", async () => {
    await writeArchive(pkg.dir);
    await writeMatcher(pkg.dir, "m1", { ...miniMatcher(), format: "briefings-matcher/1" });
    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be loaded.*Reinstall/) });

    const c = miniMatcher();
    await writeMatcher(pkg.dir, "m2", { ...c, edges: { ...c.edges, count: c.edges.count + 1 } });
    expect(await storeCompiledMatcher(db, pkg.fetchFn)).toMatchObject({ ok: false, error: expect.stringContaining("damaged") });
    expect(await stored()).toBeUndefined();
  });
});
