import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pruneCache } from "../../../scripts/cli/cached-matcher";

const dir = path.resolve("node_modules/.cache/briefings");
const names = ["prune-test-aaaa.json", "prune-test-bbbb.json", "prune-test-bbbb.json.123.tmp", "prune-test-cccc.mjs"];

afterEach(() => {
  for (const n of names) rmSync(path.join(dir, n), { force: true });
});

describe("the CLI's cache", () => {
  it("drops the files of earlier keys, keeps the current one, files of other kinds and files being written", () => {
    mkdirSync(dir, { recursive: true });
    for (const n of names) writeFileSync(path.join(dir, n), "{}");
    pruneCache("prune-test-", ".json", "prune-test-bbbb.json");
    expect(names.map((n) => existsSync(path.join(dir, n)))).toEqual([false, true, true, true]);
  });
});
