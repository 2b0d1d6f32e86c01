import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateFeed } from "@/lib/feed/validate";
import { FeedOp, Manifest } from "@/lib/schema";
import { createMatcher } from "@/lib/spot/match";
import type { CompiledGazetteer } from "@/lib/spot/compiled";
import { REPO, hashTree } from "./run-cli";

let tmp: string;
let out: string;

function buildArchive(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "build-archive.ts"), dir], { cwd: REPO });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-archive-"));
  out = path.join(tmp, "archive");
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("scripts/build-archive.ts", () => {
  it("builds a valid feed of the seeds with source 'default', the gazetteer and a loadable matcher", async () => {
    const res = await buildArchive(out);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/: \d+ articles from 5 seed files, \d+ entities, seq 1, matcher\.json \d+ KB, \d+ ms/);

    const report = await validateFeed(out);
    expect(report.problems).toEqual([]);
    const manifest = Manifest.parse(JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8")));
    expect(manifest.archiveId).toBe("default");
    const ops = (await readFile(path.join(out, manifest.snapshot.shards[0]!.url), "utf8"))
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => FeedOp.parse(JSON.parse(l)));
    expect(ops.every((op) => op.op === "put" && op.article.source === "default")).toBe(true);

    const { version, compiled } = JSON.parse(await readFile(path.join(out, "matcher.json"), "utf8")) as { version: string; compiled: CompiledGazetteer };
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    const mentions = createMatcher(compiled).find("Talks between Lukashenko and the IMF in Minsk.");
    expect(mentions.map((m) => m.text)).toEqual(expect.arrayContaining(["Lukashenko", "Minsk"]));
  });

  it("changes nothing on a second run and keeps no deltas or old shards", async () => {
    const before = await hashTree(out);
    const res = await buildArchive(out);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/seq 1 \(unchanged\)/);
    expect(await hashTree(out)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(["gazetteer.json", "manifest.json", "matcher.json", "shards"]);
  });
});
