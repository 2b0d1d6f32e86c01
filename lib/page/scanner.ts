/**
 * The page scanner: reads visible text in idle-time chunks, runs the matcher over each run of
 * inline text, keeps the mention index, follows DOM changes, and reports the mention under
 * the pointer. It only announces (events); highlighting and the card live elsewhere.
 */
import type { SpotMention } from "../spot/types";
import { createEmitter, type Emitter } from "./events";
import { findMentionAtPoint } from "./hit-test";
import type { ChunkDeadline, ChunkScheduler } from "./idle-scheduler";
import { rangeMaker, type PageMention } from "./mention";
import { MentionIndex } from "./mention-index";
import { isCardHost, isFallbackSpan } from "./own-ui";
import { blockOf, isInsideExcluded } from "./scan-rules";
import { TextWalker } from "./text-walker";
import { appendToRun, createBlockRun, createTextRun, nodesBetween, positionInRun, type TextRun } from "./text-run";

/** What the scanner needs from the matcher. */
export interface MentionFinder {
  /** The mentions in each text, as if each were matched alone. */
  findEach(texts: readonly string[]): SpotMention[][];
}

export interface PointerMention {
  mention: PageMention | null;
  clientX: number;
  clientY: number;
  /** The pointer event's timeStamp (for hover→card latency). */
  timeStamp: number;
}

export interface ScanChunk {
  startedAt: number;
  endedAt: number;
  /** Text nodes read one by one, plus blocks of inline text read whole. */
  textNodes: number;
  /** Of the chunk's time, how much the matcher took (ms). */
  matchMs: number;
  /** True when this chunk emptied the queue. */
  done: boolean;
}

export interface ScannerEvents {
  found: { mentions: PageMention[] };
  cleared: { mentions: PageMention[] };
  pointer: PointerMention;
  chunk: ScanChunk;
}

export type Listen = (target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions) => void;

export interface ScannerOptions {
  doc: Document;
  matcher: MentionFinder;
  scheduler: ChunkScheduler;
  /** Clock in ms (performance.now in the page; injected in tests). */
  now: () => number;
  setTimeout: (cb: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  /** Batches pointer moves to one hit test per frame. */
  requestFrame: (cb: () => void) => void;
  listen?: Listen;
  /** Longest stretch of work per chunk, ms; well under the 50 ms long-task line. */
  sliceMs?: number;
  /** A tab hidden this long stops watching the DOM, and catches up when shown again. */
  hiddenStopMs?: number;
  /** Replaces caret-based hit testing (the span fallback knows its own elements). */
  hitTest?: (x: number, y: number, target: EventTarget | null) => PageMention | null;
}

export const DEFAULT_SLICE_MS = 8;
export const DEFAULT_HIDDEN_STOP_MS = 5 * 60_000;
/** Time is read every few text nodes: reading it per node costs more than the nodes. */
const CLOCK_EVERY_NODES = 8;
/** Pointer moves closer together than this share one hit test (one frame at 60 Hz). */
const HIT_TEST_INTERVAL_MS = 16;
/** Even with no idle time left (timeout), a chunk does at least this much work. */
const MIN_SLICE_MS = 2;
/**
 * Finished runs are matched together, in one matcher call per this many characters (and at
 * the end of each chunk): a page of short paragraphs then pays the per-call costs, and the
 * matcher's not-yet-optimised first calls, a few times instead of once per paragraph.
 */
const MATCH_BATCH_CHARS = 16_384;
/**
 * Until a batch has been timed, batches are this short and the matcher is assumed to read
 * this many characters per ms (it reads 10–100 thousand once warm): the batches queued in a
 * chunk are sized by the matcher's speed so that the chunk stays in its time slice.
 */
const FIRST_BATCH_CHARS = 1_024;
const INITIAL_CHARS_PER_MS = 1_000;
/** Batches shorter than this (ms) are too short to time. */
const MIN_TIMED_MS = 0.2;

export class PageScanner {
  readonly events: Emitter<ScannerEvents> = createEmitter<ScannerEvents>();
  readonly index = new MentionIndex();

