/**
 * The lookup message's request and answer. Kept apart from the lookup itself so the content
 * script can validate answers without bundling the database code.
 */
import { z } from "zod";
import { EntityType, HttpUrl } from "../schema";

export const LookupRequest = z.object({
  type: z.literal("lookup"),
  entityId: z.string().min(1).max(200),
  pageEntityIds: z.array(z.string().max(200)).max(500).default([]),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const Briefing = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().optional(),
  dateText: z.string().optional(),
  source: z.string(),
  sourceName: z.string(),
  url: HttpUrl.optional(),
  snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) }),
  score: z.number(),
  why: z.array(z.string()),
});
export type Briefing = z.infer<typeof Briefing>;

export const LookupResult = z.object({
  entity: z
    .object({
      id: z.string(),
      name: z.string(),
      type: EntityType,
      description: z.string(),
      labels: z.array(z.string()),
    })
    .nullable(),
  total: z.number().int().nonnegative(),
  briefings: z.array(Briefing),
});
export type LookupResult = z.infer<typeof LookupResult>;

