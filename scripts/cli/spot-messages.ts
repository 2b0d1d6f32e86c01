/**
 * Messages between `briefings spot` and its matching threads (spot-thread.ts). Both sides are
 * this program, but a thread can still fail half-way or run other code than the main thread
 * (a rebuilt bundle, a changed gazetteer): replies are validated before they are trusted.
 */
import { z } from "zod";

/** Main thread → matching thread. */
export type ToThread =
  /**
   * Load `compiledFile`, the gazetteer the main thread is about to load, and warm up on
   * `warmUp`: a head start; init follows and says for certain.
   */
  | { type: "load"; compiledFile: string; warmUp: string }
  /**
   * Load the compiled gazetteer from `compiledFile` (its entities must be `entityIds`); match
   * pieces with `anchors`; until the first piece comes, warm the matcher's code up on `warmUp`.
   */
  | { type: "init"; compiledFile: string; entityIds: string; anchors: string; warmUp: string }
  /** Match `run` (anchors appended) and keep the mentions starting in [lead, lead + coreLength). */
  | { type: "piece"; id: number; run: string; lead: number; coreLength: number; counting: boolean };

const Int32 = z.instanceof(Int32Array);
const Uint8 = z.instanceof(Uint8Array);

export const PieceResultMessage = z.object({
  count: z.number().int().nonnegative(),
  starts: Int32,
  ends: Int32,
  entities: Int32,
  counts: Int32,
  strongAny: z.number().int().min(0).max(2),
  strongPerson: Uint8,
  weakPossessive: Uint8,
});

/** Matching thread → main thread. */
export const FromThread = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("result"), id: z.number().int().nonnegative(), result: PieceResultMessage }),
  z.object({ type: z.literal("failed"), error: z.string() }),
]);
export type FromThread = z.infer<typeof FromThread>;