  private readonly opts: Required<Omit<ScannerOptions, "hitTest">> & Pick<ScannerOptions, "hitTest">;
  private readonly queue: Element[] = [];
  private walker: TextWalker | null = null;
  private walkerRoot: Element | null = null;
  private run: TextRun | null = null;
  /** Finished runs waiting for the matcher, and their length in characters. */
  private readonly pending: TextRun[] = [];
  private pendingChars = 0;
  /** The matcher's speed (characters per ms), for sizing batches; timed once a batch was. */
  private charsPerMs = INITIAL_CHARS_PER_MS;
  private speedTimed = false;
  private cancelChunk: (() => void) | null = null;
  private observer: MutationObserver | null = null;
  private running = false;
  private sleeping = false;
  private hiddenTimer: number | null = null;
  private nextKey = 1;
  private pointerMention: PageMention | null = null;
  private pendingPointer: PointerEvent | null = null;
  private handlingMutations = false;
  private lastHitTestAt = -Infinity;
  /** Matcher time within the current chunk, ms. */
  private matchMs = 0;
  /** Set by the tree walker when it enters or leaves an element that separates words. */
  private runBroken = false;

  private readonly makeRange: (startNode: Text, startOffset: number, endNode: Text, endOffset: number) => AbstractRange;

  constructor(options: ScannerOptions) {
    this.opts = {
      listen: (target, type, handler, opts) => target.addEventListener(type, handler, opts),
      sliceMs: DEFAULT_SLICE_MS,
      hiddenStopMs: DEFAULT_HIDDEN_STOP_MS,
      ...options,
    };
    this.makeRange = rangeMaker(options.doc);
  }

