import { describe, expect, it } from "vitest";
import { LANGS } from "../../../lib/schema";
import { compileGazetteer } from "../../../lib/spot/compile";
import { loadDefaultEntities } from "../../../lib/spot/gazetteer";
import { createMatcher } from "../../../lib/spot/match";
import data from "../../fixtures/spotting/eval.json";
import { EvalCase, scoreByLanguage, scoreCase } from "../../fixtures/spotting/score";

const cases = EvalCase.array().parse(data);
const matcher = createMatcher(compileGazetteer(loadDefaultEntities()));
const results = cases.map((c) => scoreCase(c, matcher));

describe("spotting eval set (tests/fixtures/spotting/eval.json)", () => {
  it("has at least six hand-checked snippets per language, with known entity ids", () => {
    for (const lang of LANGS) expect(cases.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(6);
    for (const c of cases) for (const e of c.expected) expect(matcher.entity(e.entityId), `${c.id}: ${e.entityId}`).toBeDefined();
  });

  it("keeps precision and recall at or above 0.95 in every language", () => {
    const report = results.filter((r) => r.missed.length > 0 || r.wrong.length > 0);
    for (const s of scoreByLanguage(results)) {
      expect(s.precision, `${s.lang} precision; cases with errors: ${JSON.stringify(report)}`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${s.lang} recall; cases with errors: ${JSON.stringify(report)}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("finds nothing in the decoy snippets", () => {
    const decoyOnly = cases.filter((c) => c.expected.length === 0);
    expect(decoyOnly.length).toBeGreaterThanOrEqual(8);
    for (const c of decoyOnly) expect(matcher.find(c.text), c.id).toEqual([]);
  });
});
