/**
 * Canonical JSON: object keys sorted, no insignificant whitespace. Feed files are
 * content-addressed and compared byte for byte, so the same data must always serialise
 * to the same bytes, whatever order the producing code built the object in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    // No prototype: a "__proto__" key in untrusted data stays a plain key instead of hitting the setter.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      // Dropped like JSON.stringify would, so optional fields set to undefined do not count as a change.
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}
