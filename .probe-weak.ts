import fs from "node:fs";
import { latinVariants } from "./lib/text/translit";
import { fold } from "./lib/text/fold";
const a = JSON.parse(fs.readFileSync("data/gazetteer/places.json", "utf8"));
for (const e of a) {
  const weak = new Set((e.context?.weakLabels ?? []).map((w: string) => fold(w)));
  if (weak.size === 0) continue;
  for (const lang of ["ru", "be", "uk"] as const) for (const l of e.labels[lang] ?? []) {
    if (weak.has(fold(l))) continue;
    for (const v of latinVariants(l, lang)) if (weak.has(fold(v.text))) console.log(e.id, lang, l, "->", v.text);
  }
}
