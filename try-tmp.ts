import { compileGazetteer } from "./lib/spot/compile";
import { createMatcher } from "./lib/spot/match";
import { loadDefaultEntities } from "./lib/spot/gazetteer";
const t0 = performance.now(); const c = compileGazetteer(loadDefaultEntities()); const t1 = performance.now();
const json = JSON.stringify(c); const t2 = performance.now(); const m = createMatcher(JSON.parse(json)); const t3 = performance.now();
console.log(c.stats, "json", json.length, "compile", (t1-t0).toFixed(0), "load", (t3-t2).toFixed(1));
