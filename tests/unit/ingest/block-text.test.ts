import { describe, expect, it } from "vitest";
import { lineFromHtmlOrText, looksLikeMarkup, paragraphsFromElement, paragraphsFromHtmlOrText } from "@/lib/ingest/block-text";
import { parseHtmlDocument } from "@/lib/ingest/dom-parse";

describe("paragraph text from markup", () => {
  it("splits at block elements and keeps inline text together", () => {
    const doc = parseHtmlDocument(
      "<div><h2>Head</h2><p>One <b>bold</b> and <a href='x'>linked</a>.</p><ul><li>a</li><li>b <i>c</i></li></ul><blockquote><p>Quote</p></blockquote>tail<br>after</div>",
    );
    expect(paragraphsFromElement(doc.body)).toEqual(["Head", "One bold and linked.", "a", "b c", "Quote", "tail", "after"]);
  });

  it("drops scripts, styles, forms and captions", () => {
    const doc = parseHtmlDocument(
      "<p>Kept</p><script>evil()</script><style>p{}</style><figure><img src=x><figcaption>Caption</figcaption></figure><form><button>Go</button></form>",
    );
    expect(paragraphsFromElement(doc.body)).toEqual(["Kept"]);
  });

  it("treats plain text as paragraphs split at blank lines, decoding entities", () => {
    expect(paragraphsFromHtmlOrText("First line\ncontinues.\n\nSecond &amp; last.")).toEqual(["First line continues.", "Second & last."]);
    expect(paragraphsFromHtmlOrText("a < b and c > d")).toEqual(["a < b and c > d"]);
  });

  it("parses HTML strings and never returns markup", () => {
    expect(paragraphsFromHtmlOrText("<p>A &lt;b&gt; tag</p><p onclick='x()'>B</p>")).toEqual(["A <b> tag", "B"]);
    expect(lineFromHtmlOrText("Lukashenko signs <em>new</em> law")).toBe("Lukashenko signs new law");
    expect(looksLikeMarkup("<p>x</p>")).toBe(true);
    expect(looksLikeMarkup("3 < 4")).toBe(false);
  });
});
