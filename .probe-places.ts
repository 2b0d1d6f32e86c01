import fs from "node:fs";
import { compileGazetteer } from "./lib/spot/compile";
import { createMatcher } from "./lib/spot/match";
import { loadDefaultEntities } from "./lib/spot/gazetteer";
const m = createMatcher(compileGazetteer(loadDefaultEntities()));
const lines = fs.readFileSync(process.argv[2]!, "utf8").split("\n").filter((l) => l.trim());
for (const l of lines) {
  const found = m.find(l).map((x) => `${x.text}→${x.entityId}`);
  console.log((found.length ? found.join(", ") : "-") + "   ‖ " + l.slice(0, 90));
}
