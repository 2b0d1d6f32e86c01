import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/ingest/sha256";
import { writeFeedPlan } from "@/lib/feed/fs";
import { formatProblem, validateFeed } from "@/lib/feed/validate";
import { planFeed, type FeedPlan } from "@/lib/feed/write";
import type { Manifest } from "@/lib/schema";
import { ENTITIES, makeArticle } from "./make-article";

let dir: string;
let plan: FeedPlan;
const articles = ["a0000001", "b0000002", "c0000003"].map((id) => makeArticle(id));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "feed-validate-"));
  const first = planFeed(undefined, { archiveId: "t", articles, gazetteer: ENTITIES, now: () => "2026-01-01T00:00:00Z" });
  plan = planFeed(
    { manifest: first.manifest, articles },
    { archiveId: "t", articles: [...articles, makeArticle("d0000004")], gazetteer: ENTITIES, now: () => "2026-01-02T00:00:00Z" },
  );
  await writeFeedPlan(dir, first);
  const written = await writeFeedPlan(dir, plan);
  if (!written.ok) throw new Error(written.error);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function editManifest(edit: (m: Manifest) => unknown): Promise<void> {
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
  await writeFile(file, JSON.stringify(edit(manifest) ?? manifest));
}

const shardUrl = () => plan.manifest.snapshot.shards[0]!.url;

describe("validateFeed", () => {
  it("accepts a feed written by the writer", async () => {
    const report = await validateFeed(dir);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ seq: 2, articles: 4, deltas: 1, entities: 2 });
  });

  it("names a missing manifest", async () => {
    await unlink(path.join(dir, "manifest.json"));
    const { problems } = await validateFeed(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "manifest.json" });
    expect(problems[0]?.message).toMatch(/not found/);
  });

  it("reports manifest schema problems with their field", async () => {
    await editManifest((m) => ({ ...m, seq: -1, snapshot: { ...m.snapshot, shards: [{ url: "javascript:alert(1)", sha256: "x", articles: 1 }] } }));
    const { problems } = await validateFeed(dir);
    const fields = problems.map((p) => p.field);
    expect(fields).toContain("seq");
    expect(fields).toContain("snapshot.shards.0.url");
    expect(fields).toContain("snapshot.shards.0.sha256");
  });

  it("names a shard whose bytes changed", async () => {
    const file = path.join(dir, shardUrl());
    await writeFile(file, (await readFile(file, "utf8")).replace("Briefing", "Briefinq"));
    const { problems } = await validateFeed(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(shardUrl());
    expect(problems[0]?.message).toMatch(/sha256/);
  });

  it("names a missing delta file", async () => {
    await unlink(path.join(dir, plan.manifest.deltas[0]!.url));
    const { problems } = await validateFeed(dir);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${plan.manifest.deltas[0]!.url}: file not found`))]);
  });

  it("reports bad lines with line number and field, and a wrong article count", async () => {
    const bad = `${JSON.stringify({ op: "put", article: { ...makeArticle("e0000005"), lang: "xx" } })}\nnot json\n{"op":"delete","id":"x"}\n`;
    const badSha = await writeWithHash(shardUrl(), bad);
    await editManifest((m) => {
      m.snapshot.shards[0]!.sha256 = badSha;
    });
    const lines = (await validateFeed(dir)).problems.map(formatProblem);
    expect(lines.some((l) => l.startsWith(`${shardUrl()}: line 1, article.lang: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${shardUrl()}: line 2: not JSON`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${shardUrl()}: snapshot shards hold only "put" ops`))).toBe(true);
    expect(lines.some((l) => l.startsWith("manifest.json: snapshot.shards.0.articles:"))).toBe(true);
  });

  it("reports a broken delta chain and a snapshot at another seq", async () => {
    await editManifest((m) => {
      m.seq = 3;
      m.deltas[0]!.from = 0;
    });
    const { problems } = await validateFeed(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "manifest.json", field: "snapshot.seq" }),
        expect.objectContaining({ file: "manifest.json", field: "deltas.0.to", message: expect.stringMatching(/ends at 2 but the feed is at seq 3/) }),
      ]),
    );
  });

  it("checks the gazetteer's entities and the entity ids articles refer to", async () => {
    const entities = [{ ...ENTITIES[1], id: "Not An Id" }];
    const sha = await writeWithHash("gazetteer.json", JSON.stringify(entities));
    await editManifest((m) => {
      m.gazetteer!.sha256 = sha;
    });
    const lines = (await validateFeed(dir)).problems.map(formatProblem);
    expect(lines.some((l) => l.startsWith("gazetteer.json: 0.id: id must look like type/slug"))).toBe(true);
    expect(lines.some((l) => l.includes("refers to entity place/minsk, which the gazetteer does not define"))).toBe(true);
  });

  it("refuses references that leave the feed directory", async () => {
    await editManifest((m) => {
      m.deltas[0]!.url = "../outside.ndjson";
    });
    const { problems } = await validateFeed(dir);
    expect(problems.map(formatProblem)).toEqual([`../outside.ndjson: "../outside.ndjson" points outside the feed directory`]);
  });
});

async function writeWithHash(rel: string, text: string): Promise<string> {
  await writeFile(path.join(dir, rel), text);
  return sha256Hex(text);
}
