/**
 * `briefings spot` on a long text with more than one core: the text is cut at blank lines
 * (spot-split.ts), the pieces are matched by the main thread and by worker threads at once
 * (spot-piece.ts), and the mentions are put back together in text order. The result is the
 * one a single pass gives, byte for byte: when the pieces cannot prove that a whole-text rule
 * gave them the whole text's answer (spot-anchors.ts), or a thread fails, the main thread
 * does the work itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Matcher } from "../../lib/spot/match";
import type { SpotMention } from "../../lib/spot/types";
import { StrongLabels } from "./spot-anchors";
import { cachedCompiledFile, sharedMatcher } from "./spot-cache-files";
import { FromThread, type ToThread } from "./spot-messages";
import { matchPiece, pieceMatcher, piecesAgreeWithWhole, type PieceMatcher, type PieceResult } from "./spot-piece";
import { splitAtBlankLines } from "./spot-split";
import { buildWorkerBundle, cachedWorkerBundle, type WorkerBundle } from "./spot-worker-bundle";

/**
 * Texts shorter than this are matched in one pass: a thread needs about 0.25 s to start and
 * its first pieces run slower while its code warms up, which a few MB do not pay back.
 */
export const PARALLEL_MIN_CHARS = 8_000_000;
/** About this many UTF-16 units per piece (~25 ms of matching): no thread waits long for the last one. */
const PIECE_CHARS = 1_000_000;
/** Pieces a thread holds at once: the next one is there when it finishes one. */
const IN_FLIGHT = 2;

/** The seed articles: real news text in several languages, to warm a thread's matcher up on. */
const SEEDS = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."), "data", "seeds");

function warmUpText(): string {
  try {
    return readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(SEEDS, f), "utf8"))
      .join("\n\n");
  } catch (error) {
    // Without them the threads only start slower; say why once.
    process.stderr.write(`briefings spot: no warm-up text for the matching threads (${(error as Error).message})\n`);
    return "";
  }
}

/** What `spot` needs from a text: its mentions, or only how many there are per entity. */
export type SpotTally = { count: number; mentions: SpotMention[] } | { count: number; counts: Map<string, number> };

interface Job {
  id: number;
  run: string;
  lead: number;
  coreLength: number;
}

class MatchingThread {
  ready = false;
  failed = false;
  /** Pieces sent and not answered yet, in the order sent (the thread works through them in that order). */
  readonly inFlight = new Set<number>();
  /** Pieces taken back for the main thread: their answers are not needed any more. */
  readonly takenBack = new Set<number>();

  constructor(
    readonly worker: Worker,
    readonly onMessage: (thread: MatchingThread, message: FromThread) => void,
    readonly onFailure: (thread: MatchingThread, error: string) => void,
  ) {
    worker.on("message", (raw: unknown) => {
      const parsed = FromThread.safeParse(raw);
      if (!parsed.success) onFailure(this, `unexpected reply (${parsed.error.issues[0]?.message ?? "invalid"})`);
      else onMessage(this, parsed.data);
    });
    worker.on("error", (error) => onFailure(this, error.message));
    worker.on("exit", (code) => {
      if (!this.failed) onFailure(this, `stopped with exit code ${code}`);
    });
  }

  post(message: ToThread): void {
    this.worker.postMessage(message);
  }
}

/**
 * The worker threads of one `spot` run. Started before the gazetteer is loaded (a thread takes
 * about 0.25 s to start; the main thread loads and reads meanwhile), told what to load by
 * init(). Until they are ready, and if they fail, the main thread matches every piece itself.
 */
export class SpotThreads {
  private readonly threads: MatchingThread[] = [];
  private pm: PieceMatcher | undefined;
  private initMessage: ToThread | undefined;
  /** The gazetteer the threads can start loading before init (the cached default one). */
  private loadMessage: Extract<ToThread, { type: "load" }> | undefined;
  private closed = false;
  private wake: (() => void) | undefined;
  /** The current text's jobs and results, while one is being matched. */
  /**
   * The text under way. Pieces are numbered from 0 per text; the ids sent to threads add
   * `base`, which grows from text to text, so a late reply about an earlier text's piece can
   * never be taken for one of this text.
   */
  private work: { jobs: Job[]; base: number; next: number; requeued: number[]; results: (PieceResult | undefined)[]; counting: boolean } | undefined;
  private nextBase = 0;
  /** Notes for stderr on threads that failed, written once the text is done. */
  private notes: string[] = [];
  /** Shorter texts are matched in one pass. */
  readonly minChars = PARALLEL_MIN_CHARS;
  /** Texts matched in pieces so far (not in one pass), and pieces the worker threads matched. */
  textsInPieces = 0;
  piecesFromThreads = 0;

