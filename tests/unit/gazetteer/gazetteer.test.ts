import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Entity, LANGS } from "../../../lib/schema";

const DIR = path.resolve("data/gazetteer");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const byFile = new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as unknown[]]));
const all = [...byFile.values()].flat();

describe("gazetteer data", () => {
  it("has the people, organisation/event and place files", () => {
    expect(files).toEqual(expect.arrayContaining(["orgs.json", "people.json", "places.json"]));
  });

  it("validates every entity against the Entity schema", () => {
    const problems = all.flatMap((e, i) => {
      const r = Entity.safeParse(e);
      return r.success ? [] : [`${(e as { id?: string }).id ?? `#${i}`}: ${r.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`];
    });
    expect(problems).toEqual([]);
  });

  it("holds at least 300 entities with unique ids", () => {
    const ids = all.map((e) => (e as Entity).id);
    expect(ids.length).toBeGreaterThanOrEqual(300);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(files)("keeps %s sorted by id, ids matching their type", (f) => {
    const list = byFile.get(f) as Entity[];
    const ids = list.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    for (const e of list) expect(e.id.startsWith(`${e.type}/`)).toBe(true);
  });

  it("references only existing entities in related", () => {
    const ids = new Set(all.map((e) => (e as Entity).id));
    const dangling = (all as Entity[]).flatMap((e) => (e.related ?? []).filter((r) => !ids.has(r)).map((r) => `${e.id} → ${r}`));
    expect(dangling).toEqual([]);
  });

  it("lists weak labels only among the entity's own labels", () => {
    const bad = (all as Entity[]).flatMap((e) => {
      const labels = new Set(Object.values(e.labels).flat());
      return (e.context?.weakLabels ?? []).filter((w) => !labels.has(w)).map((w) => `${e.id}: ${w}`);
    });
    expect(bad).toEqual([]);
  });

  it("gives every entity an English label and labels in at least four languages", () => {
    const thin = (all as Entity[]).filter((e) => !e.labels.en?.length || LANGS.filter((l) => e.labels[l]?.length).length < 4).map((e) => e.id);
    expect(thin).toEqual([]);
  });

  it("has no label that is only a lower-case common word", () => {
    // A label like "весна" or "mir" would fire on ordinary prose; such names must be capitalised or quoted forms.
    const bad = (all as Entity[]).flatMap((e) =>
      Object.values(e.labels).flat().filter((l) => /^[\p{Ll}]+$/u.test(l)).map((l) => `${e.id}: ${l}`),
    );
    expect(bad).toEqual([]);
  });
});
