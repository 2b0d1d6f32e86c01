import { describe, expect, it } from "vitest";
import { parsePrintedDate } from "@/lib/ingest/printed-date";

describe("parsePrintedDate", () => {
  it("reads English dates with and without time", () => {
    expect(parsePrintedDate("May 31, 2016 11:51")).toEqual({ dateText: "May 31, 2016 11:51", published: "2016-05-31T11:51" });
    expect(parsePrintedDate("October 02, 2017 12:22")?.published).toBe("2017-10-02T12:22");
    expect(parsePrintedDate("Sept 3, 2021")?.published).toBe("2021-09-03");
    expect(parsePrintedDate("5 March 2024")?.published).toBe("2024-03-05");
  });

  it("reads periods: start is published, end is periodEnd", () => {
    expect(parsePrintedDate("July 24 – July 30, 2023")).toEqual({
      dateText: "July 24 – July 30, 2023",
      published: "2023-07-24",
      periodEnd: "2023-07-30",
    });
    expect(parsePrintedDate("July 24 - 30, 2023")?.periodEnd).toBe("2023-07-30");
    expect(parsePrintedDate("December 28 – January 3, 2024")).toMatchObject({ published: "2023-12-28", periodEnd: "2024-01-03" });
    expect(parsePrintedDate("24 – 30 июля 2023")).toMatchObject({ published: "2023-07-24", periodEnd: "2023-07-30" });
  });

  it("reads Russian, Belarusian, Ukrainian and numeric dates", () => {
    expect(parsePrintedDate("31 мая 2016, 11:51")?.published).toBe("2016-05-31T11:51");
    expect(parsePrintedDate("2 марта 2020 г.")?.published).toBe("2020-03-02");
    expect(parsePrintedDate("24 ліпеня 2023")?.published).toBe("2023-07-24");
    expect(parsePrintedDate("24 липня 2023")?.published).toBe("2023-07-24");
    expect(parsePrintedDate("12 лістапада 2022")?.published).toBe("2022-11-12");
    expect(parsePrintedDate("31.05.2016 11:51")?.published).toBe("2016-05-31T11:51");
  });

  it("refuses what is not a complete, real date", () => {
    expect(parsePrintedDate("July 15 – July 21")).toBeUndefined();
    expect(parsePrintedDate("February 30, 2023")).toBeUndefined();
    expect(parsePrintedDate("May 31, 2016 25:10")).toBeUndefined();
    expect(parsePrintedDate("Mayor 3, 2016")).toBeUndefined();
    expect(parsePrintedDate("On May 31, 2016 the president spoke")).toBeUndefined();
    expect(parsePrintedDate("Belarus-West relations")).toBeUndefined();
    expect(parsePrintedDate("July 30 – July 24, 2023")).toBeUndefined();
  });
});
