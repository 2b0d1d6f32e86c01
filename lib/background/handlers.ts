/**
 * The background's answers to extension messages: one named handler per request type of
 * lib/messages.ts. A new message gets its handler here.
 */
import type { BackgroundHandlers } from "../messages";
import type { BriefingsBackground } from "./service";

export function createHandlers(bg: BriefingsBackground): BackgroundHandlers {
  return {
    getStatus: () => bg.status(),
    syncNow: async () => {
      await bg.syncSources();
      return bg.status();
    },
  };
}
