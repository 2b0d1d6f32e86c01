/**
 * The zod/mini side of the data model: what the content script validates on every page.
 *
 * Classic zod (lib/schema/index.ts) costs ~30 KB gzip and does not tree-shake, so the content
 * script would carry all of it to every page. zod/mini is the same validator (the same zod
 * core, the same `safeParse`) with a functional API that bundles only what is used. Schemas
 * the content script parses — messages (lib/messages.ts), stored settings and matcher — are
 * written with `z` from here; the background, feed and CLI keep classic zod. The two parts
 * the page shares with the archive's schema (entity types, the http(s)-only URL rule) are
 * defined here once and used by lib/schema/index.ts too.
 */
import * as z from "zod/mini";
import { en } from "zod/locales";

// zod/mini ships no messages (every problem reads "Invalid input"); classic zod loads English
// when imported. Load English here as well, so a rejected reply or stored value says what is
// wrong on pages where classic zod never loads. Both share one config: this changes nothing
// where classic zod is loaded.
z.config(en());

export { z };

export const ENTITY_TYPES = ["person", "org", "place", "event", "other"] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const HTTP_URL_ONLY = "only http(s) URLs are allowed";
/** Feed content is untrusted: only http(s) links are ever stored or rendered. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A URL that is http(s); the same rule as the archive's `HttpUrl` in lib/schema/index.ts. */
export const HttpUrl = z.url().check(z.refine(isHttpUrl, { message: HTTP_URL_ONLY }));
