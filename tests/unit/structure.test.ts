/** Keeps the house in order: thin entrypoints, tested lib modules, one feed schema. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function files(dir: string, ext = /\.(ts|tsx)$/): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

const testSources = [...files("tests/unit"), ...files("tests/integration")].map((f) => readFileSync(f, "utf8")).join("\n");

describe("project structure", () => {
  it("keeps every entrypoint file thin (logic belongs in lib/)", () => {
    const fat = files("entrypoints")
      .map((f) => ({ f, lines: readFileSync(f, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 120)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(fat).toEqual([]);
  });

  it("has a test that imports each lib/ area", () => {
    const areas = readdirSync("lib").map((a) => a.replace(/\.ts$/, ""));
    // browser/ is glue around extension APIs, exercised by the browser e2e tests.
    const untested = areas.filter((a) => a !== "browser" && !new RegExp(`lib/${a}(/|["'])`).test(testSources));
    expect(untested).toEqual([]);
  });

  it("defines the feed format in lib/schema only, so the CLI and the extension read the same feed", () => {
    const defining = [...files("lib"), ...files("scripts"), ...files("entrypoints")].filter(
      (f) => !f.startsWith(path.join("lib", "schema")) && readFileSync(f, "utf8").includes("briefings-feed/1"),
    );
    expect(defining).toEqual([]);
  });

  it("never renders feed data as HTML", () => {
    const offenders = [...files("components"), ...files("entrypoints"), ...files("lib")].filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
