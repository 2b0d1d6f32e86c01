/**
 * The per-site off switch: `disabledSites` in storage.local is a sorted list of host names
 * where the extension does nothing. Pure list logic; the popup and content script do the I/O.
 */

/** The host name a page's switch applies to, or null for pages the extension never scans. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.hostname : null;
  } catch {
    return null;
  }
}

export function withSiteEnabled(disabled: readonly string[], site: string, enabled: boolean): string[] {
  const rest = disabled.filter((s) => s !== site);
  return enabled ? rest : [...rest, site].sort();
}
