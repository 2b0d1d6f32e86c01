/**
 * What the content script reads from `browser.storage.local`, validated (storage is a
 * boundary): the compiled matcher the background stored, the per-site off switch, and the
 * page settings. Read directly, so opening a page never wakes the service worker.
 */
import { browser } from "wxt/browser";
import { z } from "@/lib/schema/mini";
import { readPageSettings, type PageSettings } from "@/lib/page/settings";

export const STORAGE_KEYS = { matcher: "matcher", disabledSites: "disabledSites", settings: "settings" } as const;

const StoredMatcher = z.object({ version: z.string(), compiled: z.unknown() });
export type StoredMatcher = z.infer<typeof StoredMatcher>;
const DisabledSites = z.catch(z.array(z.string()), []);

export interface PageStorage {
  matcher: StoredMatcher | null;
  disabledSites: string[];
  settings: PageSettings;
}

function fromRaw(raw: Record<string, unknown>): PageStorage {
  const matcher = StoredMatcher.safeParse(raw[STORAGE_KEYS.matcher]);
  return {
    matcher: matcher.success && matcher.data.compiled !== undefined ? matcher.data : null,
    disabledSites: DisabledSites.parse(raw[STORAGE_KEYS.disabledSites] ?? []),
    settings: readPageSettings(raw[STORAGE_KEYS.settings]),
  };
}

/**
 * Reads what a page on `hostname` needs. The matcher (about 2 MB) is read only when the site
 * is not switched off: a switched-off site costs the page nothing but two small values.
 */
export async function readPageStorage(hostname: string): Promise<PageStorage> {
  const small = await browser.storage.local.get([STORAGE_KEYS.disabledSites, STORAGE_KEYS.settings]);
  const storage = fromRaw(small);
  if (isSiteDisabled(storage, hostname)) return storage;
  return fromRaw({ ...small, ...(await browser.storage.local.get(STORAGE_KEYS.matcher)) });
}

/** Calls `onChange` with a fresh read whenever one of our keys changes. */
export function watchPageStorage(hostname: string, onChange: (storage: PageStorage, changed: Set<string>) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== "local") return;
    const changed = new Set(Object.keys(changes).filter((k) => (Object.values(STORAGE_KEYS) as string[]).includes(k)));
    if (changed.size === 0) return;
    readPageStorage(hostname).then(
      (storage) => onChange(storage, changed),
      (err: unknown) => console.warn("Belarus Briefings: could not read settings after a change", err),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function isSiteDisabled(storage: PageStorage, hostname: string): boolean {
  return storage.disabledSites.includes(hostname);
}
