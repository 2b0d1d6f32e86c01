/**
 * Hover → card with a 100,000-article archive, in real Chromium with the built extension
 * (npx tsx bench/archive-hover.ts [ARTICLES]):
 *  - a seeded 100k-article feed (bench/archive/feed.ts) served from 127.0.0.1 and pulled by the
 *    extension's own sync client into its IndexedDB (time of that first sync);
 *  - warm: hover → card for a heavily tagged entity, one just above the lookup's index-walk
 *    threshold, and a rare one, each hover on a freshly loaded page (the content script caches
 *    one lookup per entity per page, so a reload makes every hover ask the background);
 *  - cold: the same with the service worker stopped over DevTools before each hover;
 *  - memory: the JS heap of a news tab with the extension active vs the same page with the
 *    site switched off, after forced garbage collection.
 * Works on a copy of .output/chrome-mv3 (or --extension=DIR) in a temp dir, so a rebuild
 * meanwhile cannot disturb it.
 * Writes bench/results/archive-hover.json. A measurement, not a test: it reports, it does not fail.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Entity } from "../lib/schema";
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from "../scripts/browser";
import { startFeedServer } from "../lib/feed/serve";
import { HEAD_OF_STATE, writeArchiveFeed } from "./archive/feed";
import { heapAfterGc, openExtensionPage, registerFeedSource, sendToBackground, ServiceWorkerControl, status } from "./archive/extension";
import { waitUntil } from "./shared/wait-until";
import { percentile, round } from "./shared/stats";

const args = process.argv.slice(2);
const ARTICLES = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
/** --extension=DIR measures another build than .output/chrome-mv3 (e.g. one built to a temp dir). */
const BUILT_EXTENSION = path.resolve(args.find((a) => a.startsWith("--extension="))?.slice("--extension=".length) ?? EXTENSION_DIR);
const WARM_HOVERS = 50;
const COLD_HOVERS = 12;
const MEMORY_RUNS = 3;
/** lib/db/queries.ts walks the date index above this many matches: the mid entity sits just over it. */
const WALK_THRESHOLD = 2000;
const FEED_SOURCE = { id: "bench-archive", name: "Benchmark archive" };

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { runs: s.length, p50Ms: round(percentile(s, 50)), p95Ms: round(percentile(s, 95)), maxMs: round(s.at(-1) ?? NaN) };
};

interface Target {
  role: "heavy" | "mid" | "rare";
  entity: Entity;
  label: string;
  articles: number;
}

/** A news article naming each target in its own paragraph, among ordinary Belarus coverage. */
function newsPage(targets: readonly Target[]): string {
  const filler =
    "The statement came after a week of detentions in Belarus, where human rights defenders count more than a thousand political prisoners. Officials did not answer questions from journalists. ";
  const others = ["Sviatlana Tsikhanouskaya", "Minsk", "Hrodna", "Viasna", "Ales Bialiatski", "Homiel", "Belaruskali"];
  const paragraphs: string[] = [];
  for (let i = 0; i < 24; i++) {
    paragraphs.push(`<p>${filler}According to <a href="#s${i}">sources</a>, ${others[i % others.length]} was mentioned again. ${filler}</p>`);
    const target = targets[i % 8];
    if (target && i < 8) paragraphs.push(`<p id="t-${target.role}">In Belarus, ${target.label} was in the news again this week. ${filler}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Belarus news</title></head><body><main><article><h1>Week in Belarus</h1>\n${paragraphs.join("\n")}</article></main></body></html>`;
}

type Measure = { start: number; ms: number; status: string; entityId: string };
const cardMeasures = (page: Page) =>
  page.evaluate(() =>
    (performance.getEntriesByName("briefings:hover-to-card") as PerformanceMeasure[]).map((m) => {
      const d = m.detail as { status: string; entityId: string };
      return { start: m.startTime, ms: m.duration, status: d.status, entityId: d.entityId };
    }),
  );

/** Loads the page afresh with the pointer parked outside any name, and waits for the first scan. */
async function freshPage(page: Page, url: string): Promise<void> {
  await page.mouse.move(2, 2);
  await page.goto(url);
  await waitUntil(() => page.evaluate(() => performance.getEntriesByName("briefings:scan-done").length), (n) => n > 0, "scan done");
}

/** Centre of `label` inside the paragraph #t-role, scrolled into view. */
async function pointOfTarget(page: Page, target: Target): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ id, label }) => {
      const p = document.getElementById(id);
      const node = p?.firstChild;
      const at = node?.textContent?.indexOf(label) ?? -1;
      if (!p || !node || at < 0) return null;
      p.scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + label.length);
      const rect = r.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    { id: `t-${target.role}`, label: target.label },
  );
  if (!point) throw new Error(`"${target.label}" is not on the page`);
  return point;
}

