/**
 * Machine-readable dates from pages and feeds (ISO 8601 / RFC 3339, RFC 822 as in RSS
 * pubDate) to the ISO form the data model stores. Anything else gives undefined: a date is
 * never guessed.
 */
import { IsoDate } from "../schema";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** RFC 822 zone names; military single letters are unreliable in practice and not accepted. */
const ZONES: Record<string, string> = {
  ut: "Z", utc: "Z", gmt: "Z", z: "Z",
  est: "-05:00", edt: "-04:00", cst: "-06:00", cdt: "-05:00",
  mst: "-07:00", mdt: "-06:00", pst: "-08:00", pdt: "-07:00",
};

/** "Tue, 10 Jun 2025 04:00:00 GMT", "10 Jun 2025 04:00 +0300", with an optional weekday. */
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,4})?$/i;

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function fromRfc822(text: string): string | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  let year = Number(m[3]);
  // RFC 822 two-digit years; RFC 1123 moved to four.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? undefined : Number(m[6]);
  if (month === 0 || hour > 23 || minute > 59 || (second ?? 0) > 60) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  const zoneText = m[7];
  let zone = "";
  if (zoneText !== undefined) {
    if (/^[+-]\d{4}$/.test(zoneText)) zone = `${zoneText.slice(0, 3)}:${zoneText.slice(3)}`;
    else zone = ZONES[zoneText.toLowerCase()] ?? "";
  }
  const time = `${two(hour)}:${two(minute)}${second === undefined ? "" : `:${two(second)}`}`;
  // An unknown zone name leaves a local time, as printed, rather than a wrong offset.
  return `${year}-${two(month)}-${two(day)}T${time}${zone}`;
}

/** Converts a machine-readable date to the stored ISO form, or undefined when it is not one. */
export function toIsoDate(raw: string | null | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  // "2024-03-05 10:00:00" (space instead of T) is common in CMS output.
  const candidate = text.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/, "$1T$2");
  if (IsoDate.safeParse(candidate).success) {
    const [y, mo, d] = candidate.slice(0, 10).split("-").map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, mo - 1, d));
    return check.getUTCDate() === d && check.getUTCMonth() === mo - 1 ? candidate : undefined;
  }
  return fromRfc822(text);
}
