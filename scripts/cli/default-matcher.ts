/** The default gazetteer (data/gazetteer) compiled into a matcher: what `build`, `spot` and the embedded archive tag with. */
import type { Entity } from "../../lib/schema";
import { compileGazetteer } from "../../lib/spot/compile";
import type { CompiledGazetteer } from "../../lib/spot/compiled";
import { loadDefaultEntities } from "../../lib/spot/gazetteer";
import { createMatcher, type Matcher } from "../../lib/spot/match";

export interface DefaultMatcher {
  entities: Entity[];
  compiled: CompiledGazetteer;
  matcher: Matcher;
}

export function loadDefaultMatcher(): DefaultMatcher {
  const entities = loadDefaultEntities();
  const compiled = compileGazetteer(entities);
  return { entities, compiled, matcher: createMatcher(compiled) };
}
