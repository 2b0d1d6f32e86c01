/**
 * The default gazetteer: data/gazetteer/*.json imported statically, so the same entities are
 * bundled into the extension and used by the CLI. Each file is a JSON array of Entity sorted
 * by id; a new file in data/gazetteer must be added to GAZETTEER_FILES (a test enforces it).
 */
import { z } from "zod";
import { Entity } from "../schema";
import orgs from "../../data/gazetteer/orgs.json";
import people from "../../data/gazetteer/people.json";
import places from "../../data/gazetteer/places.json";

export const GAZETTEER_FILES = { "orgs.json": orgs, "people.json": people, "places.json": places } as const;

const EntityList = z.array(Entity);

/** Validates one gazetteer file; the error names the file and the entry to fix. */
export function parseGazetteerFile(name: string, data: unknown): Entity[] {
  const parsed = EntityList.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? "" : ` at ${issue.path.join(".")}: ${issue.message}`;
    throw new Error(`data/gazetteer/${name} is not a valid entity list${where}`);
  }
  return parsed.data;
}

let cached: Entity[] | undefined;

/** All default entities, merged from every gazetteer file and sorted by id. */
export function loadDefaultEntities(): Entity[] {
  if (cached === undefined) {
    const all: Entity[] = [];
    for (const [name, data] of Object.entries(GAZETTEER_FILES)) all.push(...parseGazetteerFile(name, data));
    all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    cached = all;
  }
  return cached.slice();
}
