/** Choosing how to bring a source from its local seq to the manifest's seq. */
import type { Manifest } from "../schema";

export type Delta = Manifest["deltas"][number];

/**
 * The deltas leading from `from` to `to`, in order, or undefined when the manifest has no
 * unbroken chain (a gap, or deltas pruned by the publisher). Greedy is enough: a feed's
 * deltas are consecutive steps, so at most one delta starts at any seq.
 */
export function deltaChain(deltas: readonly Delta[], from: number, to: number): Delta[] | undefined {
  if (from === to) return [];
  if (from > to) return undefined;
  const byFrom = new Map<number, Delta>();
  for (const d of deltas) if (d.to > d.from && !byFrom.has(d.from)) byFrom.set(d.from, d);
  const chain: Delta[] = [];
  let at = from;
  while (at < to) {
    const next = byFrom.get(at);
    if (next === undefined || next.to > to) return undefined;
    chain.push(next);
    at = next.to;
  }
  return chain;
}

export type SyncPlan =
  | { kind: "upToDate" }
  | { kind: "deltas"; deltas: Delta[] }
  /** Load the snapshot, then the deltas from the snapshot's seq to the manifest's. */
  | { kind: "snapshot"; thenDeltas: Delta[] }
  | { kind: "broken"; reason: string };

/**
 * `localSeq` is undefined when the source has never synced or its stored seq belongs to a
 * different archive (a seq only means something within one archiveId).
 */
export function planSync(manifest: Manifest, localSeq: number | undefined, forceSnapshot = false): SyncPlan {
  if (!forceSnapshot && localSeq !== undefined) {
    if (localSeq === manifest.seq) return { kind: "upToDate" };
    const chain = deltaChain(manifest.deltas, localSeq, manifest.seq);
    if (chain !== undefined) return { kind: "deltas", deltas: chain };
  }
  const after = deltaChain(manifest.deltas, manifest.snapshot.seq, manifest.seq);
  if (after === undefined) {
    return {
      kind: "broken",
      reason: `the manifest's snapshot is at seq ${manifest.snapshot.seq} but no deltas lead from there to seq ${manifest.seq}`,
    };
  }
  return { kind: "snapshot", thenDeltas: after };
}
