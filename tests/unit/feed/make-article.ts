import type { Article, Entity } from "@/lib/schema";

/** A valid article whose content is derived from its id, so tests can vary one field at a time. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `Briefing ${id}`,
    source: "default",
    lang: "en",
    summary: `Summary of ${id}.`,
    paragraphs: [`Summary of ${id}.`, "Minsk keeps its course."],
    entityIds: ["place/minsk"],
    mentions: [{ entityId: "place/minsk", count: 1, firstOffset: 0 }],
    ...overrides,
  };
}

export function makeEntity(id: string, name: string): Entity {
  const type = id.split("/")[0] as Entity["type"];
  return { id, type, name, labels: { en: [name] }, description: { en: `${name}, for tests.` } };
}

export const ENTITIES: Entity[] = [makeEntity("place/minsk", "Minsk"), makeEntity("person/test-person", "Test Person")];
