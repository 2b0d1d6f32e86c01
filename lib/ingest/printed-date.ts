/**
 * Dates as news pages print them: "May 31, 2016 11:51", "31 мая 2016", "31.05.2016",
 * and periods such as "July 24 – July 30, 2023". Only complete dates (with a year) are
 * recognised: a missing year is never guessed.
 */

export interface PrintedDate {
  /** The text exactly as printed (after whitespace clean-up). */
  dateText: string;
  /** ISO date or local date-time as printed ("2016-05-31T11:51"); no time zone is invented. */
  published: string;
  /** Last day of a printed period. */
  periodEnd?: string;
}

/** Month names by the prefix that identifies them, in English, Russian, Belarusian and Ukrainian (genitive and nominative). */
const MONTH_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ["jan", 1], ["feb", 2], ["mar", 3], ["apr", 4], ["may", 5], ["jun", 6],
  ["jul", 7], ["aug", 8], ["sep", 9], ["oct", 10], ["nov", 11], ["dec", 12],
  // Russian
  ["январ", 1], ["феврал", 2], ["март", 3], ["апрел", 4], ["июн", 6],
  ["июл", 7], ["август", 8], ["сентябр", 9], ["октябр", 10], ["ноябр", 11], ["декабр", 12],
  // Belarusian
  ["студзен", 1], ["лют", 2], ["сакавік", 3], ["красавік", 4], ["травен", 5], ["траўн", 5],
  ["чэрв", 6], ["ліп", 7], ["жнів", 8], ["жніў", 8], ["верас", 9], ["кастрычнік", 10],
  ["лістапад", 11], ["снеж", 12],
  // Ukrainian (лютий and травень share their prefixes with Belarusian)
  ["січ", 1], ["берез", 3], ["квіт", 4], ["черв", 6], ["лип", 7], ["серп", 8],
  ["верес", 9], ["жовт", 10], ["листопад", 11], ["груд", 12],
];

/** English month words that are full names or their usual abbreviations (so "Mayor" is not May). */
const ENGLISH_MONTH_WORD =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$/;

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (/^[a-z]+$/.test(w) && !ENGLISH_MONTH_WORD.test(w)) return undefined;
  // Russian/Belarusian May is too short for a safe prefix.
  if (/^ма[йяю]$/.test(w)) return 5;
  for (const [prefix, month] of MONTH_PREFIXES) {
    if (w.startsWith(prefix)) return month;
  }
  return undefined;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${two(month)}-${two(day)}`;
}

function withTime(day: string, hour?: string, minute?: string): string | undefined {
  if (hour === undefined || minute === undefined) return day;
  const h = Number(hour);
  const m = Number(minute);
  if (h > 23 || m > 59) return undefined;
  return `${day}T${two(h)}:${two(m)}`;
}

const WORD = "(\\p{L}+\\.?)";
const DAY = "(\\d{1,2})";
const YEAR = "(\\d{4})";
const TIME = "(?:,?\\s+(\\d{1,2}):(\\d{2}))?";
const DASH = "\\s*[–—-]\\s*";
// "г." / "г" after a Russian year ("31 мая 2016 г.").
const YEAR_MARK = "(?:\\s*(?:г|гг|р)\\.?)?";

const MONTH_DAY_YEAR = new RegExp(`^${WORD}\\s+${DAY},?\\s+${YEAR}${TIME}$`, "u");
const DAY_MONTH_YEAR = new RegExp(`^${DAY}\\s+${WORD},?\\s+${YEAR}${YEAR_MARK}${TIME}$`, "u");
const NUMERIC = new RegExp(`^${DAY}\\.(\\d{1,2})\\.${YEAR}${TIME}$`, "u");
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;
/** "July 24 – July 30, 2023", "July 24 – 30, 2023", "December 28, 2023 – January 3, 2024". */
const MONTH_PERIOD = new RegExp(`^${WORD}\\s+${DAY}(?:,?\\s+${YEAR})?${DASH}(?:${WORD}\\s+)?${DAY},?\\s+${YEAR}$`, "u");
/** "24 – 30 июля 2023", "28 декабря 2023 – 3 января 2024". */
const DAY_PERIOD = new RegExp(`^${DAY}(?:\\s+${WORD})?(?:\\s+${YEAR})?${DASH}${DAY}\\s+${WORD}\\s+${YEAR}${YEAR_MARK}$`, "u");

function single(dateText: string, year: string, month: number | undefined, day: string, hour?: string, minute?: string): PrintedDate | undefined {
  if (month === undefined) return undefined;
  const iso = isoDay(Number(year), month, Number(day));
  const published = iso && withTime(iso, hour, minute);
  return published ? { dateText, published } : undefined;
}

function period(
  dateText: string,
  start: { day: string; month: number | undefined; year: string | undefined },
  end: { day: string; month: number | undefined; year: string },
): PrintedDate | undefined {
  const endMonth = end.month ?? start.month;
  const startMonth = start.month ?? end.month;
  if (startMonth === undefined || endMonth === undefined) return undefined;
  const endYear = Number(end.year);
  // A period printed with one year that crosses New Year starts in the year before.
  const startYear = start.year !== undefined ? Number(start.year) : startMonth > endMonth ? endYear - 1 : endYear;
  const published = isoDay(startYear, startMonth, Number(start.day));
  const periodEnd = isoDay(endYear, endMonth, Number(end.day));
  if (!published || !periodEnd || periodEnd < published) return undefined;
  return { dateText, published, periodEnd };
}

/** Reads a whole line as a printed date or period; anything else (including a date inside a sentence) gives undefined. */
export function parsePrintedDate(line: string): PrintedDate | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > 60) return undefined;
  let m: RegExpExecArray | null;
  if ((m = MONTH_DAY_YEAR.exec(text))) return single(text, m[3]!, monthNumber(m[1]!), m[2]!, m[4], m[5]);
  if ((m = DAY_MONTH_YEAR.exec(text))) return single(text, m[3]!, monthNumber(m[2]!), m[1]!, m[4], m[5]);
  if ((m = NUMERIC.exec(text))) return single(text, m[3]!, Number(m[2]), m[1]!, m[4], m[5]);
  if ((m = ISO.exec(text))) return single(text, m[1]!, Number(m[2]), m[3]!, m[4], m[5]);
  if ((m = MONTH_PERIOD.exec(text))) {
    const startMonth = monthNumber(m[1]!);
    if (startMonth === undefined) return undefined;
    const endMonth = m[4] !== undefined ? monthNumber(m[4]) : startMonth;
    if (endMonth === undefined) return undefined;
    return period(text, { day: m[2]!, month: startMonth, year: m[3] }, { day: m[5]!, month: endMonth, year: m[6]! });
  }
  if ((m = DAY_PERIOD.exec(text))) {
    const endMonth = monthNumber(m[5]!);
    if (endMonth === undefined) return undefined;
    const startMonth = m[2] !== undefined ? monthNumber(m[2]) : endMonth;
    if (startMonth === undefined) return undefined;
    return period(text, { day: m[1]!, month: startMonth, year: m[3] }, { day: m[4]!, month: endMonth, year: m[6]! });
  }
  return undefined;
}
