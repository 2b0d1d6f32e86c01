import { describe, expect, it } from "vitest";
import { base64ToBytes, base64ToInt32, bytesToBase64, int32ToBase64 } from "../../../lib/spot/typed-base64";

describe("typed-base64", () => {
  it("round-trips Int32 arrays including negatives and large sizes", () => {
    const values = Int32Array.from({ length: 70_000 }, (_, i) => (i % 2 === 0 ? -i * 7919 : i * 104729) | 0);
    expect(Array.from(base64ToInt32(int32ToBase64(values)))).toEqual(Array.from(values));
  });

  it("writes standard base64 of exactly the view's bytes", () => {
    const whole = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255);
    const view = whole.subarray(5, 261);
    expect(bytesToBase64(view)).toBe(btoa(String.fromCharCode(...view)));
    expect(Array.from(base64ToBytes(bytesToBase64(view)))).toEqual(Array.from(view));
  });

  it("refuses a byte string that is not a whole number of Int32 values", () => {
    expect(() => base64ToInt32(btoa("abcde"))).toThrow(/damaged/);
  });
});
