import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, SEEDS, runCli } from "./run-cli";

interface MentionOut {
  text: string;
  start: number;
  end: number;
  entity: { id: string; name: string; type: string };
}

let tmp: string;
const seed = path.join(SEEDS, "003_cf203a97ff879380.txt");
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-spot-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("briefings spot", () => {
  it("prints a JSON array of mentions whose offsets slice the input", async () => {
    const res = await runCli(["spot", seed]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const mentions = JSON.parse(res.stdout) as MentionOut[];
    const text = await readFile(seed, "utf8");
    expect(mentions.length).toBeGreaterThan(3);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.entity.id.startsWith(`${m.entity.type}/`)).toBe(true);
      expect(m.entity.name.length).toBeGreaterThan(0);
    }
    const lukashenko = mentions.filter((m) => m.text === "Lukashenko");
    expect(lukashenko.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lukashenko.map((m) => m.entity.type))).toEqual(new Set(["person"]));
    expect(mentions.some((m) => m.text === "Minsk" && m.entity.type === "place")).toBe(true);
    const starts = mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("spots only the visible text of an HTML page", async () => {
    const page = path.join(tmp, "page.html");
    await writeFile(
      page,
      "<!doctype html><html><head><title>x</title><script>var who = 'Lukashenko';</script><style>.Lukashenko{}</style></head>" +
        "<body><p>Talks in Minsk went on for hours.</p></body></html>",
    );
    const res = await runCli(["spot", page]);
    expect(res.code).toBe(0);
    const mentions = JSON.parse(res.stdout) as MentionOut[];
    expect(mentions.map((m) => m.text)).toContain("Minsk");
    expect(mentions.some((m) => m.entity.type === "person")).toBe(false);
  });

  it("prints one {file, mentions} line per file for several files, and reports a binary file", async () => {
    const other = path.join(SEEDS, "000_fe8f79e171395771.txt");
    const binary = path.join(tmp, "binary.txt");
    await copyFile(path.join(FIXTURES, "bad", "binary.txt"), binary);
    const res = await runCli(["spot", seed, binary, other]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(`${binary}: not a text file (binary data)`);
    const lines = res.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; mentions: MentionOut[] });
    expect(lines.map((l) => l.file)).toEqual([seed, other]);
    expect(lines[0]?.mentions).toEqual(JSON.parse((await runCli(["spot", seed])).stdout));
    expect(lines[1]?.mentions.length).toBeGreaterThan(0);
  });

  it("counts mentions per entity with --stats, most frequent first", async () => {
    const res = await runCli(["spot", "--stats", seed]);
    expect(res.code).toBe(0);
    const rows = res.stdout.trim().split("\n").map((l) => l.split("\t"));
    const counts = rows.map((r) => Number(r[0]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const mentions = JSON.parse((await runCli(["spot", seed])).stdout) as MentionOut[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(mentions.length);
    const top = rows[0]!;
    expect(Number(top[0])).toBe(mentions.filter((m) => m.entity.id === top[1]).length);
    expect(res.stderr).toMatch(/1 file, \d+ chars, \d+ mentions of \d+ entities; .*matching \d+ ms/);
  });

  it("keeps the compiled gazetteer between runs", async () => {
    await runCli(["spot", "--stats", seed]);
    const again = await runCli(["spot", "--stats", seed]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/matcher load \d+ ms \(cached\)/);
  });

  it("spots a large text file as exactly the sum of its parts", async () => {
    // Speed is measured by `npm run bench` (bench/cli-spot.ts), not asserted here: a timed
    // test flakes on a shared machine.
    const seedText = await readFile(seed, "utf8");
    const one = JSON.parse((await runCli(["spot", seed])).stdout) as MentionOut[];
    const big = path.join(tmp, "big.txt");
    const copies = Math.ceil((4 * 1024 * 1024) / seedText.length);
    // Paragraph breaks between copies: no name can run across them.
    await writeFile(big, Array.from({ length: copies }, () => seedText).join("\n\n"));
    const res = await runCli(["spot", "--stats", big]);
    expect(res.code).toBe(0);
    const stats = res.stderr.match(/(\d+) chars, (\d+) mentions/);
    expect(stats).not.toBeNull();
    expect(Number(stats![1])).toBe(copies * seedText.length + 2 * (copies - 1));
    expect(Number(stats![2])).toBe(copies * one.length);
  });
});