  /** Scan the whole page and start following it. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const { doc, listen } = this.opts;
    this.observe();
    this.enqueue([doc.body ?? doc.documentElement]);
    listen(doc, "pointermove", (e) => this.onPointerMove(e as PointerEvent), { passive: true, capture: true });
    listen(doc, "pointerout", (e) => this.onPointerOut(e as PointerEvent), { passive: true, capture: true });
    listen(doc, "visibilitychange", () => this.onVisibilityChange());
  }

  /** Stop scanning and following, and clear every mention (the site was switched off). */
  stop(): void {
    this.running = false;
    this.observer?.disconnect();
    this.observer = null;
    this.cancelChunk?.();
    this.cancelChunk = null;
    this.queue.length = 0;
    this.dropWalker();
    this.pending.length = 0;
    this.pendingChars = 0;
    if (this.hiddenTimer !== null) this.opts.clearTimeout(this.hiddenTimer);
    this.hiddenTimer = null;
    const all = [...this.index.mentions()];
    for (const m of all) this.index.remove(m);
    this.setPointerMention(null, 0, 0, 0);
    if (all.length) this.events.emit("cleared", { mentions: all });
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** No scan work queued (the page has been read up to its last change). */
  get isIdle(): boolean {
    return this.queue.length === 0 && this.walker === null;
  }

  /** Whether the DOM observer is connected (off while the tab has been hidden a long time). */
  get isObserving(): boolean {
    return this.observer !== null;
  }

  mentions(): PageMention[] {
    return [...this.index.mentions()];
  }

  /** Run a DOM change of our own (the span fallback) without rescanning it. */
  withoutObserving(change: () => void): void {
    // Inside our own mutation callback only our code has run, so pending records are ours.
    const pending = this.handlingMutations ? [] : (this.observer?.takeRecords() ?? []);
    if (pending.length) this.onMutations(pending);
    change();
    this.observer?.takeRecords();
  }

  private observe(): void {
    const { doc } = this.opts;
    const view = doc.defaultView;
    if (!view) return;
    this.observer = new view.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private enqueue(changed: Iterable<Element>): void {
    const fresh = new Set<Element>();
    for (const root of changed) if (root.isConnected) fresh.add(root);
    if (fresh.size === 0) return;
    // A walk under way continues through changes inside it (a page that changes all the time
    // must not restart the first scan forever); the changed subtree is read again on its own
    // and flushRun drops the duplicates. Only a change around the whole walk restarts it.
    if (this.walkerRoot && [...fresh].some((r) => r.contains(this.walkerRoot))) {
      fresh.add(this.walkerRoot);
      this.dropWalker();
    }
    for (const queued of this.queue) fresh.add(queued);
    const roots = outermost(fresh);
    this.queue.length = 0;
    this.queue.push(...roots);
    this.clearUnder(roots);
    this.schedule();
  }

  /** Forget mentions inside the given roots or no longer in the document. */
  private clearUnder(roots: Element[]): void {
    const rootSet = new Set<Node>(roots);
    const cleared: PageMention[] = [];
    for (const mention of this.index.mentions()) {
      const first = mention.nodes[0];
      if (!first || !mention.nodes.every((n) => n.isConnected) || hasAncestorIn(first, rootSet)) cleared.push(mention);
    }
    for (const m of cleared) this.index.remove(m);
    if (this.pointerMention && cleared.includes(this.pointerMention)) this.setPointerMention(null, 0, 0, 0);
    if (cleared.length) this.events.emit("cleared", { mentions: cleared });
  }

  private schedule(): void {
    if (this.cancelChunk || this.sleeping || !this.running || this.isIdle) return;
    this.cancelChunk = this.opts.scheduler.request((deadline) => {
      this.cancelChunk = null;
      this.runChunk(deadline);
    });
  }

  private runChunk(deadline: ChunkDeadline): void {
    const { now, sliceMs } = this.opts;
    const startedAt = now();
    const stopAt = startedAt + Math.max(MIN_SLICE_MS, Math.min(sliceMs, deadline.timeRemaining()));
    const found: PageMention[] = [];
    let textNodes = 0;
    this.matchMs = 0;
    for (;;) {
      if (!this.walker && !this.openNextRoot()) break;
      const node = this.walker!.next();
      if (!node) {
        this.flushRun(found);
        this.dropWalker();
      } else if (node.nodeType === 1) {
        // A block of inline text: one run of its own.
        this.flushRun(found);
        this.runBroken = false;
        this.run = createBlockRun(node as Element);
        this.flushRun(found);
        textNodes++;
      } else {
        if (this.run && this.runBroken) this.flushRun(found);
        this.runBroken = false;
        this.run ??= createTextRun();
        appendToRun(this.run, node as Text);
        textNodes++;
      }
      // The queued runs' matching is part of this chunk's work.
      if (textNodes % CLOCK_EVERY_NODES === 0 && now() + this.pendingChars / this.charsPerMs >= stopAt) break;
    }
    this.matchPending(found);
    if (found.length) this.events.emit("found", { mentions: found });
    const done = this.isIdle;
    this.events.emit("chunk", { startedAt, endedAt: now(), textNodes, matchMs: this.matchMs, done });
    this.schedule();
  }

  private openNextRoot(): boolean {
    for (let root = this.queue.shift(); root; root = this.queue.shift()) {
      if (!root.isConnected || isInsideExcluded(root)) continue;
      this.walkerRoot = root;
      // Entering or leaving a block element (even an empty one like <br>) ends the text run.
      this.walker = new TextWalker(root, () => (this.runBroken = true));
      return true;
    }
    return false;
  }

  private dropWalker(): void {
    this.walker = null;
    this.walkerRoot = null;
    this.run = null;
  }

  /** Queue the finished run for the matcher. */
  private flushRun(found: PageMention[]): void {
    const run = this.run;
    this.run = null;
    if (!run || !hasTwoVisibleChars(run.text)) return;
    this.pending.push(run);
    this.pendingChars += run.text.length;
    if (this.pendingChars >= (this.speedTimed ? MATCH_BATCH_CHARS : FIRST_BATCH_CHARS)) this.matchPending(found);
  }

  /** Match the queued runs and turn their hits into ranges. */
  private matchPending(found: PageMention[]): void {
    if (this.pending.length === 0) return;
    const runs = this.pending.splice(0);
    const chars = this.pendingChars;
    this.pendingChars = 0;
    const { now } = this.opts;
    const matchStart = now();
    const hits = this.opts.matcher.findEach(runs.map((r) => r.text));
    const ms = now() - matchStart;
    this.matchMs += ms;
    if (ms >= MIN_TIMED_MS) {
      // Half the speed seen: a later batch may meet slower text (more names) or a collection.
      this.charsPerMs = Math.max(100, chars / ms / 2);
      this.speedTimed = true;
    }
    runs.forEach((run, i) => this.addMentions(run, hits[i] ?? [], found));
  }

  private addMentions(run: TextRun, hits: readonly SpotMention[], found: PageMention[]): void {
    for (const hit of hits) {
      if (hit.end <= hit.start) continue;
      const start = positionInRun(run, hit.start, "start");
      const end = positionInRun(run, hit.end, "end");
      if (this.index.startingAt(start.node, start.offset)) continue;
      const mention: PageMention = {
        key: this.nextKey++,
        entityId: hit.entityId,
        text: hit.text,
        range: this.makeRange(start.node, start.offset, end.node, end.offset),
        nodes: nodesBetween(run, start, end),
      };
      this.index.add(mention, start.offset, end.offset);
      found.push(mention);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.running || this.sleeping) return;
    this.handlingMutations = true;
    try {
      this.handleMutations(records);
    } finally {
      this.handlingMutations = false;
    }
  }

  private handleMutations(records: MutationRecord[]): void {
    const roots = new Set<Element>();
    let removed = false;
    for (const record of records) {
      const target = record.target;
      if (isOurs(target)) continue;
      if (record.type === "characterData") {
        const block = blockOf(target);
        if (block) roots.add(block);
        continue;
      }
      for (const added of record.addedNodes) {
        if (isOurs(added)) continue;
        const block = blockOf(added);
        if (block) roots.add(block);
      }
      for (const gone of record.removedNodes) {
        if (isOurs(gone)) continue;
        removed = true;
        // Text joined across the removed inline piece may now spell something else.
        if (gone.nodeType === 3 || (gone.nodeType === 1 && blockOf(gone) !== gone)) {
          const block = blockOf(target);
          if (block) roots.add(block);
        }
      }
    }
    const scannable = [...roots].filter((r) => !isInsideExcluded(r));
    if (scannable.length) this.enqueue(scannable);
    else if (removed) this.clearUnder([]);
  }

  private onVisibilityChange(): void {
    if (!this.running) return;
    const { doc, setTimeout, clearTimeout, hiddenStopMs } = this.opts;
    if (doc.visibilityState === "hidden") {
      if (this.hiddenTimer === null) this.hiddenTimer = setTimeout(() => this.sleep(), hiddenStopMs);
      return;
    }
    if (this.hiddenTimer !== null) clearTimeout(this.hiddenTimer);
    this.hiddenTimer = null;
    if (this.sleeping) this.wake();
  }

  /** A long-hidden tab stops paying for DOM changes it cannot show. */
  private sleep(): void {
    this.hiddenTimer = null;
    this.sleeping = true;
    this.observer?.disconnect();
    this.observer = null;
    this.cancelChunk?.();
    this.cancelChunk = null;
  }

  /** Shown again: whatever changed while asleep is unknown, so read the page once more. */
  private wake(): void {
    this.sleeping = false;
    this.observe();
    const { doc } = this.opts;
    this.enqueue([doc.body ?? doc.documentElement]);
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.running) return;
    const now = this.opts.now();
    // The first move after a pause is answered at once (hover latency); a stream of moves is
    // sampled once per frame (cost).
    if (this.pendingPointer === null && now - this.lastHitTestAt >= HIT_TEST_INTERVAL_MS) {
      this.pendingPointer = event;
      this.hitTestPending();
      return;
    }
    const first = this.pendingPointer === null;
    this.pendingPointer = event;
    if (first) this.opts.requestFrame(() => this.hitTestPending());
  }

  private onPointerOut(event: PointerEvent): void {
    // Leaving the window: nothing is under the pointer any more.
    if (event.relatedTarget === null) this.setPointerMention(null, event.clientX, event.clientY, event.timeStamp);
  }

  private hitTestPending(): void {
    const event = this.pendingPointer;
    this.pendingPointer = null;
    this.lastHitTestAt = this.opts.now();
    if (!event || !this.running) return;
    const target = event.target;
    // Over our own card the controller tracks the pointer; the page mention stays as it was.
    if (target instanceof Element && isCardHost(target)) return;
    const { clientX: x, clientY: y } = event;
    const mention = this.opts.hitTest ? this.opts.hitTest(x, y, target) : findMentionAtPoint(this.opts.doc, this.index, x, y);
    this.setPointerMention(mention, x, y, event.timeStamp);
  }

  private setPointerMention(mention: PageMention | null, clientX: number, clientY: number, timeStamp: number): void {
    if (mention === this.pointerMention) return;
    this.pointerMention = mention;
    this.events.emit("pointer", { mention, clientX, clientY, timeStamp });
  }
}

/** Whether the text holds at least two non-space characters (anything shorter names nothing), without copying it. */
function hasTwoVisibleChars(text: string): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && ++seen === 2) return true;
  }
  return false;
}

function isOurs(node: Node): boolean {
  if (isFallbackSpan(node)) return true;
  if (node.nodeType !== 1) return false;
  return isCardHost(node as Element);
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}

/** Drop roots that sit inside another root. */
function outermost(roots: Set<Element>): Element[] {
  return [...roots].filter((root) => {
    for (let p = root.parentNode; p; p = p.parentNode) if (roots.has(p as Element)) return false;
    return true;
  });
}
