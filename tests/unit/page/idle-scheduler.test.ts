import { describe, expect, it } from "vitest";
import { createIdleScheduler } from "../../../lib/page/idle-scheduler";
import { createEmitter } from "../../../lib/page/events";

describe("idle scheduler", () => {
  it("uses requestIdleCallback with a timeout, and can cancel", () => {
    const calls: Array<{ options?: IdleRequestOptions }> = [];
    const cancelled: number[] = [];
    let pending: IdleRequestCallback | null = null;
    const scheduler = createIdleScheduler({
      requestIdleCallback: (cb, options) => ((pending = cb), calls.push({ options }), 7),
      cancelIdleCallback: (h) => void cancelled.push(h),
      setTimeout: () => {
        throw new Error("timer fallback must not be used");
      },
      clearTimeout: () => {},
      now: () => 0,
    });
    let left = -1;
    const cancel = scheduler.request((d) => (left = d.timeRemaining()));
    expect(calls[0]!.options?.timeout).toBeGreaterThan(0);
    pending!({ didTimeout: false, timeRemaining: () => 12 });
    expect(left).toBe(12);
    cancel();
    expect(cancelled).toEqual([7]);
  });

  it("falls back to a timer with a short pretend idle period", () => {
    let clock = 100;
    let fire: (() => void) | null = null;
    const scheduler = createIdleScheduler({ setTimeout: (cb) => ((fire = cb), 1), clearTimeout: () => {}, now: () => clock });
    const seen: number[] = [];
    scheduler.request((d) => {
      seen.push(d.timeRemaining());
      clock += 5;
      seen.push(d.timeRemaining());
      clock += 50;
      seen.push(d.timeRemaining());
    });
    fire!();
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).toBe(seen[0]! - 5);
    expect(seen[2]).toBe(0);
  });
});

describe("event emitter", () => {
  it("delivers typed payloads to listeners until they unsubscribe", () => {
    const emitter = createEmitter<{ found: { n: number }; cleared: { n: number } }>();
    const got: number[] = [];
    const off = emitter.on("found", ({ n }) => got.push(n));
    emitter.on("cleared", ({ n }) => got.push(-n));
    emitter.emit("found", { n: 1 });
    emitter.emit("cleared", { n: 2 });
    off();
    emitter.emit("found", { n: 3 });
    expect(got).toEqual([1, -2]);
  });
});
