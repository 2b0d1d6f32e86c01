/**
 * One page's worth of the feature, wired together: scanner → highlighter, scanner →
 * controller → card. The content script starts a session when the site is on and a matcher
 * is stored, and stops it when the site is switched off.
 */
import type { Briefing, LookupResult } from "../lookup";
import type { EntityType } from "../schema";
import { PageController, type CardShown, type CardView } from "./controller";
import { createCssHighlightPainter, supportsCssHighlights, type MentionPainter } from "./highlight";
import { createSpanPainter } from "./highlight-fallback";
import { createIdleScheduler, type IdleTimers } from "./idle-scheduler";
import { PageScanner, type Listen, type MentionFinder, type ScanChunk } from "./scanner";
import type { PageSettings } from "./settings";
import { findMentionAtPoint } from "./hit-test";

export interface PageSessionOptions {
  doc: Document;
  matcher: MentionFinder;
  describeEntity: (entityId: string) => { name: string; type?: EntityType } | undefined;
  settings: PageSettings;
  view: CardView;
  lookup: (entityId: string, pageEntityIds: string[]) => Promise<LookupResult>;
  openArticle: (briefing: Briefing) => void;
  timers: IdleTimers & { requestFrame: (cb: () => void) => void };
  listen: Listen;
  onChunk?: (chunk: ScanChunk) => void;
  onCardShown?: (shown: CardShown) => void;
  /** Force the span fallback (for browsers without CSS highlights, and its tests). */
  forceSpans?: boolean;
}

export interface PageSession {
  readonly scanner: PageScanner;
  readonly controller: PageController;
  readonly painter: MentionPainter;
  setSettings(settings: PageSettings): void;
  stop(): void;
}

export function startPageSession(o: PageSessionOptions): PageSession {
  let settings = o.settings;
  let alive = true;
  const { doc, timers } = o;
  // Listeners registered through the content-script context live until the script is
  // invalidated; a stopped session leaves them inert.
  const listen: Listen = (target, type, handler, options) => o.listen(target, type, (e) => alive && handler(e), options);
  let spanPainter: ReturnType<typeof createSpanPainter> | null = null;
  const scanner: PageScanner = new PageScanner({
    doc,
    matcher: o.matcher,
    scheduler: createIdleScheduler(timers),
    now: timers.now,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    requestFrame: timers.requestFrame,
    listen,
    hitTest: (x, y, target) => spanPainter?.mentionAt(target) ?? findMentionAtPoint(doc, scanner.index, x, y),
  });
  const useSpans = o.forceSpans || !supportsCssHighlights(doc);
  const painter: MentionPainter = useSpans
    ? (spanPainter = createSpanPainter(doc, settings.highlightStyle, (change) => scanner.withoutObserving(change)))
    : createCssHighlightPainter(doc, settings.highlightStyle);
  const offFound = scanner.events.on("found", ({ mentions }) => painter.add(mentions));
  const offCleared = scanner.events.on("cleared", ({ mentions }) => painter.remove(mentions));
  const offChunk = o.onChunk ? scanner.events.on("chunk", o.onChunk) : () => {};
  const controller = new PageController({
    doc,
    scanner,
    painter,
    view: o.view,
    lookup: o.lookup,
    openArticle: o.openArticle,
    describeEntity: o.describeEntity,
    settings: () => settings,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    requestFrame: timers.requestFrame,
    now: timers.now,
    listen,
    onCardShown: o.onCardShown,
  });
  controller.start();
  scanner.start();
  return {
    scanner,
    controller,
    painter,
    setSettings(next) {
      settings = next;
      painter.setStyle(next.highlightStyle);
    },
    stop() {
      alive = false;
      controller.stop();
      scanner.stop();
      offFound();
      offCleared();
      offChunk();
      painter.dispose();
    },
  };
}
