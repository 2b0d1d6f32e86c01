// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { appendToRun, createBlockRun, createTextRun, nodesBetween, positionInRun } from "../../../lib/page/text-run";

function runOf(...parts: string[]) {
  const run = createTextRun();
  const nodes = parts.map((p) => document.createTextNode(p));
  nodes.forEach((n) => appendToRun(run, n));
  return { run, nodes };
}

describe("text runs", () => {
  it("concatenates the nodes' text", () => {
    const { run } = runOf("Alaksandr", " ", "Lukashenka");
    expect(run.text).toBe("Alaksandr Lukashenka");
    expect(run.starts).toEqual([0, 9, 10]);
  });

  it("maps a match start on a node boundary into the later node and an end into the earlier one", () => {
    const { run, nodes } = runOf("met ", "Minsk", " officials");
    const start = positionInRun(run, 4, "start");
    const end = positionInRun(run, 9, "end");
    expect(start).toMatchObject({ node: nodes[1], offset: 0 });
    expect(end).toMatchObject({ node: nodes[1], offset: 5 });
    expect(nodesBetween(run, start, end)).toEqual([nodes[1]]);
  });

  it("maps offsets inside nodes and spans several nodes", () => {
    const { run, nodes } = runOf("President Alak", "sandr Luka", "shenka said");
    const start = positionInRun(run, 10, "start");
    const end = positionInRun(run, 30, "end");
    expect(start).toMatchObject({ node: nodes[0], offset: 10 });
    expect(end).toMatchObject({ node: nodes[2], offset: 6 });
    expect(nodesBetween(run, start, end)).toEqual(nodes);
  });

  it("steps over empty nodes at a boundary", () => {
    const { run, nodes } = runOf("a ", "", "Minsk");
    expect(positionInRun(run, 2, "start")).toMatchObject({ node: nodes[2], offset: 0 });
  });

  it("reads a block whole and finds its text nodes only as far as a match needs", () => {
    document.body.innerHTML = "<p id=p>met <b>Alaksandr</b><i></i> Luka<a href=#>shenka</a> in Minsk</p>";
    const p = document.getElementById("p")!;
    const run = createBlockRun(p);
    expect(run.text).toBe("met Alaksandr Lukashenka in Minsk");
    const start = positionInRun(run, 4, "start");
    expect(start).toMatchObject({ node: p.querySelector("b")!.firstChild, offset: 0 });
    // Nothing past the first match's node has been visited yet.
    expect(run.nodes.map((n) => n.data)).toEqual(["met ", "Alaksandr"]);
    const end = positionInRun(run, 24, "end");
    expect(end).toMatchObject({ node: p.querySelector("a")!.firstChild, offset: 6 });
    expect(nodesBetween(run, start, end).map((n) => n.data)).toEqual(["Alaksandr", " Luka", "shenka"]);
    expect(positionInRun(run, 28, "start")).toMatchObject({ node: p.lastChild, offset: 4 });
    expect(positionInRun(run, 33, "end")).toMatchObject({ node: p.lastChild, offset: 9 });
  });

  it("maps a block's offsets to the same places as a run built node by node", () => {
    document.body.innerHTML = "<p id=p>a<b></b><i>bc</i>d<span>e<b>f</b></span>gh</p>";
    const p = document.getElementById("p")!;
    const byNode = createTextRun();
    const walker = document.createTreeWalker(p, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) appendToRun(byNode, n as Text);
    for (let offset = 0; offset <= byNode.text.length; offset++) {
      for (const edge of ["start", "end"] as const) {
        const block = createBlockRun(p);
        const a = positionInRun(block, offset, edge);
        const b = positionInRun(byNode, offset, edge);
        expect([a.node, a.offset]).toEqual([b.node, b.offset]);
      }
    }
  });
});
