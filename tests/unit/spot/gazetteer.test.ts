import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileGazetteer } from "../../../lib/spot/compile";
import { GAZETTEER_FILES, loadDefaultEntities, parseGazetteerFile } from "../../../lib/spot/gazetteer";
import { createMatcher } from "../../../lib/spot/match";

const dir = join(__dirname, "../../../data/gazetteer");

describe("default gazetteer", () => {
  it("imports every JSON file in data/gazetteer", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
    expect(Object.keys(GAZETTEER_FILES).sort()).toEqual(files);
  });

  it("loads valid, unique, sorted entities from the files on disk", () => {
    const entities = loadDefaultEntities();
    const onDisk = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown[]);
    expect(entities.length).toBe(onDisk.length);
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("names the file and entry when a gazetteer file is invalid", () => {
    expect(() => parseGazetteerFile("people.json", [{ id: "Bad Id" }])).toThrow(/people\.json.*0\.id/);
  });

  it("compiles and spots the best-known names", () => {
    const m = createMatcher(compileGazetteer(loadDefaultEntities()));
    const ids = m.find("Лукашенко прилетел в Минск. Tsikhanouskaya spoke about Belarus.").map((x) => x.entityId);
    expect(ids).toEqual(["person/alexander-lukashenko", "place/minsk", "person/sviatlana-tsikhanouskaya", "place/belarus"]);
  });
});
