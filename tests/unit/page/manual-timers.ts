/** Timers driven by hand: tests advance a clock instead of sleeping. */
export function manualTimers() {
  const clock = { now: 0 };
  const timers = new Map<number, { at: number; cb: () => void }>();
  const frames: Array<() => void> = [];
  let next = 1;
  return {
    clock,
    setTimeout: (cb: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: clock.now + ms, cb });
      return id;
    },
    clearTimeout: (id: number) => void timers.delete(id),
    requestFrame: (cb: () => void) => void frames.push(cb),
    now: () => clock.now,
    /** Move the clock forward, firing timers that fall due in order. */
    advance(ms: number) {
      const end = clock.now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        clock.now = Math.max(clock.now, due[1].at);
        due[1].cb();
      }
      clock.now = end;
    },
    runFrames() {
      for (const f of frames.splice(0)) f();
    },
    pending: () => timers.size,
  };
}
