/**
 * What is page furniture rather than article text in scraped briefing pages. General rules,
 * not per-file fixes: lines every page of the format repeats, markers where the trailing
 * navigation starts, language switchers, photo credits and captions.
 * All functions take lines already cleaned by normaliseLine.
 */

function key(line: string): string {
  return line.toLowerCase().replace(/[\s:.!…»›→>]+$/u, "");
}

/** Lines that start the trailing navigation: nothing after them belongs to the article. */
const TAIL_MARKERS = new Set([
  "pay attention",
  "our partners",
  "you have been successfully subscribed",
  "subscribe to our newsletter",
  "subscribe to us",
  "recent trends",
]);

/** Headings that separate one article from the next on the same page. */
const SEGMENT_BREAKS = new Set(["similar articles", "related articles", "похожие статьи", "падобныя артыкулы"]);

/** Buttons and links that appear as lines of their own anywhere on the page. */
const BOILERPLATE_LINES = new Set([
  ...TAIL_MARKERS,
  ...SEGMENT_BREAKS,
  "subscribe",
  "view all",
  "read more",
  "read also",
  "share",
  "print",
  "advertisement",
]);

/** Language codes that switchers list ("ua en ru", "EN", "BE/RU"). */
const LANGUAGE_CODES = new Set(["ua", "uk", "en", "eng", "ru", "rus", "be", "by", "bel", "pl", "de", "lt", "lv", "et", "fr"]);

export function isTailMarker(line: string): boolean {
  return TAIL_MARKERS.has(key(line));
}

export function isSegmentBreak(line: string): boolean {
  return SEGMENT_BREAKS.has(key(line));
}

/** A line made only of language codes: the site's language switcher. */
export function isLanguageSwitcher(line: string): boolean {
  if (line.length === 0 || line.length > 40) return false;
  const codes = line.toLowerCase().split(/[\s/|·,]+/).filter((c) => c.length > 0);
  return codes.length > 0 && codes.every((c) => LANGUAGE_CODES.has(c));
}

const CREDIT_WORD = "(?:photo|photos|image|picture|credit|фото|фота|foto|fot\\.|zdjęcie|bild|nuotr\\.)";
/** "Фото: RFRM", "Photo: Reuters", "Photo by AP". */
const CREDIT_LINE = new RegExp(`^(?:${CREDIT_WORD}\\s*:|photo by\\s)\\s*\\S`, "iu");
/** A caption ending in a bracketed credit: "Alexander Lukashenko, President of Belarus (photo: Getty Images)". */
const CREDITED_CAPTION = new RegExp(`\\(\\s*${CREDIT_WORD}\\s*:[^()]{1,80}\\)$`, "iu");

/** A photo credit line: short, and nothing but the credit. */
export function isPhotoCredit(line: string): boolean {
  return line.length <= 120 && CREDIT_LINE.test(line);
}

/** A photo caption: a short line that ends with a bracketed photo credit. */
export function isCreditedCaption(line: string): boolean {
  return line.length <= 400 && CREDITED_CAPTION.test(line);
}

/** Pages repeat the headline as the caption of the lead photo: title + caption/credit. */
export function isTitleCaption(line: string, title: string): boolean {
  if (line === title) return true;
  if (!line.startsWith(title)) return false;
  const rest = line.slice(title.length).trim();
  return rest.length === 0 || isCreditedCaption(rest) || isPhotoCredit(rest);
}

/** "by" or "by Jane Doe": a byline, which the data model does not keep. */
export function isByline(line: string): boolean {
  return /^by(\s+\S.{0,60})?$/iu.test(line) && !/[.!?]$/.test(line);
}

/** Any line that is page furniture wherever it appears. */
export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINES.has(key(line)) || isLanguageSwitcher(line) || isPhotoCredit(line) || isCreditedCaption(line);
}
