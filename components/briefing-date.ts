/** How a briefing's date reads on the card: as printed, else the ISO date, else "undated". */
import type { Briefing } from "../lib/lookup";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function briefingDateLabel(briefing: Pick<Briefing, "published" | "dateText">): string {
  const printed = briefing.dateText?.trim();
  if (printed) return printed;
  if (briefing.published) {
    const day = new Date(briefing.published.slice(0, 10) + "T00:00:00Z");
    if (!Number.isNaN(day.getTime())) return DAY.format(day);
  }
  return "undated";
}

/** Only http(s) links are rendered; anything else is dropped (feed content is untrusted). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
