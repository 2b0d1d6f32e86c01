import fs from "node:fs";
import { latinVariants } from "./lib/text/translit";
import { fold } from "./lib/text/fold";
const a = JSON.parse(fs.readFileSync("data/gazetteer/places.json", "utf8"));
const out = new Set<string>();
for (const e of a) {
  const weak = new Set((e.context?.weakLabels ?? []).map((w: string) => fold(w)));
  for (const lang of ["ru", "be", "uk"] as const) for (const l of e.labels[lang] ?? []) {
    if (weak.has(fold(l)) || /\s/.test(l)) continue;
    for (const v of latinVariants(l, lang)) if (v.text.length <= 7) out.add(v.text);
  }
}
console.log([...out].sort().join(" "));
