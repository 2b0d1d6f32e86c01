// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { appendToRun, createTextRun, nodesBetween, positionInRun } from "../../../lib/page/text-run";

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
});
