// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { TextWalker } from "../../../lib/page/text-walker";

function walk(html: string): string[] {
  document.body.innerHTML = html;
  const out: string[] = [];
  // Entering and leaving blocks both end a run; back-to-back boundaries count as one.
  const walker = new TextWalker(document.body, () => out.at(-1) !== "|" && out.push("|"));
  for (let t = walker.nextText(); t; t = walker.nextText()) out.push(t.data);
  return out;
}

describe("text walker", () => {
  it("returns text nodes in document order and marks block boundaries", () => {
    expect(walk("<p>a<b>b</b>c</p><div>d<br>e</div>")).toEqual(["|", "a", "b", "c", "|", "d", "|", "e", "|"]);
  });

  it("ends the run where a nested block ends, so text after it is a run of its own", () => {
    expect(walk("<div>a<p>b<i>c</i></p>d<span>e</span></div>f")).toEqual(["|", "a", "|", "b", "c", "|", "d", "e", "|", "f"]);
  });

  it("reads inline elements with attributes, and skips hidden or editable ones by their attributes", () => {
    expect(walk('<p><a href="#x" class="k">a</a><span contenteditable="false">b</span><span contenteditable="">c</span><b hidden>d</b>e</p>')).toEqual(["|", "a", "b", "e", "|"]);
  });

  it("skips excluded subtrees entirely", () => {
    expect(walk("<p>a</p><script>x</script><div contenteditable>y<p>z</p></div><pre>q</pre><p hidden>h</p><span>s</span>")).toEqual(["|", "a", "|", "s"]);
  });

  it("stays inside its root and ends cleanly", () => {
    document.body.innerHTML = "<p id=r>in<i>side</i></p><p>out</p>";
    const walker = new TextWalker(document.getElementById("r")!, () => {});
    expect([walker.nextText()?.data, walker.nextText()?.data, walker.nextText(), walker.nextText()]).toEqual(["in", "side", null, null]);
  });

  it("ends instead of failing when the node it stood on was removed", () => {
    document.body.innerHTML = "<div id=r><p>one</p><p>two</p></div>";
    const walker = new TextWalker(document.getElementById("r")!, () => {});
    const first = walker.nextText()!;
    first.parentNode!.parentNode!.removeChild(first.parentNode!);
    expect(walker.nextText()).toBeNull();
  });
});
