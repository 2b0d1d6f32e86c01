import fs from "node:fs";
import { compileGazetteer } from "./lib/spot/compile";
import { createMatcher } from "./lib/spot/match";
import { loadDefaultEntities } from "./lib/spot/gazetteer";
const m = createMatcher(compileGazetteer(loadDefaultEntities()));
const counts = new Map<string, number>();
for (const f of fs.readdirSync("data/seeds")) for (const x of m.find(fs.readFileSync(`data/seeds/${f}`, "utf8"))) if (x.entityId.startsWith("place/")) counts.set(`${x.entityId} "${x.text}"`, (counts.get(`${x.entityId} "${x.text}"`) ?? 0) + 1);
console.log([...counts].map(([k, v]) => `${v}× ${k}`).join("\n"));
