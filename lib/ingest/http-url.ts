/** Links from ingested content are untrusted: only absolute http(s) URLs are kept. */

/** Resolves `raw` (against `base` when relative) and returns it if it is http(s); otherwise undefined. */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    // Not a URL at all (or a relative one with no base): nothing to keep.
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return url.href;
}