  /** Resolved when no thread is starting any more (see settled()). */
  private settledWaiters: (() => void)[] = [];
  private spawned = false;

  private constructor(readonly size: number) {}

  /** How many threads are ready, once every thread is ready or has failed. */
  async settled(): Promise<number> {
    while (!this.spawned || this.threads.some((t) => !t.ready && !t.failed)) await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
    return this.threads.filter((t) => t.ready && !t.failed).length;
  }

  private changed(): void {
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    this.wake?.();
  }

  /**
   * Starts `count` threads from the bundled thread code; when the bundle must be rebuilt first,
   * they start once it is (the main thread does not wait for it).
   */
  static start(count: number): SpotThreads {
    const threads = new SpotThreads(count);
    // Threads load the cached default gazetteer and warm up while the main thread loads it.
    const compiledFile = cachedCompiledFile();
    if (compiledFile !== undefined) threads.loadMessage = { type: "load", compiledFile, warmUp: warmUpText() };
    const cached = cachedWorkerBundle();
    if (cached !== undefined) threads.spawn({ ok: true, file: cached });
    else void buildWorkerBundle().then((bundle) => threads.spawn(bundle));
    return threads;
  }

  private spawn(bundle: WorkerBundle): void {
    this.spawned = true;
    if (this.closed) return this.changed();
    if (!bundle.ok) {
      this.notes.push(`briefings spot: matching on one thread (${bundle.error})\n`);
      return this.changed();
    }
    for (let i = 0; i < this.size; i++) {
      let worker: Worker;
      try {
        worker = new Worker(bundle.file);
      } catch (error) {
        this.notes.push(`briefings spot: matching on one thread (cannot start a thread: ${(error as Error).message})\n`);
        break;
      }
      const t = new MatchingThread(worker, (th, m) => this.received(th, m), (th, e) => this.failed(th, e));
      this.threads.push(t);
      if (this.loadMessage !== undefined) t.post(this.loadMessage);
      if (this.initMessage !== undefined) t.post(this.initMessage);
    }
    this.changed();
  }

  /**
   * Loads the main thread's gazetteer in every thread: the cached default gazetteer, or
   * `compiledFile` with its anchor block when given. When it cannot be shared, closes the
   * threads and says why.
   */
  init(matcher: Matcher, shared?: { compiledFile: string; anchors: string }): { ok: true } | { ok: false; error: string } {
    const strong = new StrongLabels(matcher);
    const found = shared ?? this.cachedShare(matcher, strong);
    if ("error" in found) {
      void this.close();
      return { ok: false, error: found.error };
    }
    this.pm = pieceMatcher(matcher, strong, found.anchors);
    const entityIds = matcher.entities().map((e) => e.id).join("\n");
    this.initMessage = { type: "init", compiledFile: found.compiledFile, entityIds, anchors: found.anchors, warmUp: this.loadMessage?.warmUp ?? warmUpText() };
    for (const t of this.threads) t.post(this.initMessage);
    return { ok: true };
  }

  private cachedShare(matcher: Matcher, strong: StrongLabels): { compiledFile: string; anchors: string } | { error: string } {
    const found = sharedMatcher(matcher, strong);
    if (found === undefined) return { error: "the compiled gazetteer is not cached" };
    if (!found.anchors.ok) return { error: found.anchors.error };
    return { compiledFile: found.compiledFile, anchors: found.anchors.text };
  }

