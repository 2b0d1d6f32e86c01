import { describe, expect, it } from "vitest";
import { toIsoDate } from "@/lib/ingest/iso-date";

describe("toIsoDate", () => {
  it("keeps ISO 8601 dates and date-times", () => {
    expect(toIsoDate("2024-03-05T09:30:00+01:00")).toBe("2024-03-05T09:30:00+01:00");
    expect(toIsoDate(" 2024-03-05 ")).toBe("2024-03-05");
    expect(toIsoDate("2024-03-05 09:30:00")).toBe("2024-03-05T09:30:00");
    expect(toIsoDate("2024-06-01T10:00:00.250Z")).toBe("2024-06-01T10:00:00.250Z");
  });

  it("converts RFC 822 dates from RSS, keeping the offset", () => {
    expect(toIsoDate("Tue, 14 May 2024 10:15:00 +0200")).toBe("2024-05-14T10:15:00+02:00");
    expect(toIsoDate("Wed, 15 May 2024 07:00:00 GMT")).toBe("2024-05-15T07:00:00Z");
    expect(toIsoDate("15 May 2024 07:00 EST")).toBe("2024-05-15T07:00-05:00");
    expect(toIsoDate("Sat, 01 Jan 99 00:00:00 GMT")).toBe("1999-01-01T00:00:00Z");
  });

  it("gives undefined instead of guessing", () => {
    expect(toIsoDate("yesterday")).toBeUndefined();
    expect(toIsoDate("2024-02-30")).toBeUndefined();
    expect(toIsoDate("Tue, 31 Feb 2024 10:00:00 GMT")).toBeUndefined();
    expect(toIsoDate("")).toBeUndefined();
    expect(toIsoDate(undefined)).toBeUndefined();
  });
});
