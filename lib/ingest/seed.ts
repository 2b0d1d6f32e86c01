/**
 * Parser for the seed format: text scraped from briefing pages, one line per paragraph.
 *
 * A page holds a main article and, after a "Similar articles" heading, more articles in
 * the same layout; each becomes its own Article. Above each article's body is a header in
 * any order: title, printed date or period, label lines ("Category … status: …"), a trend
 * verdict ("The situation has not changed"), a byline, a language switcher, and the lead
 * photo's caption. Page furniture (see seed-boilerplate.ts) is dropped everywhere and the
 * trailing navigation (newsletter, partners, "Recent trends") ends an article.
 *
 * Bullet items ("• text") become paragraphs of their own WITHOUT the bullet, as list items
 * from HTML pages do, so every paragraph is plain text.
 */
import type { Article, Lang } from "../schema";
import { buildArticle } from "./build-article";
import { parsePrintedDate, type PrintedDate } from "./printed-date";
import { ingestError, ingestOk, type IngestResult } from "./result";
import {
  isBoilerplateLine,
  isByline,
  isSegmentBreak,
  isTailMarker,
  isTitleCaption,
} from "./seed-boilerplate";
import { isStatusLine, parseLabelLine } from "./seed-labels";
import { normaliseLine } from "./whitespace";

export interface SeedOptions {
  /** Source id stored on every article (default "seeds"). */
  source?: string;
  /** Language for Latin-script text (default "en"). */
  latinDefault?: Lang;
}

/** Longest line taken as a title; a longer first line is a paragraph, and the page has no title. */
const MAX_TITLE = 300;
const BULLET = /^[•●▪◦‣∙]\s*/u;

interface Header {
  title?: string;
  date?: PrintedDate;
  category?: string;
  status?: string;
}

/** Splits the page into article segments at "Similar articles" headings. */
function segments(lines: string[]): string[][] {
  const out: string[][] = [[]];
  for (const line of lines) {
    if (isSegmentBreak(line)) out.push([]);
    else out[out.length - 1]!.push(line);
  }
  return out;
}

/** The article ends where the trailing navigation begins. */
function cutTail(lines: string[]): string[] {
  const end = lines.findIndex(isTailMarker);
  return end === -1 ? lines : lines.slice(0, end);
}

/**
 * Reads the header lines and returns where the body starts. Meta lines printed in one block
 * right after a byline or date, before the title, are the category ("by / July 24 – July
 * 30, 2023 / Belarus-West relations", then the title after a blank line).
 */
function readHeader(lines: string[]): { header: Header; bodyStart: number } {
  const header: Header = {};
  let afterMeta = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0) {
      afterMeta = false;
      continue;
    }
    if (header.title === undefined && isByline(line)) {
      afterMeta = true;
      continue;
    }
    if (isBoilerplateLine(line)) continue;
    const date = parsePrintedDate(line);
    if (date) {
      header.date ??= date;
      if (header.title === undefined) afterMeta = true;
      continue;
    }
    const labels = parseLabelLine(line);
    if (labels) {
      if (labels.category !== undefined) header.category ??= labels.category;
      if (labels.status !== undefined) header.status ??= labels.status;
      continue;
    }
    if (isStatusLine(line)) {
      header.status ??= line;
      continue;
    }
    if (header.title === undefined) {
      if (line.length > MAX_TITLE) return { header, bodyStart: i };
      if (afterMeta && header.category === undefined) header.category = line;
      else header.title = line;
      continue;
    }
    if (isTitleCaption(line, header.title)) continue;
    return { header, bodyStart: i };
  }
  return { header, bodyStart: lines.length };
}

function bodyParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  for (const line of lines) {
    if (line.length === 0 || isBoilerplateLine(line)) continue;
    const text = line.replace(BULLET, "").trim();
    if (text.length > 0) paragraphs.push(text);
  }
  return paragraphs;
}

/** Parses one seed page into its articles, or explains why it cannot. */
export function parseSeedText(text: string, options: SeedOptions = {}): IngestResult {
  const source = options.source ?? "seeds";
  const lines = text.split(/\r\n|\r|\n/).map(normaliseLine);
  const articles: Article[] = [];
  const parts = segments(lines);
  for (let s = 0; s < parts.length; s++) {
    const segment = cutTail(parts[s]!);
    const { header, bodyStart } = readHeader(segment);
    const paragraphs = bodyParagraphs(segment.slice(bodyStart));
    const { title } = header;
    if (title === undefined) {
      // A "Similar articles" heading with nothing usable under it is just an empty list.
      if (s > 0 && paragraphs.length === 0) continue;
      const where = s === 0 ? "at the top of the page" : `after "Similar articles" heading ${s}`;
      const first = paragraphs[0];
      return ingestError(
        first === undefined
          ? `no title found ${where}: the text holds only page furniture (menus, dates, labels)`
          : `no title found ${where}: the first text line is a ${first.length}-character paragraph; put the headline on its own line above it`,
      );
    }
    articles.push(
      buildArticle(
        {
          title,
          paragraphs,
          source,
          published: header.date?.published,
          dateText: header.date?.dateText,
          periodEnd: header.date?.periodEnd,
          category: header.category,
          status: header.status,
        },
        { latinDefault: options.latinDefault },
      ),
    );
  }
  return ingestOk(articles);
}
