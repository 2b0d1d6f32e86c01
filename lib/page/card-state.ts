/** What the card shows for one name: the archive's answer, or that it is on its way or failed. */
import type { LookupResult } from "../lookup";
import type { EntityType } from "../schema";

interface CardBase {
  entityId: string;
  /** Name to show before (or without) the archive's answer: from the page's matcher. */
  name: string;
  type?: EntityType;
}

export type CardState =
  | (CardBase & { status: "loading" })
  | (CardBase & { status: "ready"; result: LookupResult })
  | (CardBase & { status: "error"; message: string });
