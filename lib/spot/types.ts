/** The public shape of the name-spotting engine, shared by the CLI, the publisher and the content script. */
import type { EntityType } from "../schema";

/** One mention found in a text. Offsets are UTF-16 indices into the original string: text === input.slice(start, end). */
export interface SpotMention {
  text: string;
  start: number;
  end: number;
  entityId: string;
}

/** The entity facts the matcher carries so the CLI and the page can label a hit without the database. */
export interface SpotEntity {
  id: string;
  name: string;
  type: EntityType;
}
