/**
 * Decides when the card opens and what it shows: listens to the scanner, applies hover
 * intent, prefetches the lookup, keeps the card while the pointer travels onto it, and
 * closes it on Esc, click outside or scroll away unless pinned. Keyboard users move from
 * name to name with Alt+Shift+B (page key or the extension command).
 */
import type { Briefing, LookupResult } from "../lookup";
import type { EntityType } from "../schema";
import type { CardState } from "./card-state";
import type { MentionPainter } from "./highlight";
import { inDocumentOrder, toLiveRange, type PageMention } from "./mention";
import type { Listen, PageScanner } from "./scanner";
import { isRendered } from "./scan-rules";
import type { PageSettings } from "./settings";

export interface CardRender {
  state: CardState;
  pinned: boolean;
  anchor: PageMention;
  onTogglePin: () => void;
  onClose: () => void;
  onOpenArticle: (briefing: Briefing) => void;
}

/** Where the card is drawn (a shadow-root Preact mount in the page; a plain element in tests). */
export interface CardView {
  readonly host: HTMLElement;
  render(card: CardRender | null): void;
  /** Move keyboard focus into the card. */
  focusInside(): void;
  /** Re-place the card next to its mention (after scroll or resize). */
  place(anchor: PageMention): void;
}

export interface CardShown {
  entityId: string;
  status: CardState["status"];
  /** timeStamp of the pointer event that found the mention, or of the key press. */
  triggeredAt: number;
}

export interface ControllerOptions {
  doc: Document;
  scanner: PageScanner;
  painter: MentionPainter;
  view: CardView;
  lookup: (entityId: string, pageEntityIds: string[]) => Promise<LookupResult>;
  openArticle: (briefing: Briefing) => void;
  /** The matcher's name and type for an entity, shown while the archive answers. */
  describeEntity: (entityId: string) => { name: string; type?: EntityType } | undefined;
  settings: () => PageSettings;
  setTimeout: (cb: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  requestFrame: (cb: () => void) => void;
  now: () => number;
  listen?: Listen;
  /** Called after each render of an open card (performance marks, tests). */
  onCardShown?: (shown: CardShown) => void;
}

/** Time to travel from a name onto its card before the card gives up, ms. */
export const CLOSE_GRACE_MS = 300;
/** A key press and the same shortcut as an extension command arrive together; count one. */
const SHORTCUT_DEDUPE_MS = 150;
/** The lookup request's limit on page entities. */
const MAX_PAGE_ENTITIES = 500;

interface OpenCard {
  mention: PageMention;
  state: CardState;
  pinned: boolean;
  triggeredAt: number;
  /** Where focus was before a keyboard open; Esc returns it there. */
  returnFocus: HTMLElement | null;
}

export class PageController {
  private readonly o: ControllerOptions & { listen: Listen };
  private open: OpenCard | null = null;
  private intentTimer: number | null = null;
  private closeTimer: number | null = null;
  private readonly pending = new Map<string, Promise<LookupResult>>();
  private readonly answered = new Map<string, LookupResult>();
  private focused: PageMention | null = null;
  private lastShortcut = { at: -Infinity, via: "" };
  private framePending = false;
  private unsubscribe: Array<() => void> = [];

  constructor(options: ControllerOptions) {
    this.o = { listen: (t, type, h, opts) => t.addEventListener(type, h, opts), ...options };
  }

  start(): void {
    const { scanner, doc, view, listen } = this.o;
    const win = doc.defaultView ?? window;
    this.unsubscribe.push(
      scanner.events.on("pointer", ({ mention, timeStamp }) => this.onPointerMention(mention, timeStamp)),
      scanner.events.on("cleared", ({ mentions }) => this.onCleared(mentions)),
    );
    listen(view.host, "pointerenter", () => this.cancelClose());
    listen(view.host, "pointerleave", () => this.onLeaveCard());
    listen(doc, "keydown", (e) => this.onKeyDown(e as KeyboardEvent), { capture: true });
    listen(doc, "pointerdown", (e) => this.onPointerDown(e), { capture: true });
    listen(win, "scroll", () => this.onViewportChange(), { capture: true, passive: true });
    listen(win, "resize", () => this.onViewportChange(), { passive: true });
  }

