import { describe, expect, it } from "vitest";
import { deltaChain, planSync } from "../../../lib/sync/plan";
import type { Manifest } from "../../../lib/schema";

const sha = "0".repeat(64);
const d = (from: number, to: number) => ({ from, to, url: `deltas/${from}-${to}.ndjson`, sha256: sha });
function manifest(seq: number, snapshotSeq: number, deltas: Manifest["deltas"]): Manifest {
  return { format: "briefings-feed/1", archiveId: "a", seq, generated: "", snapshot: { seq: snapshotSeq, shards: [] }, deltas };
}

describe("deltaChain", () => {
  it("follows consecutive deltas from the local seq to the target", () => {
    expect(deltaChain([d(3, 4), d(1, 2), d(2, 3)], 1, 4)).toEqual([d(1, 2), d(2, 3), d(3, 4)]);
    expect(deltaChain([d(1, 2), d(2, 3)], 2, 3)).toEqual([d(2, 3)]);
  });

  it("has no chain across a gap, past the target or backwards", () => {
    expect(deltaChain([d(1, 2), d(3, 4)], 1, 4)).toBeUndefined();
    expect(deltaChain([d(1, 3)], 1, 2)).toBeUndefined();
    expect(deltaChain([d(1, 2)], 5, 2)).toBeUndefined();
  });
});

describe("planSync", () => {
  it("is up to date at the manifest's seq", () => {
    expect(planSync(manifest(4, 4, []), 4)).toEqual({ kind: "upToDate" });
  });

  it("prefers deltas when they cover local → remote", () => {
    expect(planSync(manifest(3, 3, [d(1, 2), d(2, 3)]), 1)).toEqual({ kind: "deltas", deltas: [d(1, 2), d(2, 3)] });
  });

  it("loads the snapshot on first sync, after a gap, when ahead of the feed, or when forced", () => {
    expect(planSync(manifest(3, 3, []), undefined)).toEqual({ kind: "snapshot", thenDeltas: [] });
    expect(planSync(manifest(3, 3, [d(2, 3)]), 1)).toEqual({ kind: "snapshot", thenDeltas: [] });
    expect(planSync(manifest(3, 3, []), 9)).toEqual({ kind: "snapshot", thenDeltas: [] });
    expect(planSync(manifest(3, 3, []), 3, true)).toEqual({ kind: "snapshot", thenDeltas: [] });
  });

  it("continues from an older snapshot with the deltas after it", () => {
    expect(planSync(manifest(3, 2, [d(2, 3)]), undefined)).toEqual({ kind: "snapshot", thenDeltas: [d(2, 3)] });
  });

  it("reports a manifest whose snapshot cannot reach its seq", () => {
    expect(planSync(manifest(5, 2, []), undefined)).toMatchObject({ kind: "broken" });
  });
});
