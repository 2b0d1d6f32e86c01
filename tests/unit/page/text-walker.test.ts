// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { TextWalker } from "../../../lib/page/text-walker";

function walk(html: string): string[] {
  document.body.innerHTML = html;
  const out: string[] = [];
  // Entering and leaving blocks both end a run; back-to-back boundaries count as one.
  const walker = new TextWalker(document.body, () => out.at(-1) !== "|" && out.push("|"));
  // A block read whole shows as its text in brackets.
  for (let t = walker.next(); t; t = walker.next()) out.push(t.nodeType === 1 ? `[${t.textContent}]` : (t as Text).data);
  return out;
}

describe("text walker", () => {
  it("returns text nodes in document order and marks block boundaries", () => {
    expect(walk("<p>a<b>b</b>c</p><div>d<br>e</div>")).toEqual(["|", "[abc]", "|", "d", "|", "e", "|"]);
  });

  it("ends the run where a nested block ends, so text after it is a run of its own", () => {
    expect(walk("<div>a<p>b<i>c</i></p>d<span>e</span></div>f")).toEqual(["|", "a", "|", "[bc]", "|", "d", "e", "|", "f"]);
  });

  it("reads inline elements with attributes, and skips hidden or editable ones by their attributes", () => {
    expect(walk('<p><a href="#x" class="k">a</a><span contenteditable="false">b</span><span contenteditable="">c</span><b hidden>d</b>e</p>')).toEqual(["|", "a", "b", "e", "|"]);
    // Only inline elements, none hidden or editable: read whole.
    expect(walk('<p><a href="#x">a</a><span contenteditable="false">b</span><!-- c -->d</p>')).toEqual(["|", "[abd]", "|"]);
    expect(walk("<p>a<code>x</code>b</p><p>c<br>d</p>")).toEqual(["|", "a", "b", "|", "c", "|", "d", "|"]);
    // A word-break opportunity is not a word break.
    expect(walk("<p>Lukash<wbr>enka</p><div>Ціхано<wbr>ўская<p>x</p></div>")).toEqual(["|", "[Lukashenka]", "|", "Ціхано", "ўская", "|", "[x]", "|"]);
  });

  it("skips excluded subtrees entirely", () => {
    expect(walk("<p>a</p><script>x</script><div contenteditable>y<p>z</p></div><pre>q</pre><p hidden>h</p><span>s</span>")).toEqual(["|", "[a]", "|", "s"]);
  });

  it("stays inside its root and ends cleanly", () => {
    document.body.innerHTML = "<p id=r>in<i>side</i></p><p>out</p>";
    const walker = new TextWalker(document.getElementById("r")!, () => {});
    expect([walker.next()?.textContent, walker.next()?.textContent, walker.next(), walker.next()]).toEqual(["in", "side", null, null]);
  });

  it("ends instead of failing when the node it stood on was removed", () => {
    document.body.innerHTML = "<div id=r><div><span>one</span><br></div><p>two</p></div>";
    const walker = new TextWalker(document.getElementById("r")!, () => {});
    const first = walker.next()!;
    expect(first.textContent).toBe("one");
    first.parentNode!.parentNode!.parentNode!.removeChild(first.parentNode!.parentNode!);
    expect(walker.next()).toBeNull();
  });
});

describe("text walker on a page that changes between calls", () => {
  it("still ends the run where a block ends after the page moved the node it stood on", () => {
    document.body.innerHTML = '<div id=root><div id=a><br><span id=s>Alaksandr </span></div>Lukashenka</div>';
    const out: string[] = [];
    const walker = new TextWalker(document.getElementById("root")!, () => out.at(-1) !== "|" && out.push("|"));
    for (let t = walker.next(); t; t = walker.next()) {
      out.push(t.nodeType === 1 ? `[${t.textContent}]` : (t as Text).data);
      // The page unwraps the span right after its text was read.
      const span = document.getElementById("s");
      if (span) span.replaceWith(...span.childNodes);
    }
    expect(out).toEqual(["|", "Alaksandr ", "|", "Lukashenka"]);
  });
});
