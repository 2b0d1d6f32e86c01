import { describe, expect, it } from "vitest";
import { visibleTextFromHtml } from "../../../lib/spot/visible-text-node";

describe("visibleTextFromHtml", () => {
  it("puts line breaks between blocks so adjacent words do not merge", () => {
    expect(visibleTextFromHtml("<p>Minsk</p><p>Brest</p><div>Lida<br>Mir</div>")).toBe("Minsk\n\nBrest\n\nLida\n\nMir");
  });

  it("joins inline elements inside a word", () => {
    expect(visibleTextFromHtml("<p>Łuka<em>szenka</em> w <a href='x'>Mińsku</a></p>")).toBe("Łukaszenka w Mińsku");
  });

  it("never includes comments, attribute values, scripts, styles or the head", () => {
    const html = `<html><head><title>Title Minsk</title><style>.x{}</style></head><body>
      <p title="Lukashenka" data-x="Brest">Text<!-- Lida --></p><script>var mir = 1</script>
      <noscript>Pinsk</noscript><template><p>Homel</p></template><code>Orsha</code></body></html>`;
    expect(visibleTextFromHtml(html)).toBe("Text");
  });

  it("skips editable and hidden regions", () => {
    expect(visibleTextFromHtml('<div contenteditable="true">draft</div><p hidden>x</p><p>kept</p>')).toBe("kept");
  });
});
