/**
 * Every message between the extension's parts, defined once (docs/style.md §3).
 *
 * Background requests: a zod discriminated union validated on arrival, a response schema
 * per request type validated on return, and a named handler map in the background. To add
 * a message: add its request schema to `BackgroundRequest`, its response schema to
 * `BACKGROUND_RESPONSES`, and a handler to lib/background/handlers.ts (the types require
 * all three).
 *
 * Tab messages (background → content script) work the same way with `TabMessage`.
 *
 * Written in zod/mini (lib/schema/mini.ts): the content script validates its replies and tab
 * messages with these same schemas, and classic zod would add ~30 KB gzip to every page.
 */
import { browser } from "wxt/browser";
import { LookupRequest, LookupResult } from "./lookup/types";
import { z } from "./schema/mini";

/** The answer to every message: errors are values with a message a user can act on. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

const replySchema = <T extends z.ZodMiniType>(value: T) =>
  z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: z.string() })]);

// ---- background requests -------------------------------------------------------------

export const SyncActivity = z.object({
  sourceId: z.string(),
  phase: z.enum(["manifest", "gazetteer", "snapshot", "deltas"]),
  done: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
});
export type SyncActivity = z.infer<typeof SyncActivity>;

export const BackgroundStatus = z.object({
  articles: z.int().check(z.nonnegative()),
  entities: z.int().check(z.nonnegative()),
  /** ISO time of the last sync that finished without error. */
  lastSync: z.optional(z.string()),
  syncing: z.boolean(),
  /** What is being synced right now ("syncing n of m"). */
  progress: z.optional(SyncActivity),
  lastError: z.optional(z.string()),
});
export type BackgroundStatus = z.infer<typeof BackgroundStatus>;

export const GetStatusRequest = z.object({ type: z.literal("getStatus") });
/** Sync the user's feed sources now (the popup's "sync now"); answers the status afterwards. */
export const SyncNowRequest = z.object({ type: z.literal("syncNow") });

/** Open an archived briefing in the side panel reader (or a tab where there is no side panel). */
export const OpenArticleRequest = z.object({
  type: z.literal("openArticle"),
  articleId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export const OpenArticleResponse = z.object({ openedIn: z.enum(["sidepanel", "tab"]) });

export { LookupRequest, LookupResult };

export const BackgroundRequest = z.discriminatedUnion("type", [GetStatusRequest, SyncNowRequest, LookupRequest, OpenArticleRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
export type BackgroundRequestType = BackgroundRequest["type"];

export const BACKGROUND_RESPONSES = {
  getStatus: BackgroundStatus,
  syncNow: BackgroundStatus,
  lookup: LookupResult,
  openArticle: OpenArticleResponse,
} satisfies Record<BackgroundRequestType, z.ZodMiniType>;

export type RequestOf<T extends BackgroundRequestType> = Extract<BackgroundRequest, { type: T }>;
export type ResponseOf<T extends BackgroundRequestType> = z.infer<(typeof BACKGROUND_RESPONSES)[T]>;

export interface MessageSender {
  tab?: { id?: number; url?: string };
  url?: string;
}

/** One handler per request type; the background's map lives in lib/background/handlers.ts. */
export type BackgroundHandlers = {
  [T in BackgroundRequestType]: (request: RequestOf<T>, sender: MessageSender) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Validates `message` and runs its handler. Malformed or unknown messages, and handlers
 * that throw, answer `{ok:false, error}` instead of leaving the sender waiting.
 */
export async function dispatchBackgroundRequest(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: MessageSender,
): Promise<Reply<unknown>> {
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    const type = (message as { type?: unknown } | null)?.type;
    return { ok: false, error: `Unknown or malformed message${typeof type === "string" ? ` "${type}"` : ""}: ${z.prettifyError(parsed.error)}` };
  }
  const request = parsed.data;
  const handler = handlers[request.type] as (r: BackgroundRequest, s: MessageSender) => unknown;
  try {
    return { ok: true, value: await handler(request, sender) };
  } catch (err) {
    return { ok: false, error: `${request.type} failed: ${errorText(err)}` };
  }
}

type OnMessageListener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => true;

function answerWith(dispatch: (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>): OnMessageListener {
  // `return true` + sendResponse is the one asynchronous reply that Chrome, Firefox and
  // WXT's fake browser all support.
  return (message, sender, sendResponse) => {
    void dispatch(message, sender).then(sendResponse);
    return true;
  };
}

/** Answers background requests with `handlers`; returns a function that stops listening. */
export function handleMessages(handlers: BackgroundHandlers): () => void {
  const listener = answerWith((message, sender) => dispatchBackgroundRequest(handlers, message, sender));
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a request to the background; the reply is validated against the request's response schema. */
export async function sendMessage<T extends BackgroundRequestType>(request: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (err) {
    return { ok: false, error: `The extension's background did not answer (${errorText(err)}). Reload the page, or restart the browser if it persists.` };
  }
  const schema = replySchema(BACKGROUND_RESPONSES[request.type] as z.ZodMiniType);
  const reply = schema.safeParse(raw);
  if (!reply.success) return { ok: false, error: `The background's answer to ${request.type} was malformed: ${z.prettifyError(reply.error)}` };
  return reply.data as Reply<ResponseOf<T>>;
}

// ---- tab messages (background → content script) -------------------------------------

/** The `focus-next-mention` command: move to the next name on the page and open its card. */
export const FocusNextMentionMessage = z.object({ type: z.literal("focusNextMention") });

export const TabMessage = z.discriminatedUnion("type", [FocusNextMentionMessage]);
export type TabMessage = z.infer<typeof TabMessage>;
export type TabMessageType = TabMessage["type"];

export type TabHandlers = {
  [T in TabMessageType]: (message: Extract<TabMessage, { type: T }>) => Promise<void> | void;
};

export async function dispatchTabMessage(handlers: TabHandlers, message: unknown): Promise<Reply<null>> {
  const parsed = TabMessage.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Unknown or malformed tab message: ${z.prettifyError(parsed.error)}` };
  const handler = handlers[parsed.data.type] as (m: TabMessage) => Promise<void> | void;
  try {
    await handler(parsed.data);
    return { ok: true, value: null };
  } catch (err) {
    return { ok: false, error: `${parsed.data.type} failed: ${errorText(err)}` };
  }
}

/** In a content script: answers tab messages with `handlers`; returns a function that stops listening. */
export function handleTabMessages(handlers: TabHandlers): () => void {
  const listener = answerWith((message) => dispatchTabMessage(handlers, message));
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a tab message; a tab without the content script (e.g. a browser page) is an error value. */
export async function sendTabMessage(tabId: number, message: TabMessage): Promise<Reply<null>> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, message);
  } catch (err) {
    return { ok: false, error: `This tab does not run Belarus Briefings (${errorText(err)}). Reload the page, or open a news page.` };
  }
  const reply = replySchema(z.null()).safeParse(raw);
  if (!reply.success) return { ok: false, error: `The page's answer to ${message.type} was malformed: ${z.prettifyError(reply.error)}` };
  return reply.data as Reply<null>;
}
