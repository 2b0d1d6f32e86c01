/**
 * The background's answers to extension messages: one named handler per request type of
 * lib/messages.ts. A new message gets its handler here.
 */
import { openArticle } from "../browser/open-article";
import { lookupBriefings } from "../lookup";
import type { BackgroundHandlers } from "../messages";
import type { BriefingsBackground } from "./service";

export function createHandlers(bg: BriefingsBackground): BackgroundHandlers {
  return {
    getStatus: () => bg.status(),
    syncNow: async () => {
      await bg.syncSources();
      return bg.status();
    },
    lookup: (request) => lookupBriefings(bg.db, request, { now: Date.now(), onStaleIndex: () => void bg.refreshLookupIndex() }),
    openArticle: async (request, sender) => ({ openedIn: await openArticle(request.articleId, sender.tab?.id) }),
  };
}
