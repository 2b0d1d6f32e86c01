import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Matcher } from "@/lib/spot/match";
import { visibleTextFromHtml } from "@/lib/spot/visible-text-node";
import type { SpotMention } from "@/lib/spot/types";
import { loadCachedMatcher } from "@/scripts/cli/cached-matcher";
import { CLI, runCli } from "../cli/run-cli";
import { multilingualText } from "./texts";

let matcher: Matcher;
let tmp: string;
let file: string;
let text: string;

beforeAll(async () => {
  ({ matcher } = await loadCachedMatcher());
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-spot-cli-"));
  // Over the 8 M characters from which `spot` cuts a text into pieces.
  text = multilingualText(8_500_000, 3);
  file = path.join(tmp, "long.txt");
  await writeFile(file, text);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What `briefings spot FILE` printed before texts were cut into pieces: one pass, the same format. */
function mentionArray(mentions: readonly SpotMention[]): string {
  const items = mentions.map((m) => {
    const e = matcher.entity(m.entityId)!;
    return JSON.stringify({ text: m.text, start: m.start, end: m.end, entity: { id: e.id, name: e.name, type: e.type } });
  });
  return items.length === 0 ? "[]\n" : `[\n  ${items.join(",\n  ")}\n]\n`;
}

function statsRows(mentions: readonly SpotMention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const rows = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return rows.map(([id, n]) => `${n}\t${id}\t${matcher.entity(id)!.name}\n`).join("");
}

describe("briefings spot on a text long enough to be cut into pieces", () => {
  it("prints byte for byte the mentions of one pass, from any working directory", async () => {
    const child = spawn(process.execPath, [CLI, "spot", file], { cwd: tmp });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(mentionArray(matcher.find(text)));
  });

  it("prints the counts of one pass with --stats and says how many threads matched", async () => {
    const res = await runCli(["spot", "--stats", file]);
    expect(res.code).toBe(0);
    const whole = matcher.find(text);
    expect(res.stdout).toBe(statsRows(whole));
    expect(res.stderr).toContain(`1 file, ${text.length} chars, ${whole.length} mentions of `);
    const threads = availableParallelism() > 1 ? /matching \d+ ms \(\d+ M chars\/s on \d+ threads\)/ : /matching \d+ ms \(\d+ M chars\/s\)/;
    expect(res.stderr).toMatch(threads);
  });

  it("cuts the visible text of a long HTML page the same way", async () => {
    const paragraphs = multilingualText(8_200_000, 4).split("\n\n");
    const html = `<!doctype html><html><body>${paragraphs.map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("")}</body></html>`;
    const page = path.join(tmp, "long.html");
    await writeFile(page, html);
    const res = await runCli(["spot", "--stats", page]);
    expect(res.code).toBe(0);
    const visible = visibleTextFromHtml(html);
    expect(visible.length).toBeGreaterThan(8_000_000);
    expect(res.stdout).toBe(statsRows(matcher.find(visible)));
    if (availableParallelism() > 1) expect(res.stderr).toMatch(/ on \d+ threads\)/);
  });

  it("documents it in --help", async () => {
    const res = await runCli(["spot", "--help"]);
    expect(res.stdout).toMatch(/several million characters is cut at blank lines and matched on all CPU cores/);
    expect(res.stdout).toMatch(/the output is the same as matching it in one pass/);
  });
});
