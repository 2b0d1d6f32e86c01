import { describe, expect, it } from "vitest";
import { FeedOp, Manifest, type Article } from "@/lib/schema";
import { sha256Hex } from "@/lib/ingest/sha256";
import { planFeed, type FeedInput, type FeedPlan, type PreviousFeed } from "@/lib/feed/write";
import { ENTITIES, makeArticle, makeEntity } from "./make-article";

const clock = (iso: string) => () => iso;
const noClock = () => {
  throw new Error("the clock must not be read when nothing changed");
};

function input(articles: Article[], extra: Partial<FeedInput> = {}): FeedInput {
  return { archiveId: "test", articles, gazetteer: ENTITIES, now: clock("2026-01-01T00:00:00.000Z"), ...extra };
}

function previousOf(plan: FeedPlan, articles: Article[]): PreviousFeed {
  return { manifest: plan.manifest, articles };
}

function opsOf(plan: FeedPlan, url: string): FeedOp[] {
  const text = plan.files.get(url);
  if (text === undefined) throw new Error(`plan has no file ${url}`);
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => FeedOp.parse(JSON.parse(line)));
}

const five = ["e0000005", "a0000001", "d0000004", "b0000002", "c0000003"].map((id) => makeArticle(id));

describe("planFeed", () => {
  it("writes a first snapshot at seq 1 with shards sorted by id and split at the shard size", () => {
    const plan = planFeed(undefined, input(five, { shardSize: 2 }));
    expect(Manifest.parse(plan.manifest)).toEqual(plan.manifest);
    expect(plan.manifest.seq).toBe(1);
    expect(plan.manifest.snapshot.seq).toBe(1);
    expect(plan.manifest.deltas).toEqual([]);
    expect(plan.manifest.snapshot.shards.map((s) => s.articles)).toEqual([2, 2, 1]);
    const ids = plan.manifest.snapshot.shards.flatMap((s) => opsOf(plan, s.url).map((op) => (op.op === "put" ? op.article.id : op.id)));
    expect(ids).toEqual(["a0000001", "b0000002", "c0000003", "d0000004", "e0000005"]);
    for (const shard of plan.manifest.snapshot.shards) {
      expect(shard.url).toMatch(new RegExp(`^shards/1-\\d-${shard.sha256.slice(0, 8)}\\.ndjson$`));
      expect(sha256Hex(plan.files.get(shard.url) ?? "")).toBe(shard.sha256);
    }
    expect(plan.changes).toMatchObject({ seq: 1, articles: 5, added: 5, updated: 0, removed: 0 });
  });

  it("publishes the gazetteer with its hash and a version derived from it", () => {
    const plan = planFeed(undefined, input(five));
    const gazetteer = plan.manifest.gazetteer;
    expect(gazetteer?.url).toBe("gazetteer.json");
    const text = plan.files.get("gazetteer.json") ?? "";
    expect(sha256Hex(text)).toBe(gazetteer?.sha256);
    expect(gazetteer?.version).toBe(gazetteer?.sha256.slice(0, 16));
    expect((JSON.parse(text) as { id: string }[]).map((e) => e.id)).toEqual(["person/test-person", "place/minsk"]);
  });

  it("gives byte-identical output whatever the input order and object key order", () => {
    const reordered = [...five].reverse().map((a) => Object.fromEntries(Object.entries(a).reverse()) as Article);
    const a = planFeed(undefined, input(five));
    const b = planFeed(undefined, input(reordered, { gazetteer: [...ENTITIES].reverse() }));
    expect(b.manifestText).toBe(a.manifestText);
    expect([...b.files]).toEqual([...a.files]);
  });

  it("keeps seq and generated when nothing changed, without reading the clock", () => {
    const first = planFeed(undefined, input(five));
    const again = planFeed(previousOf(first, five), input(five, { now: noClock }));
    expect(again.changed).toBe(false);
    expect(again.manifestText).toBe(first.manifestText);
    expect(again.manifest.generated).toBe("2026-01-01T00:00:00.000Z");
  });

  it("adds one article as seq + 1 with a delta holding exactly that put", () => {
    const first = planFeed(undefined, input(five));
    const added = makeArticle("f0000006");
    const second = planFeed(previousOf(first, five), input([...five, added], { now: clock("2026-01-02T00:00:00.000Z") }));
    expect(second.changed).toBe(true);
    expect(second.manifest.seq).toBe(2);
    expect(second.manifest.generated).toBe("2026-01-02T00:00:00.000Z");
    expect(second.manifest.deltas).toHaveLength(1);
    const delta = second.manifest.deltas[0]!;
    expect(delta).toMatchObject({ from: 1, to: 2 });
    expect(delta.url).toMatch(/^deltas\/1-2-[0-9a-f]{8}\.ndjson$/);
    expect(opsOf(second, delta.url)).toEqual([{ op: "put", article: added }]);
    expect(second.changes).toMatchObject({ added: 1, updated: 0, removed: 0, articles: 6 });
  });

  it("puts changed articles and deletes removed ones, sorted by id", () => {
    const first = planFeed(undefined, input(five));
    const changed = makeArticle("c0000003", { title: "A new title" });
    const next = [five[0]!, five[1]!, five[2]!, changed]; // drops b0000002 (index 3)
    const second = planFeed(previousOf(first, five), input(next));
    const ops = opsOf(second, second.manifest.deltas[0]!.url);
    expect(ops).toEqual([
      { op: "delete", id: "b0000002" },
      { op: "put", article: changed },
    ]);
    expect(second.changes).toMatchObject({ added: 0, updated: 1, removed: 1 });
  });

  it("bumps seq with an empty delta when only the gazetteer changed", () => {
    const first = planFeed(undefined, input(five));
    const second = planFeed(previousOf(first, five), input(five, { gazetteer: [...ENTITIES, makeEntity("org/test-org", "Test Org")] }));
    expect(second.manifest.seq).toBe(2);
    expect(second.changes.gazetteerChanged).toBe(true);
    expect(second.manifest.gazetteer?.sha256).not.toBe(first.manifest.gazetteer?.sha256);
    expect(second.files.get(second.manifest.deltas[0]!.url)).toBe("");
  });

  it("keeps only the newest deltas, still ending at seq", () => {
    let articles = five;
    let plan = planFeed(undefined, input(articles, { keepDeltas: 3 }));
    for (let i = 0; i < 5; i++) {
      const next = [...articles, makeArticle(`f000000${i}`)];
      plan = planFeed(previousOf(plan, articles), input(next, { keepDeltas: 3 }));
      articles = next;
    }
    expect(plan.manifest.seq).toBe(6);
    expect(plan.manifest.deltas.map((d) => [d.from, d.to])).toEqual([
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it("publishes a fresh snapshot without deltas when the previous snapshot was unreadable", () => {
    const first = planFeed(undefined, input(five));
    const second = planFeed({ manifest: first.manifest, articles: undefined }, input(five));
    expect(second.changed).toBe(true);
    expect(second.manifest.seq).toBe(2);
    expect(second.manifest.deltas).toEqual([]);
  });

  it("starts a new history when the archive id changes", () => {
    const first = planFeed(undefined, input(five));
    const other = planFeed(previousOf(first, five), input(five, { archiveId: "other" }));
    expect(other.manifest.seq).toBe(1);
    expect(other.manifest.archiveId).toBe("other");
  });

  it("keeps the first of several articles with the same id and reports the id", () => {
    const twin = makeArticle("a0000001", { title: "Second copy" });
    const plan = planFeed(undefined, input([...five, twin]));
    expect(plan.changes.duplicateIds).toEqual(["a0000001"]);
    const ops = opsOf(plan, plan.manifest.snapshot.shards[0]!.url);
    expect(ops.find((op) => op.op === "put" && op.article.id === "a0000001")).toEqual({ op: "put", article: five[1] });
  });

  it("keeps the previous manifest's files for clients in the middle of a sync", () => {
    const first = planFeed(undefined, input(five));
    const second = planFeed(previousOf(first, five), input(five.slice(1)));
    for (const shard of first.manifest.snapshot.shards) expect(second.keep.has(shard.url)).toBe(true);
    for (const shard of second.manifest.snapshot.shards) expect(second.keep.has(shard.url)).toBe(true);
    expect(second.keep.has(second.manifest.deltas[0]!.url)).toBe(true);
  });
});

describe("planFeed for a bundled archive", () => {
  it("lets the previous manifest's files go when retainPrevious is false", () => {
    const first = planFeed(undefined, input(five));
    const second = planFeed(previousOf(first, five), input(five.slice(1), { retainPrevious: false, keepDeltas: 0 }));
    for (const shard of first.manifest.snapshot.shards) expect(second.keep.has(shard.url)).toBe(false);
    expect([...second.keep].sort()).toEqual(["gazetteer.json", ...second.manifest.snapshot.shards.map((s) => s.url)].sort());
    expect(second.manifest.deltas).toEqual([]);
  });
});
