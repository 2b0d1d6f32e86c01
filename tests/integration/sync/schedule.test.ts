import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextRetryDelay } from "../../../lib/sync/schedule";

describe("nextRetryDelay", () => {
  it("starts at one minute and doubles per consecutive failure", () => {
    expect(nextRetryDelay(1)).toBe(60_000);
    expect(nextRetryDelay(2)).toBe(120_000);
    expect(nextRetryDelay(3)).toBe(240_000);
    expect(nextRetryDelay(6)).toBe(32 * 60_000);
  });

  it("never exceeds six hours, however many failures", () => {
    expect(nextRetryDelay(9)).toBe(256 * 60_000);
    expect(nextRetryDelay(10)).toBe(MAX_RETRY_MS);
    expect(nextRetryDelay(Number.POSITIVE_INFINITY)).toBe(MAX_RETRY_MS);
    expect(nextRetryDelay(1_000_000)).toBe(MAX_RETRY_MS);
    expect(MAX_RETRY_MS).toBe(6 * 60 * 60_000);
  });

  it("treats zero, negative and NaN counts as the first retry", () => {
    for (const n of [0, -3, Number.NaN]) expect(nextRetryDelay(n)).toBe(FIRST_RETRY_MS);
  });

  it("never shrinks as failures grow", () => {
    for (let n = 1; n < 40; n++) expect(nextRetryDelay(n + 1)).toBeGreaterThanOrEqual(nextRetryDelay(n));
  });
});