/** One hover on a fresh page: ms to the first card placement (visible) and to the answered card. */
async function hoverOnce(page: Page, url: string, target: Target, beforeHover?: () => Promise<unknown>): Promise<{ visible: number; answered: number; status: string }> {
  await freshPage(page, url);
  const point = await pointOfTarget(page, target);
  // Highlights are registered by the scan; the name must be one before it can be hovered.
  await beforeHover?.();
  await page.mouse.move(point.x, point.y);
  const all = await waitUntil(() => cardMeasures(page), (m) => m.some((x) => x.status !== "loading"), `card for ${target.label}`, 20_000);
  const first = all[0]!;
  if (first.entityId !== target.entity.id) throw new Error(`hovering "${target.label}" opened ${first.entityId}, not ${target.entity.id}`);
  const answered = all.find((x) => x.status !== "loading")!;
  return { visible: first.ms, answered: answered.ms, status: answered.status };
}

/** Candidates per role, most fitting first; the first that the page spots as itself is used. */
function candidates(entities: Entity[], coverage: Map<string, number>): Record<Target["role"], Target[]> {
  const label = (e: Entity) => e.labels.en?.[0] ?? e.name;
  const withCount = entities.map((entity) => ({ entity, label: label(entity), articles: coverage.get(entity.id) ?? 0 }));
  const heavy = withCount.filter((t) => t.entity.id === HEAD_OF_STATE).map((t) => ({ ...t, label: "Lukashenko", role: "heavy" as const }));
  const others = withCount.filter((t) => t.entity.id !== HEAD_OF_STATE && !t.entity.context);
  const overThreshold = others.filter((t) => t.articles > WALK_THRESHOLD).sort((a, b) => a.articles - b.articles);
  // A small archive (a quick trial run) may have no entity over the threshold: take the most tagged.
  const mid = (overThreshold.length > 0 ? overThreshold : others.sort((a, b) => b.articles - a.articles)).map((t) => ({ ...t, role: "mid" as const }));
  const rare = withCount
    .filter((t) => t.articles >= 1 && t.articles <= 10 && t.entity.type === "person" && !t.entity.context)
    .sort((a, b) => a.articles - b.articles || (a.entity.id < b.entity.id ? -1 : 1))
    .map((t) => ({ ...t, role: "rare" as const }));
  return { heavy, mid, rare };
}

async function chooseTargets(page: Page, pageUrl: (targets: Target[]) => string, pool: Record<Target["role"], Target[]>): Promise<Target[]> {
  const chosen: Target[] = [];
  for (const role of ["heavy", "mid", "rare"] as const) {
    let found: Target | undefined;
    for (const t of pool[role].slice(0, 6)) {
      const ok = await hoverOnce(page, pageUrl([...chosen, t]), t).then(
        () => true,
        (err: unknown) => {
          console.warn(`skipping ${t.entity.id}: ${(err as Error).message}`);
          return false;
        },
      );
      if (ok) {
        found = t;
        break;
      }
    }
    if (!found) throw new Error(`no ${role} entity could be hovered on the page`);
    chosen.push(found);
  }
  return chosen;
}

/** Names, sizes and mtimes of every file of a built extension: equal before and after a copy = not mid-rebuild. */
function buildSignature(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const file = path.join(d.parentPath, d.name);
      const info = statSync(file);
      return `${path.relative(dir, file)}:${info.size}:${info.mtimeMs}`;
    })
    .sort()
    .join("\n");
}

/** Copies the built extension, retrying while a rebuild is rewriting it. */
async function copyBuiltExtension(to: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const before = buildSignature(BUILT_EXTENSION);
      rmSync(to, { recursive: true, force: true });
      cpSync(BUILT_EXTENSION, to, { recursive: true });
      if (before.includes("manifest.json:") && buildSignature(BUILT_EXTENSION) === before) return to;
    } catch (err) {
      console.warn(`copying the built extension failed (${(err as Error).message}); retrying`);
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  throw new Error(`${BUILT_EXTENSION} kept changing while it was copied: run the benchmark when no build is running`);
}

