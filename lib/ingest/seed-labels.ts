/**
 * The labelled fields briefing pages print above an article: "Category …", "Status …",
 * and the trend verdict ("The situation has not changed").
 */

export interface LabelValues {
  category?: string;
  status?: string;
}

/** Trend verdicts the briefing sites print, in English, Russian and Belarusian. */
const STATUS_LINE =
  /^(?:the )?situation (?:has (?:not changed|changed|improved|worsened|deteriorated|stabili[sz]ed)|is (?:unchanged|stable|improving|worsening|deteriorating))\.?$|^ситуация (?:не изменилась|изменилась|улучшилась|ухудшилась|стабилизировалась)\.?$|^сітуацыя (?:не змянілася|змянілася|палепшылася|пагоршылася|стабілізавалася)\.?$/iu;

export function isStatusLine(line: string): boolean {
  return STATUS_LINE.test(line);
}

/** "Category status:", "Category: Economy", "Category Economy status: The situation has improved", "Status: …". */
const CATEGORY_AND_STATUS = /^(?:category|категория|катэгорыя)\b:?\s*(.*?)\s*\b(?:status|статус):\s*(.*)$/iu;
const CATEGORY_ONLY = /^(?:category|категория|катэгорыя):\s*(.*)$/iu;
const STATUS_ONLY = /^(?:status|статус):\s*(.*)$/iu;

/**
 * Reads a label line. Returns undefined when the line is not a label line; an empty object
 * when the labels are printed without values (then there is nothing to store: the word
 * "status:" is not a category).
 */
export function parseLabelLine(line: string): LabelValues | undefined {
  let m = CATEGORY_AND_STATUS.exec(line);
  if (m) return values(m[1], m[2]);
  if ((m = CATEGORY_ONLY.exec(line))) return values(m[1], undefined);
  if ((m = STATUS_ONLY.exec(line))) return values(undefined, m[1]);
  return undefined;
}

function values(category: string | undefined, status: string | undefined): LabelValues {
  const out: LabelValues = {};
  const c = category?.trim();
  const s = status?.trim();
  if (c) out.category = c;
  if (s) out.status = s;
  return out;
}
