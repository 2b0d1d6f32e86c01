import { describe, expect, it } from "vitest";
import {
  isBoilerplateLine,
  isByline,
  isCreditedCaption,
  isLanguageSwitcher,
  isPhotoCredit,
  isSegmentBreak,
  isTailMarker,
  isTitleCaption,
} from "@/lib/ingest/seed-boilerplate";

describe("seed page furniture", () => {
  it("knows where the trailing navigation starts", () => {
    for (const line of ["Pay attention", "Our partners", "Subscribe to our newsletter", "You have been successfully subscribed", "Recent trends", "Subscribe to us"]) {
      expect(isTailMarker(line), line).toBe(true);
    }
    expect(isTailMarker("Our partners in Vilnius said the talks were useful.")).toBe(false);
  });

  it("knows the heading that starts the next article", () => {
    expect(isSegmentBreak("Similar articles")).toBe(true);
    expect(isSegmentBreak("Похожие статьи")).toBe(true);
    expect(isSegmentBreak("Similar articles were published elsewhere.")).toBe(false);
  });

  it("recognises language switchers", () => {
    for (const line of ["ua en ru", "EN", "BE/RU", "ru | by | en"]) expect(isLanguageSwitcher(line), line).toBe(true);
    for (const line of ["Belarus", "en route to Minsk", ""]) expect(isLanguageSwitcher(line), line).toBe(false);
  });

  it("recognises photo credits and credited captions", () => {
    expect(isPhotoCredit("Фото: RFRM")).toBe(true);
    expect(isPhotoCredit("Photo: Reuters")).toBe(true);
    expect(isPhotoCredit("Photography is a hobby of the minister.")).toBe(false);
    expect(isCreditedCaption("Alexander Lukashenko, President of Belarus (photo: Getty Images)")).toBe(true);
    expect(isCreditedCaption("The president spoke (see photo) at length.")).toBe(false);
  });

  it("recognises a caption that repeats the title", () => {
    const title = "Lukashenko seeks way out of isolation, reopens contacts with EU";
    expect(isTitleCaption(`${title} Alexander Lukashenko, President of Belarus (photo: Getty Images)`, title)).toBe(true);
    expect(isTitleCaption(title, title)).toBe(true);
    expect(isTitleCaption(`${title}, analysts say, but nobody believes it.`, title)).toBe(false);
  });

  it("recognises bylines and one-line buttons", () => {
    expect(isByline("by")).toBe(true);
    expect(isByline("By Anna Kowalska")).toBe(true);
    expect(isByline("By 2025, the plant will be finished.")).toBe(false);
    for (const line of ["Read more", "View all", "Subscribe", "Read more »"]) expect(isBoilerplateLine(line), line).toBe(true);
    expect(isBoilerplateLine("Read more about the sanctions in our report.")).toBe(false);
  });
});
