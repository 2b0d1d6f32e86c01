/**
 * The content script's life on one page: start a page session when a matcher is stored and
 * the site is not switched off, stop it when that changes, follow settings, and answer the
 * background's focus-next-mention command.
 */
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { handleTabMessages, sendMessage } from "@/lib/messages";
import type { Briefing, LookupResult } from "@/lib/lookup";
import type { CardShown } from "@/lib/page/controller";
import type { Listen } from "@/lib/page/scanner";
import { startPageSession, type PageSession } from "@/lib/page/session";
import { createStoredMatcher, type Matcher } from "@/lib/spot/match";
import { mountCardView } from "./card-view";
import { isSiteDisabled, readPageStorage, watchPageStorage, type PageStorage } from "./page-storage";
import { createPageTiming } from "./page-timing";

export async function runOnPage(ctx: ContentScriptContext): Promise<void> {
  const timing = createPageTiming();
  let session: PageSession | null = null;
  let sessionMatcher: string | null = null;
  let lastShown: CardShown | null = null;
  let removeView: (() => void) | null = null;

  const stop = () => {
    session?.stop();
    session = null;
    sessionMatcher = null;
    removeView?.();
    removeView = null;
  };

  const start = async (storage: PageStorage) => {
    const stored = storage.matcher!;
    let matcher: Matcher;
    try {
      const loadStart = performance.now();
      matcher = createStoredMatcher(stored.compiled);
      timing.onMatcherLoaded(loadStart);
    } catch (err) {
      console.warn(`Belarus Briefings: the stored name list (version ${stored.version}) could not be loaded; names will be spotted after the next sync.`, err);
      return;
    }
    const view = await mountCardView(ctx, () => timing.onCardPlaced(lastShown));
    if (ctx.isInvalid) return;
    removeView = view.remove;
    sessionMatcher = stored.version;
    session = startPageSession({
      doc: document,
      matcher,
      describeEntity: (id) => matcher.entity(id),
      settings: storage.settings,
      view,
      lookup,
      openArticle,
      timers: {
        requestIdleCallback: (cb, opts) => ctx.requestIdleCallback(cb, opts),
        cancelIdleCallback: (handle) => cancelIdleCallback(handle),
        setTimeout: (cb, ms) => ctx.setTimeout(cb, ms),
        clearTimeout: (handle) => clearTimeout(handle),
        requestFrame: (cb) => ctx.requestAnimationFrame(() => cb()),
        now: () => performance.now(),
      },
      listen: ((target, type, handler, options) => ctx.addEventListener(target, type, handler, options)) as Listen,
      onChunk: timing.onChunk,
      onCardShown: (shown) => (lastShown = shown),
    });
  };

  // Storage changes can arrive while a start is still mounting: apply them one at a time.
  let queue = Promise.resolve();
  const apply = (storage: PageStorage) => {
    queue = queue.then(async () => {
      if (ctx.isInvalid) return;
      const wanted = storage.matcher !== null && !isSiteDisabled(storage, location.hostname);
      if (!wanted) return stop();
      if (session && sessionMatcher === storage.matcher!.version) return session.setSettings(storage.settings);
      stop();
      await start(storage);
    }).catch((err: unknown) => {
      // Keep the chain alive: the next storage change gets its chance.
      console.warn("Belarus Briefings: could not start on this page", err);
    });
  };

  ctx.onInvalidated(watchPageStorage(location.hostname, (storage) => apply(storage)));
  ctx.onInvalidated(handleTabMessages({ focusNextMention: () => session?.controller.onFocusNextCommand() }));
  ctx.onInvalidated(stop);
  const readStart = performance.now();
  const storage = await readPageStorage(location.hostname);
  timing.onStorageRead(readStart);
  apply(storage);
  await queue;
}

async function lookup(entityId: string, pageEntityIds: string[]): Promise<LookupResult> {
  const reply = await sendMessage({ type: "lookup", entityId, pageEntityIds });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

function openArticle(briefing: Briefing): void {
  void sendMessage({ type: "openArticle", articleId: briefing.id }).then((reply) => {
    if (!reply.ok) console.warn(`Belarus Briefings: could not open "${briefing.title}": ${reply.error}`);
  });
}
