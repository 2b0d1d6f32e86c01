/**
 * A matching thread of `briefings spot`: loads the same compiled gazetteer as the main thread,
 * then matches the pieces of text it is sent (spot-piece.ts) until it is terminated.
 */

/**
 * Warm-up until the first piece comes: up to WARM_UP_ROUNDS rounds of matching the warm-up
 * text repeated to about WARM_UP_CHARS, as a piece (anchors appended, counted and listed). A
 * fresh thread matches its first pieces several times slower than later ones while the engine
 * optimises the matcher's code, and a short text does not take the paths of a long one (the
 * cue index, grown lists). The thread is ready before the main thread has read the text and
 * spends that wait here.
 */
const WARM_UP_ROUNDS = 12;
const WARM_UP_CHARS = 200_000;
import { readFileSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { createStoredMatcher, type Matcher } from "../../lib/spot/match";
import { StrongLabels } from "./spot-anchors";
import type { FromThread, ToThread } from "./spot-messages";
import { matchPiece, pieceMatcher, type PieceMatcher } from "./spot-piece";

export function serveSpotPieces(port: MessagePort): void {
  // The results' typed arrays are handed over (detached) when a piece is answered. The first
  // ArrayBuffer detached in a thread makes the engine discard all of its optimised code that
  // reads typed arrays (compiled on the promise that none ever is), which is nearly all of
  // the matcher: the piece after the first one ran 3–5 times slower while it was compiled
  // again. Detaching one here, before any of it is compiled, spares that.
  const spent = new ArrayBuffer(8);
  structuredClone(spent, { transfer: [spent] });
  let loaded: { file: string; matcher: Matcher; strong: StrongLabels } | undefined;
  let pm: PieceMatcher | undefined;
  let pieceSeen = false;
  let warming = false;
  const load = (file: string) => {
    // The CLI's own cache, which the main thread loads too.
    const matcher = createStoredMatcher(JSON.parse(readFileSync(file, "utf8")));
    loaded = { file, matcher, strong: new StrongLabels(matcher) };
    return loaded;
  };
  // One round per turn of the event loop, so a piece that arrives waits one round at most.
  const warmUp = (text: string) => {
    if (warming || text === "") return;
    warming = true;
    const piece = text.repeat(Math.ceil(WARM_UP_CHARS / text.length));
    let rounds = 0;
    const round = () => {
      if (pieceSeen || rounds++ >= WARM_UP_ROUNDS || pm === undefined) return;
      matchPiece(pm, piece, 0, piece.length, rounds % 2 === 0);
      setImmediate(round);
    };
    setImmediate(round);
  };
  const reply = (message: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on("message", (message: ToThread) => {
    if (message.type === "load") {
      // A head start while the main thread loads the gazetteer itself: init names the file
      // for certain, and any failure here is reported then.
      try {
        const { matcher, strong } = load(message.compiledFile);
        pm = pieceMatcher(matcher, strong, "");
        warmUp(message.warmUp);
      } catch {
        loaded = undefined;
        pm = undefined;
      }
      return;
    }
    try {
      if (message.type === "init") {
        const { matcher, strong } = loaded?.file === message.compiledFile ? loaded : load(message.compiledFile);
        const ids = matcher.entities().map((e) => e.id).join("\n");
        if (ids !== message.entityIds) throw new Error(`${message.compiledFile} holds another gazetteer than the main thread's`);
        // The anchors come from the main thread: the same gazetteer and matcher code give the same block.
        pm = pieceMatcher(matcher, strong, message.anchors);
        reply({ type: "ready" });
        warmUp(message.warmUp);
        return;
      }
      if (pm === undefined) throw new Error("a piece arrived before the gazetteer was loaded");
      pieceSeen = true;
      const result = matchPiece(pm, message.run, message.lead, message.coreLength, message.counting);
      // Handed over, not copied: the thread does not use them again.
      const { starts, ends, entities, counts, strongPerson, weakPossessive } = result;
      reply({ type: "result", id: message.id, result }, [starts, ends, entities, counts, strongPerson, weakPossessive].map((a) => a.buffer));
    } catch (error) {
      reply({ type: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  });
}
