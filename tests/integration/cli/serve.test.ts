import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEEDS, runCli, startCli } from "./run-cli";

let tmp: string;
let out: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "briefings-serve-"));
  out = path.join(tmp, "feed");
  const build = await runCli(["build", "--out", out, SEEDS]);
  if (build.code !== 0) throw new Error(build.stderr);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("briefings serve", () => {
  it("serves the feed with ETags, answers a repeat with 304, validates over HTTP, and stops on Ctrl-C", async () => {
    const { child, match, exited } = await startCli(["serve", out, "--port", "0"], /at (http:\/\/127\.0\.0\.1:\d+)\//);
    try {
      const url = match[1]!;
      const first = await fetch(`${url}/manifest.json`);
      expect(first.status).toBe(200);
      expect(first.headers.get("access-control-allow-origin")).toBe("*");
      const manifest = (await first.json()) as { seq: number };
      expect(manifest.seq).toBe(1);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const repeat = await fetch(`${url}/manifest.json`, { headers: { "If-None-Match": etag! } });
      expect(repeat.status).toBe(304);

      const traversal = await fetch(`${url}/%2e%2e/%2e%2e/package.json`);
      expect(traversal.status).toBe(404);

      const validate = await runCli(["validate", `${url}/manifest.json`]);
      expect(validate.stdout).toMatch(/^feed OK: \d+ articles, seq 1/);
      expect(validate.code).toBe(0);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });

  it("says which port is taken", async () => {
    const { child, match, exited } = await startCli(["serve", out, "--port", "0"], /127\.0\.0\.1:(\d+)\//);
    try {
      const second = await runCli(["serve", out, "--port", match[1]!]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`port ${match[1]} is in use`));
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });
});