  /**
   * Matches a text in pieces of about `pieceChars` units across the threads; the same mentions
   * as matcher.find(text). `counting`: only the number of mentions per entity.
   */
  async spot(text: string, counting: boolean, pieceChars = PIECE_CHARS): Promise<SpotTally> {
    const pm = this.pm;
    if (pm === undefined) throw new Error("SpotThreads.spot before init");
    const pieces = splitAtBlankLines(text, Math.ceil(text.length / pieceChars));
    if (pieces.length < 2) return wholeText(pm.matcher, text, counting);
    const jobs = pieces.map((p, id) => ({ id, run: text.slice(p.runStart, p.runEnd), lead: p.coreStart - p.runStart, coreLength: p.coreEnd - p.coreStart }));
    const results: (PieceResult | undefined)[] = jobs.map(() => undefined);
    const work = { jobs, base: this.nextBase, next: 0, requeued: [] as number[], results, counting };
    this.nextBase += jobs.length;
    this.work = work;
    try {
      for (;;) {
        this.feed();
        const id = work.requeued.pop() ?? (work.next < jobs.length ? work.next++ : undefined) ?? this.takeBack();
        if (id !== undefined) {
          const job = jobs[id]!;
          work.results[id] = matchPiece(pm, job.run, job.lead, job.coreLength, counting);
          // Let the threads' replies in before the next piece.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        if (work.results.every((r) => r !== undefined)) break;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.work = undefined;
      this.reportFailures();
    }
    const done = results as PieceResult[];
    if (!piecesAgreeWithWhole(done)) return wholeText(pm.matcher, text, counting);
    this.textsInPieces++;
    return merged(pm.matcher, text, pieces.map((p) => p.coreStart), done, counting);
  }

  /** Stops the threads (they would keep the process alive). */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.threads) t.failed = true; // a stop asked for is not a failure
    this.changed();
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  /**
   * At the end of a text, a piece still with a thread: the main thread, idle otherwise, matches
   * it too rather than wait (the last one sent first: it may not even be started); the
   * thread's answer for it, when it comes, is dropped.
   */
  private takeBack(): number | undefined {
    const work = this.work;
    if (work === undefined) return undefined;
    for (const t of this.threads) {
      if (t.failed || t.inFlight.size === 0) continue;
      const last = [...t.inFlight].pop()!;
      t.inFlight.delete(last);
      t.takenBack.add(last);
      return last - work.base;
    }
    return undefined;
  }

  /**
   * Gives each thread pieces up to IN_FLIGHT. A thread that has not said it is ready gets them
   * too: they wait in its queue behind the gazetteer it is loading. Waiting for its "ready"
   * would cost more than that, since the main thread only reads it between two pieces of its own.
   */
  private feed(): void {
    const work = this.work;
    if (work === undefined) return;
    for (const t of this.threads) {
      while (!t.failed && t.inFlight.size < IN_FLIGHT) {
        const id = work.requeued.pop() ?? (work.next < work.jobs.length ? work.next++ : undefined);
        if (id === undefined) return;
        const job = work.jobs[id]!;
        t.inFlight.add(work.base + id);
        t.post({ type: "piece", id: work.base + id, run: job.run, lead: job.lead, coreLength: job.coreLength, counting: work.counting });
      }
    }
  }

  private received(t: MatchingThread, message: FromThread): void {
    if (t.failed) return;
    if (message.type === "failed") return this.failed(t, message.error);
    if (message.type === "ready") t.ready = true;
    else if (t.takenBack.delete(message.id)) {
      // Matched by the main thread meanwhile.
    } else {
      const work = this.work;
      if (work === undefined || !t.inFlight.delete(message.id) || message.result.strongPerson.length !== this.pm!.isPerson.length) {
        return this.failed(t, `sent a result for piece ${message.id} that was not asked for`);
      }
      work.results[message.id - work.base] = message.result;
      this.piecesFromThreads++;
    }
    this.feed();
    this.changed();
  }

  private failed(t: MatchingThread, error: string): void {
    if (t.failed) return;
    t.failed = true;
    this.notes.push(`briefings spot: a matching thread failed (${error}); its pieces were matched by the main thread\n`);
    // Its pieces go back to the queue; the main thread (or another thread) matches them.
    const work = this.work;
    if (work !== undefined) for (const id of t.inFlight) work.requeued.push(id - work.base);
    t.inFlight.clear();
    void t.worker.terminate();
    this.changed();
  }

  private reportFailures(): void {
    for (const note of this.notes) process.stderr.write(note);
    this.notes = [];
  }
}

function wholeText(matcher: Matcher, text: string, counting: boolean): SpotTally {
  const mentions = matcher.find(text);
  if (!counting) return { count: mentions.length, mentions };
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return { count: mentions.length, counts };
}

/** The pieces' core mentions in text order, offsets moved back into the whole text. */
function merged(matcher: Matcher, text: string, coreStarts: readonly number[], results: readonly PieceResult[], counting: boolean): SpotTally {
  const entities = matcher.entities();
  let count = 0;
  for (const r of results) count += r.count;
  if (counting) {
    const perEntity = new Int32Array(entities.length);
    for (const r of results) for (let e = 0; e < perEntity.length; e++) perEntity[e]! += r.counts[e]!;
    const counts = new Map<string, number>();
    perEntity.forEach((n, e) => {
      if (n > 0) counts.set(entities[e]!.id, n);
    });
    return { count, counts };
  }
  const mentions: SpotMention[] = [];
  results.forEach((r, i) => {
    const base = coreStarts[i]!;
    for (let k = 0; k < r.count; k++) {
      const start = base + r.starts[k]!;
      const end = base + r.ends[k]!;
      mentions.push({ text: text.slice(start, end), start, end, entityId: entities[r.entities[k]!]!.id });
    }
  });
  return { count, mentions };
}
