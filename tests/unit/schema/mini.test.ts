import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as archive from "../../../lib/schema";
import * as page from "../../../lib/schema/mini";

const urls = [
  "https://example.org/minsk",
  "http://example.org",
  "HTTPS://EXAMPLE.ORG/a?b=c#d",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "ftp://example.org/file",
  "mailto:someone@example.org",
  "//example.org/no-scheme",
  "/relative/path",
  "https://",
  " https://example.org",
  "",
];

describe("the content script's schemas agree with the archive's", () => {
  it("accepts and rejects the same URLs as the archive's HttpUrl", () => {
    for (const url of urls) {
      expect({ url, ok: page.HttpUrl.safeParse(url).success }).toEqual({ url, ok: archive.HttpUrl.safeParse(url).success });
    }
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.anything()), (value) => {
        expect(page.HttpUrl.safeParse(value).success).toBe(archive.HttpUrl.safeParse(value).success);
      }),
    );
  });

  it("rejects a javascript: link with the archive's message", () => {
    const result = page.HttpUrl.safeParse("javascript:alert(1)");

    expect(result.success).toBe(false);
    expect(page.z.prettifyError(result.error!)).toContain(page.HTTP_URL_ONLY);
  });

  it("knows the same entity types", () => {
    expect(page.ENTITY_TYPES).toBe(archive.ENTITY_TYPES);
    for (const type of [...archive.ENTITY_TYPES, "planet", "", 3, null]) {
      expect(page.EntityType.safeParse(type).success).toBe(archive.EntityType.safeParse(type).success);
    }
  });
});
