/**
 * Where a file the manifest lists lives. Relative references resolve against the manifest's
 * URL; the result must be a web address or stay inside the manifest's own host (the
 * packaged archive lives at chrome-extension:// or moz-extension://).
 */
export function resolveFeedFile(manifestUrl: string, ref: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  let base: URL;
  try {
    base = new URL(manifestUrl);
    url = new URL(ref, base);
  } catch (err) {
    return { ok: false, error: `the manifest lists a file address that is not a URL: ${JSON.stringify(ref)} (${err instanceof Error ? err.message : String(err)})` };
  }
  const web = url.protocol === "https:" || url.protocol === "http:";
  const sameHost = url.protocol === base.protocol && url.host === base.host;
  if (!web && !sameHost) return { ok: false, error: `the manifest lists a file outside the feed: ${JSON.stringify(ref)}` };
  return { ok: true, url: url.href };
}