  stop(): void {
    this.close(false);
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  get openMention(): PageMention | null {
    return this.open?.mention ?? null;
  }

  /** The extension command arrived from the background. */
  onFocusNextCommand(): void {
    this.focusNextMention("command");
  }

  focusNextMention(via: "key" | "command"): void {
    const now = this.o.now();
    if (via !== this.lastShortcut.via && now - this.lastShortcut.at < SHORTCUT_DEDUPE_MS) return;
    this.lastShortcut = { at: now, via };
    // Rendering is checked here, not while scanning: only the mentions walked past pay for it.
    const ordered = inDocumentOrder(this.o.scanner.mentions()).filter(
      (m) => m.nodes.every((n) => n.isConnected) && (!m.nodes[0]?.parentElement || isRendered(m.nodes[0].parentElement)),
    );
    if (ordered.length === 0) return;
    const at = this.focused ? ordered.indexOf(this.focused) : -1;
    const next = ordered[(at + 1) % ordered.length]!;
    const returnFocus = this.open?.returnFocus ?? activeOutsideCard(this.o.doc, this.o.view.host);
    this.focused = next;
    this.o.painter.focus(next);
    scrollMentionIntoView(this.o.doc, next);
    this.show(next, { triggeredAt: now, returnFocus, focus: true });
  }

  private onPointerMention(mention: PageMention | null, timeStamp: number): void {
    this.clearIntent();
    if (!mention) {
      if (this.open && !this.open.pinned) this.scheduleClose();
      return;
    }
    this.cancelClose();
    if (this.open?.mention === mention) return;
    this.fetch(mention.entityId);
    const delay = this.o.settings().hoverDelayMs;
    const openIt = () => {
      this.intentTimer = null;
      this.show(mention, { triggeredAt: timeStamp, returnFocus: null, focus: false });
    };
    if (delay <= 0) openIt();
    else this.intentTimer = this.o.setTimeout(openIt, delay);
  }

  private show(mention: PageMention, how: { triggeredAt: number; returnFocus: HTMLElement | null; focus: boolean }): void {
    if (this.open?.pinned && this.open.mention !== mention && !how.focus) return;
    const { entityId } = mention;
    const known = this.o.describeEntity(entityId);
    const base = { entityId, name: known?.name ?? mention.text, type: known?.type };
    const answer = this.answered.get(entityId);
    const state: CardState = answer ? { ...base, status: "ready", result: answer } : { ...base, status: "loading" };
    this.open = { mention, state, pinned: this.open?.pinned ?? false, triggeredAt: how.triggeredAt, returnFocus: how.returnFocus };
    this.render();
    if (how.focus) this.o.view.focusInside();
    if (!answer) {
      this.fetch(entityId).then(
        (result) => this.update(mention, { ...base, status: "ready", result }),
        (err: unknown) => this.update(mention, { ...base, status: "error", message: errorText(err) }),
      );
    }
  }

  private update(mention: PageMention, state: CardState): void {
    if (this.open?.mention !== mention) return;
    this.open.state = state;
    this.render();
  }

  private render(): void {
    const open = this.open;
    if (!open) {
      this.o.view.render(null);
      return;
    }
    this.o.view.render({
      state: open.state,
      pinned: open.pinned,
      anchor: open.mention,
      onTogglePin: () => this.togglePin(),
      onClose: () => this.close(true),
      onOpenArticle: (b) => this.o.openArticle(b),
    });
    this.o.onCardShown?.({ entityId: open.state.entityId, status: open.state.status, triggeredAt: open.triggeredAt });
  }

  private togglePin(): void {
    if (!this.open) return;
    this.open.pinned = !this.open.pinned;
    this.cancelClose();
    this.render();
  }

  close(restoreFocus: boolean): void {
    this.clearIntent();
    this.cancelClose();
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.o.view.render(null);
    this.o.painter.focus(null);
    if (restoreFocus && open.returnFocus?.isConnected) open.returnFocus.focus();
  }

  /** One lookup per entity per page: hover prefetch and the open card share it. */
  private fetch(entityId: string): Promise<LookupResult> {
    const known = this.pending.get(entityId);
    if (known) return known;
    const pageEntityIds = [...new Set(this.o.scanner.mentions().map((m) => m.entityId))].slice(0, MAX_PAGE_ENTITIES);
    const request = this.o.lookup(entityId, pageEntityIds).then(
      (result) => {
        this.answered.set(entityId, result);
        return result;
      },
      (err: unknown) => {
        // A failed lookup is retried on the next hover instead of being remembered.
        this.pending.delete(entityId);
        throw err;
      },
    );
    this.pending.set(entityId, request);
    return request;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === "Escape" && this.open) {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    }
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === "KeyB" || event.key.toLowerCase() === "b")) {
      event.preventDefault();
      this.focusNextMention("key");
    }
  }

  private onPointerDown(event: Event): void {
    if (!this.open || this.open.pinned) return;
    if (event.composedPath().includes(this.o.view.host)) return;
    this.close(false);
  }

  private onLeaveCard(): void {
    if (this.open && !this.open.pinned) this.scheduleClose();
  }

  private onCleared(mentions: PageMention[]): void {
    if (this.focused && mentions.includes(this.focused)) this.focused = null;
    if (this.open && !this.open.pinned && mentions.includes(this.open.mention)) this.close(false);
  }

  private onViewportChange(): void {
    if (!this.open || this.framePending) return;
    this.framePending = true;
    this.o.requestFrame(() => {
      this.framePending = false;
      const open = this.open;
      if (!open) return;
      if (isMentionInViewport(this.o.doc, open.mention)) this.o.view.place(open.mention);
      // A pinned card whose name scrolled away stays where it was, on screen.
      else if (!open.pinned) this.close(false);
    });
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.o.setTimeout(() => {
      this.closeTimer = null;
      if (this.open && !this.open.pinned) this.close(false);
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.o.clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private clearIntent(): void {
    if (this.intentTimer !== null) this.o.clearTimeout(this.intentTimer);
    this.intentTimer = null;
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text || "the extension did not answer; reload the page and try again";
}

/** The focused page element, unless focus is already inside our card. */
function activeOutsideCard(doc: Document, host: HTMLElement): HTMLElement | null {
  const active = doc.activeElement;
  if (!active || active === host || active === doc.body || active === doc.documentElement) return null;
  return typeof (active as HTMLElement).focus === "function" ? (active as HTMLElement) : null;
}

export function isMentionInViewport(doc: Document, mention: PageMention): boolean {
  if (!mention.nodes.every((n) => n.isConnected)) return false;
  const rect = toLiveRange(doc, mention.range).getBoundingClientRect();
  const view = doc.defaultView;
  const height = view?.innerHeight ?? doc.documentElement.clientHeight;
  const width = view?.innerWidth ?? doc.documentElement.clientWidth;
  return rect.bottom > 0 && rect.top < height && rect.right > 0 && rect.left < width;
}

function scrollMentionIntoView(doc: Document, mention: PageMention): void {
  if (isMentionInViewport(doc, mention)) return;
  const element = mention.range.startContainer.parentElement;
  element?.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" as ScrollBehavior });
}
