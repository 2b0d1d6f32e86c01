import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeedOp, Manifest } from "@/lib/schema";
import { FIXTURES, SEEDS, hashTree, runCli } from "./run-cli";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-cli-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function manifestOf(dir: string): Promise<Manifest> {
  return Manifest.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
}

async function opsOf(dir: string, url: string): Promise<FeedOp[]> {
  const text = await readFile(path.join(dir, url), "utf8");
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => FeedOp.parse(JSON.parse(l)));
}

async function snapshotIds(dir: string): Promise<string[]> {
  const manifest = await manifestOf(dir);
  const ids: string[] = [];
  for (const shard of manifest.snapshot.shards) for (const op of await opsOf(dir, shard.url)) if (op.op === "put") ids.push(op.article.id);
  return ids;
}

describe("briefings build", () => {
  it("builds the seeds into a feed that validates, with tagged articles and a gazetteer", async () => {
    const out = path.join(tmp, "feed");
    const build = await runCli(["build", "--out", out, SEEDS]);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/: \d+ articles from 5 of 5 files \(\d+ new, 0 changed, 0 removed\), seq 1, /);

    const manifest = await manifestOf(out);
    expect(manifest.seq).toBe(1);
    expect(manifest.gazetteer?.url).toBe("gazetteer.json");
    const shardOps = await opsOf(out, manifest.snapshot.shards[0]!.url);
    const tagged = shardOps.filter((op) => op.op === "put" && op.article.entityIds.length > 0);
    expect(tagged.length).toBeGreaterThan(0);

    const validate = await runCli(["validate", out]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(new RegExp(`^feed OK: ${shardOps.length} articles, seq 1`));
  });

  it("writes byte-identical output when run twice, in place or into another directory", async () => {
    const a = path.join(tmp, "a");
    const b = path.join(tmp, "b");
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    expect((await runCli(["build", "--out", a, SEEDS], env)).code).toBe(0);
    const first = await hashTree(a);
    const again = await runCli(["build", "--out", a, SEEDS]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged at seq 1, 0 files written/);
    expect(await hashTree(a)).toEqual(first);
    expect((await runCli(["build", "--out", b, SEEDS], env)).code).toBe(0);
    expect(await hashTree(b)).toEqual(first);
    expect((await manifestOf(a)).generated).toBe("2023-11-14T22:13:20.000Z");
  });

  it("publishes one added input as seq + 1 with a delta of exactly its article", async () => {
    const out = path.join(tmp, "feed");
    expect((await runCli(["build", "--out", out, SEEDS])).code).toBe(0);
    const before = await snapshotIds(out);
    const extra = path.join(FIXTURES, "extra", "potash-transit.txt");
    const second = await runCli(["build", "--out", out, SEEDS, extra]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\(1 new, 0 changed, 0 removed\), seq 2 \(was 1\)/);

    const manifest = await manifestOf(out);
    expect(manifest.seq).toBe(2);
    expect(manifest.deltas).toHaveLength(1);
    const added = (await snapshotIds(out)).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    const ops = await opsOf(out, manifest.deltas[0]!.url);
    expect(ops.map((op) => (op.op === "put" ? `put ${op.article.id}` : `delete ${op.id}`))).toEqual([`put ${added[0]}`]);
    const put = ops[0];
    expect(put?.op === "put" && put.article.title).toBe("Minsk looks for new potash transit routes after Lithuania closes Klaipeda");
    expect((await runCli(["validate", out])).code).toBe(0);

    // Taking the input away again deletes its article in the next delta.
    const third = await runCli(["build", "--out", out, SEEDS]);
    expect(third.stdout).toMatch(/\(0 new, 0 changed, 1 removed\), seq 3/);
    const last = (await manifestOf(out)).deltas.at(-1)!;
    expect(await opsOf(out, last.url)).toEqual([{ op: "delete", id: added[0] }]);
  });

  it("fails validation naming a corrupted shard", async () => {
    const out = path.join(tmp, "feed");
    expect((await runCli(["build", "--out", out, SEEDS])).code).toBe(0);
    const shard = (await manifestOf(out)).snapshot.shards[0]!.url;
    const file = path.join(out, shard);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length - 40));
    const validate = await runCli(["validate", out]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${shard}: sha256 is `);
    expect(validate.stderr).toMatch(/has 1 problem/);
  });

  it("reports each bad input on one line, exits 1, and still publishes the good ones", async () => {
    const out = path.join(tmp, "feed");
    const inputs = path.join(tmp, "inputs");
    await mkdir(inputs);
    for (const name of ["empty.txt", "binary.txt", "nav-only.html"]) await copyFile(path.join(FIXTURES, "bad", name), path.join(inputs, name));
    const missing = path.join(tmp, "no-such-file.txt");
    const build = await runCli(["build", "--out", out, SEEDS, inputs, missing]);
    expect(build.code).toBe(1);
    const lines = build.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${path.join(inputs, "empty.txt")}: empty file$`)),
        expect.stringMatching(new RegExp(`^${path.join(inputs, "binary.txt")}: not a text file`)),
        expect.stringMatching(new RegExp(`^${path.join(inputs, "nav-only.html")}: no article found`)),
        `${missing}: no such file or directory`,
      ]),
    );
    expect(build.stdout).toMatch(/from 5 of 8 files/);

    const clean = path.join(tmp, "clean");
    expect((await runCli(["build", "--out", clean, SEEDS])).code).toBe(0);
    expect((await snapshotIds(out)).sort()).toEqual((await snapshotIds(clean)).sort());
    expect((await runCli(["validate", out])).code).toBe(0);
  });

  it("leaves an existing feed alone when no input gives an article", async () => {
    const out = path.join(tmp, "feed");
    expect((await runCli(["build", "--out", out, SEEDS])).code).toBe(0);
    const before = await hashTree(out);
    const build = await runCli(["build", "--out", out, path.join(FIXTURES, "bad", "empty.txt")]);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/no articles to publish; the feed in .* was left as it was/);
    expect(await hashTree(out)).toEqual(before);
  });
});
