/**
 * The lookup message's request and answer. Kept apart from the lookup itself so the content
 * script can validate answers without bundling the database code; zod/mini (lib/schema/mini.ts)
 * so it does not bundle classic zod either.
 */
import { EntityType, HttpUrl, z } from "../schema/mini";

export const LookupRequest = z.object({
  type: z.literal("lookup"),
  entityId: z.string().check(z.minLength(1), z.maxLength(200)),
  pageEntityIds: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)), []),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const Briefing = z.object({
  id: z.string(),
  title: z.string(),
  published: z.optional(z.string()),
  dateText: z.optional(z.string()),
  source: z.string(),
  sourceName: z.string(),
  url: z.optional(HttpUrl),
  snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) }),
  score: z.number(),
  why: z.array(z.string()),
});
export type Briefing = z.infer<typeof Briefing>;

export const LookupResult = z.object({
  entity: z.nullable(
    z.object({
      id: z.string(),
      name: z.string(),
      type: EntityType,
      description: z.string(),
      labels: z.array(z.string()),
    }),
  ),
  total: z.int().check(z.nonnegative()),
  briefings: z.array(Briefing),
});
export type LookupResult = z.infer<typeof LookupResult>;