async function memoryRun(session: ExtensionSession, url: string, siteEnabled: boolean, hoverTarget: Target | undefined) {
  await session.serviceWorker.evaluate((disabled) => chrome.storage.local.set({ disabledSites: disabled }), siteEnabled ? [] : ["127.0.0.1"]);
  const page = await session.context.newPage();
  try {
    await page.goto(url);
    if (siteEnabled) {
      await waitUntil(() => page.evaluate(() => performance.getEntriesByName("briefings:scan-done").length), (n) => n > 0, "scan done");
    } else {
      // The switched-off content script only reads storage; two animation frames after load it has.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const afterScan = await heapAfterGc(page);
    let afterCard: Awaited<ReturnType<typeof heapAfterGc>> | undefined;
    if (siteEnabled && hoverTarget) {
      const point = await pointOfTarget(page, hoverTarget);
      await page.mouse.move(point.x, point.y);
      await waitUntil(() => cardMeasures(page), (m) => m.some((x) => x.status !== "loading"), "card for memory run", 20_000);
      afterCard = await heapAfterGc(page);
    }
    return { afterScan, afterCard };
  } finally {
    await page.close();
  }
}

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "briefings-archive-bench-"));
  let session: ExtensionSession | undefined;
  let feed: Awaited<ReturnType<typeof startFeedServer>> | undefined;
  let pages: ReturnType<typeof createServer> | undefined;
  try {
    console.log(`Generating ${ARTICLES} articles…`);
    const archive = await writeArchiveFeed(path.join(tmp, "feed"), ARTICLES);
    console.log(`  ${archive.articles} articles, ${(archive.feedBytes / 1e6).toFixed(1)} MB in ${archive.shards} shards, ${Math.round(archive.generateMs)} ms`);
    feed = await startFeedServer(path.join(tmp, "feed"));

    const extensionDir = await copyBuiltExtension(path.join(tmp, "extension"));
    session = await launchExtension({ extensionDir });
    const ext = await openExtensionPage(session);
    // The packaged seed archive loads on install; the 100k sync is timed on its own after it.
    await waitUntil(() => status(ext), (s) => s.articles > 0 && !s.syncing, "packaged archive loaded");
    await waitUntil(() => session!.serviceWorker.evaluate(() => chrome.storage.local.get("matcher").then((r) => Boolean(r.matcher))), Boolean, "matcher in storage");
    const seedArticles = (await status(ext)).articles;

    await registerFeedSource(session, { ...FEED_SOURCE, feedUrl: `${feed.url}/manifest.json` });
    console.log("First sync…");
    const syncStarted = performance.now();
    // The background logs each rebuild of its lookup index (part of the round, after the articles are in).
    const indexLines: string[] = [];
    const onConsole = (m: { text(): string }) => void (m.text().includes("lookup index rebuilt") && indexLines.push(m.text()));
    session.serviceWorker.on("console", onConsole);
    const synced = await sendToBackground<{ articles: number; lastError?: string }>(ext, { type: "syncNow" });
    const firstSyncMs = performance.now() - syncStarted;
    session.serviceWorker.off("console", onConsole);
    const indexBuildMs = Number(/(\d+) ms\)/.exec(indexLines.at(-1) ?? "")?.[1] ?? NaN);
    if (synced.lastError) throw new Error(`sync failed: ${synced.lastError}`);
    if (synced.articles !== seedArticles + archive.articles) throw new Error(`the archive holds ${synced.articles} articles after sync, expected ${seedArticles + archive.articles}`);
    console.log(`  ${synced.articles} articles in the archive after ${Math.round(firstSyncMs)} ms`);

    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { hoverDelayMs: 0, highlightStyle: "underline" } }));
    let html = "";
    pages = createServer((req, res) => {
      if (req.url?.startsWith("/news.html")) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => pages!.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/news.html`;
    let run = 0;
    const url = () => `${base}?run=${run++}`;
    const pageUrl = (targets: Target[]) => {
      html = newsPage(targets);
      return url();
    };

    const page = await session.context.newPage();
    const targets = await chooseTargets(page, pageUrl, candidates(archive.entities, archive.coverage));
    html = newsPage(targets);
    for (const t of targets) console.log(`  ${t.role}: ${t.entity.id} ("${t.label}") in ${t.articles} articles`);

    // Background lookup alone, from an extension page: what the card waits for, minus the page.
    const lookupOnly: Record<string, number[]> = {};
    for (const t of targets) {
      lookupOnly[t.role] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        await sendToBackground(ext, { type: "lookup", entityId: t.entity.id, pageEntityIds: targets.map((x) => x.entity.id) });
        lookupOnly[t.role]!.push(performance.now() - started);
      }
    }

    console.log("Warm hovers…");
    const warm: Record<string, unknown> = {};
    for (const t of targets) {
      const visible: number[] = [];
      const answered: number[] = [];
      const statuses = new Set<string>();
      for (let i = 0; i < WARM_HOVERS; i++) {
        const r = await hoverOnce(page, url(), t);
        visible.push(r.visible);
        answered.push(r.answered);
        statuses.add(r.status);
      }
      warm[t.role] = { entityId: t.entity.id, articles: t.articles, visible: summary(visible), answered: summary(answered), statuses: [...statuses] };
      console.log(`  ${t.role}: ${JSON.stringify(warm[t.role])}`);
    }

    console.log("Cold hovers (service worker stopped before each)…");
    const control = await ServiceWorkerControl.attach(page);
    const cold: Record<string, unknown> = {};
    const stopMs: number[] = [];
    for (const t of targets) {
      const visible: number[] = [];
      const answered: number[] = [];
      const statuses = new Set<string>();
      for (let i = 0; i < COLD_HOVERS; i++) {
        const r = await hoverOnce(page, url(), t, async () => stopMs.push(await control.stop()));
        visible.push(r.visible);
        answered.push(r.answered);
        statuses.add(r.status);
      }
      cold[t.role] = { entityId: t.entity.id, articles: t.articles, visible: summary(visible), answered: summary(answered), statuses: [...statuses] };
      console.log(`  ${t.role}: ${JSON.stringify(cold[t.role])}`);
    }
    const workersAfter = await control.runningWorkers();
    await control.detach();
    await page.close();

    console.log("Memory per tab…");
    const memory: Array<{ on: number; onAfterCard: number; off: number }> = [];
    for (let i = 0; i < MEMORY_RUNS; i++) {
      const on = await memoryRun(session, url(), true, targets[0]);
      const off = await memoryRun(session, url(), false, undefined);
      memory.push({ on: on.afterScan.usedBytes, onAfterCard: on.afterCard?.usedBytes ?? NaN, off: off.afterScan.usedBytes });
    }
    await session.serviceWorker.evaluate(() => Promise.all([chrome.storage.local.remove("disabledSites"), chrome.storage.local.remove("settings")]));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;

    const result = {
      when: new Date().toISOString(),
      machine: "2 cores, shared; headless Chromium",
      extension: path.relative(process.cwd(), BUILT_EXTENSION),
      archive: {
        articles: archive.articles,
        inDatabaseAfterSync: synced.articles,
        feedMB: Math.round(archive.feedBytes / 1e5) / 10,
        shards: archive.shards,
        generateMs: Math.round(archive.generateMs),
        firstSyncMs: Math.round(firstSyncMs),
        firstSyncWhat: "syncNow message → the background's sync round finished: manifest, gazetteer and every shard fetched from 127.0.0.1, verified (sha256, zod) and stored in IndexedDB, then the entity index rebuilt",
        entityIndexBuildMs: Number.isNaN(indexBuildMs) ? null : indexBuildMs,
        targets: targets.map((t) => ({ role: t.role, entityId: t.entity.id, label: t.label, articles: t.articles })),
      },
      lookupRoundTripMs: Object.fromEntries(Object.entries(lookupOnly).map(([role, xs]) => [role, summary(xs)])),
      warm: {
        what: "pointer event → card placed (performance measure of the content script), hover delay 0, one hover per fresh page load; visible = first placement (may be the loading state), answered = card with the lookup's answer",
        hoversPerEntity: WARM_HOVERS,
        ...warm,
        budget: { visibleP95Ms: 30 },
      },
      cold: {
        what: "as warm, but ServiceWorker.stopAllWorkers before each hover and waited until DevTools reports it stopped and no service-worker target is left; the hover's lookup message starts it again",
        hoversPerEntity: COLD_HOVERS,
        stopConfirmedMs: summary(stopMs),
        workersRunningAtEnd: workersAfter,
        ...cold,
        budget: { answeredP95Ms: 150 },
      },
      memory: {
        what: "Runtime.getHeapUsage usedSize of the news tab after two forced GCs: site on (after scan; after one card) vs site switched off; default gazetteer",
        runs: memory.map((m) => ({ onMB: mb(m.on), onAfterCardMB: mb(m.onAfterCard), offMB: mb(m.off) })),
        medianAddedMB: mb(median(memory.map((m) => m.on - m.off))),
        medianAddedWithCardMB: mb(median(memory.map((m) => m.onAfterCard - m.off))),
        budgetMB: 10,
      },
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/archive-hover.json", JSON.stringify(result, null, 2) + "\n");
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await session?.close();
    await feed?.close();
    pages?.closeAllConnections();
    await new Promise((r) => (pages ? pages.close(r) : r(undefined)));
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
