import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Article } from "@/lib/schema";
import { parseSeedText } from "@/lib/ingest/seed";

const SEED_DIR = join(__dirname, "../../../data/seeds");
const seedFiles = readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt")).sort();

function parseFile(file: string, source?: string): Article[] {
  const result = parseSeedText(readFileSync(join(SEED_DIR, file), "utf8"), source === undefined ? {} : { source });
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.articles;
}

const byFile = new Map(seedFiles.map((f) => [f.slice(0, 3), parseFile(f)]));
const all = [...byFile.values()].flat();

function articlesOf(prefix: string): Article[] {
  const articles = byFile.get(prefix);
  if (!articles) throw new Error(`no seed file ${prefix}_*.txt`);
  return articles;
}

/** Every line the site prints around articles; none may reach an article. */
const BOILERPLATE = [
  "Pay attention",
  "Our partners",
  "You have been successfully subscribed",
  "Subscribe to our newsletter",
  "EN",
  "BE/RU",
  "Subscribe",
  "Situation in Belarus",
  "July 15 – July 21",
  "View all",
  "Subscribe to us",
  "Read more",
  "ua en ru",
  "Фото: RFRM",
  "Recent trends",
  "Similar articles",
  "Category status:",
  "status:",
  "by",
];

describe("seed pages", () => {
  it("reads the five seed files as seven articles", () => {
    expect(seedFiles).toHaveLength(5);
    expect(all).toHaveLength(7);
    expect([...byFile.entries()].map(([k, v]) => [k, v.length])).toEqual([
      ["000", 2],
      ["001", 1],
      ["002", 1],
      ["003", 2],
      ["004", 1],
    ]);
  });

  it("takes each title exactly", () => {
    expect(all.map((a) => a.title)).toEqual([
      "Minsk confident of positive dynamics in relations with EU regardless of dialogue on human rights",
      "Minsk strengthens ties with Russian regional elites",
      "Joint Position of Belarusian Human Rights Defenders on Eve of Next Round of EU-Belarus Dialogue on Human Rights",
      "The regime writes off the UN and negotiations with the West",
      "Lukashenko offers to release political prisoners to resume a dialogue with the West",
      "Belarusian and Ukrainian Defence Ministries entangle in confrontation spiral",
      "Lukashenko seeks way out of isolation, reopens contacts with EU",
    ]);
  });

  it("takes printed dates and periods, and invents none where the page has none", () => {
    expect(all.map((a) => [a.published, a.dateText, a.periodEnd])).toEqual([
      ["2016-05-31T11:51", "May 31, 2016 11:51", undefined],
      ["2017-10-02T12:22", "October 02, 2017 12:22", undefined],
      [undefined, undefined, undefined],
      ["2023-07-24", "July 24 – July 30, 2023", "2023-07-30"],
      ["2016-04-22T17:47", "April 22, 2016 17:47", undefined],
      ["2017-10-02T11:57", "October 02, 2017 11:57", undefined],
      [undefined, undefined, undefined],
    ]);
    for (const a of [...articlesOf("001"), ...articlesOf("004")]) {
      expect(a).not.toHaveProperty("published");
      expect(a).not.toHaveProperty("dateText");
    }
  });

  it("keeps the status and category of 002 and stores no empty category labels", () => {
    const [regime] = articlesOf("002");
    expect(regime?.status).toBe("The situation has not changed");
    expect(regime?.category).toBe("Belarus-West relations");
    const others = all.filter((a) => a !== regime);
    expect(others.map((a) => a.status)).toEqual(Array(6).fill(undefined));
    expect(others.map((a) => a.category)).toEqual(Array(6).fill(undefined));
    // The status line is a label, not body text.
    expect(regime?.paragraphs).not.toContain("The situation has not changed");
  });

  it("starts every body at the first paragraph of article text", () => {
    expect(all.map((a) => a.paragraphs[0]?.slice(0, 40))).toEqual([
      "Human rights activists have supported th",
      "President Lukashenka has met with the he",
      "The Belarusian human rights organization",
      "Lukashenka is dissatisfied with the poli",
      "At a press conference for the Belarusian",
      "Over the past year, military-political r",
      "Belarusian President Alexander Lukashenk",
    ]);
    expect(all.map((a) => a.paragraphs.length)).toEqual([1, 1, 21, 9, 4, 6, 21]);
  });

  it("ends every body at the last paragraph of article text", () => {
    expect(all.map((a) => a.paragraphs.at(-1)?.slice(0, 40))).toEqual([
      "Human rights activists have supported th",
      "President Lukashenka has met with the he",
      "Salidarnasc Committee",
      "Meanwhile, as expected, on July 26th, EU",
      "Given the lack of positive result of the",
      "The Belarusian Defence Ministry official",
      "Earlier, with US assistance, Belarus rel",
    ]);
  });

  it("keeps bullet items as paragraphs of their own, without the bullet", () => {
    const [joint] = articlesOf("001");
    const paragraphs = joint!.paragraphs;
    const listStart = paragraphs.indexOf("The country still:");
    expect(listStart).toBeGreaterThan(0);
    expect(paragraphs.slice(listStart + 1, listStart + 5)).toEqual([
      "practices the death penalty;",
      "ignores the important recommendations formulated by the international bodies for Belarus to strengthen the independence of the judicial system;",
      "substantially limits the civil, political and socio-economic rights, including the freedom of association, freedom of expression, and freedom of assembly;",
      "demonstrates evidence of persecution of human rights defenders and journalists for their professional activities.",
    ]);
    for (const a of all) for (const p of a.paragraphs) expect(p.startsWith("•")).toBe(false);
  });

  it("keeps the signatory list of 001, one organisation per paragraph", () => {
    const paragraphs = articlesOf("001")[0]!.paragraphs;
    expect(paragraphs.slice(-10)).toEqual([
      "Barys Zvozskau Belarusian Human Rights House",
      "Belarusian Association of Journalists",
      "Belarusian Documentation Center",
      "Belarusian Helsinki Committee",
      "Human Rights Center Viasna",
      "Law Initiative",
      "Legal Transformation Center (Lawtrend)",
      "Legal and Expert Partnership “FoRB Initiative”",
      "Office for the Rights of Persons with Disabilities",
      "Salidarnasc Committee",
    ]);
  });

  it("keeps curly quotes, apostrophes and dashes as printed", () => {
    const text = all.map((a) => a.paragraphs.join("\n")).join("\n");
    expect(text).toContain("“political prisoners in exchange for the resumption of relations”");
    expect(text).toContain("Lukashenka’s press service");
    expect(text).toContain("major players – Western countries");
    expect(text).toContain("Legal and Expert Partnership “FoRB Initiative”");
    expect(articlesOf("002")[0]!.dateText).toContain("–");
  });

  it("normalises NBSP and runs of spaces without touching other characters", () => {
    for (const a of all) {
      for (const p of [a.title, ...a.paragraphs]) {
        expect(p).not.toMatch(/[\u00a0\u202f\t]/);
        expect(p).not.toMatch(/ {2}/);
        expect(p).toBe(p.trim());
      }
    }
    expect(articlesOf("000")[0]!.paragraphs[0]).toContain("continuation of the EU-Belarus dialogue on human rights, however");
    expect(articlesOf("002")[0]!.paragraphs).toContain(
      "It is expected that Foreign Minister Siarhei Aleinik will lead the Belarusian delegation at the high-level week at the UN General Assembly session. The day before it starts, a summit on the implementation of the Sustainable Development Goals will begin in New York.",
    );
  });

  it("lets no boilerplate line survive in any article", () => {
    for (const a of all) {
      for (const line of [a.title, a.summary, ...a.paragraphs]) {
        for (const junk of BOILERPLATE) expect(line.toLowerCase()).not.toBe(junk.toLowerCase());
        expect(line).not.toMatch(/newsletter|successfully subscribed|\(photo:|^Фото:/i);
      }
    }
  });

  it("drops the lead photo caption that repeats the title in 004", () => {
    const [isolation] = articlesOf("004");
    expect(isolation!.paragraphs.some((p) => p.startsWith(isolation!.title))).toBe(false);
    expect(isolation!.paragraphs.join(" ")).not.toContain("Getty Images");
    // Subheadings are article text.
    expect(isolation!.paragraphs).toContain("Warming ties with Washington");
  });

  it("summarises with the first sentences, at most 300 characters, ending at a sentence end or marked as cut", () => {
    expect(articlesOf("001")[0]!.summary).toBe(
      "The Belarusian human rights organizations support the continuation of the EU-Belarus dialogue on human rights.",
    );
    expect(articlesOf("000")[1]!.summary).toBe(
      "President Lukashenka has met with the head of Chechnya Ramzan Kadyrov, who visited Minsk and the Minsk Automobile Plant. Minsk has always sought to have independent links with Russian regional elites, partially, to compensate for the Kremlin's diminishing interest in Belarus.",
    );
    for (const a of all) {
      expect(a.summary.length).toBeGreaterThan(0);
      expect(a.summary.length).toBeLessThanOrEqual(300);
      expect(a.summary).toMatch(/[.!?”"…]$/);
      expect(a.paragraphs[0]!.startsWith(a.summary.replace(/…$/, ""))).toBe(true);
    }
  });

  it("detects English, uses the given source and leaves tagging to the matcher", () => {
    const articles = parseFile(seedFiles[0]!, "belarus-seeds");
    for (const a of articles) expect(a.source).toBe("belarus-seeds");
    for (const a of all) {
      expect(a.lang).toBe("en");
      expect(a.source).toBe("seeds");
      expect(a.entityIds).toEqual([]);
      expect(a.mentions).toEqual([]);
      expect(Article.safeParse(a).success).toBe(true);
    }
  });

  it("gives the same ids on every run and different ids to different articles", () => {
    const again = seedFiles.flatMap((f) => parseFile(f));
    expect(again.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(new Set(all.map((a) => a.id)).size).toBe(7);
    for (const a of all) expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    // The id depends on the source: the same page from another source is another record.
    const other = parseFile(seedFiles[0]!, "mirror");
    expect(other[0]!.id).not.toBe(all[0]!.id);
  });
});

describe("seed format rules on other pages of the site", () => {
  it("reads labelled category and status, and a day-first date", () => {
    const page = [
      "Potash exports find a new route",
      "",
      "Category Economy status: The situation has improved",
      "12 March 2024 09:05",
      "",
      "Belarusian potash now travels through Russian ports. The route is longer but stable.",
      "",
      "Our partners",
      "Partner One",
    ].join("\n");
    const result = parseSeedText(page);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles).toHaveLength(1);
    const [a] = result.articles;
    expect(a).toMatchObject({
      title: "Potash exports find a new route",
      category: "Economy",
      status: "The situation has improved",
      published: "2024-03-12T09:05",
      dateText: "12 March 2024 09:05",
      paragraphs: ["Belarusian potash now travels through Russian ports. The route is longer but stable."],
    });
  });

  it("reads a Russian page with a language switcher and a photo credit", () => {
    const page = [
      "ru by en",
      "",
      "Лукашенко провёл совещание по экономике",
      "31 мая 2016, 11:51",
      "Фото: БелТА",
      "",
      "Президент потребовал от правительства ускорить выплату зарплат.\u00a0\u00a0Совещание прошло во Дворце Независимости.",
      "",
      "Похожие статьи",
      "",
      "Курс рубля снова упал",
      "1 июня 2016",
      "",
      "Белорусский рубль подешевел к доллару.",
    ].join("\n");
    const result = parseSeedText(page);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles.map((a) => [a.title, a.published, a.lang])).toEqual([
      ["Лукашенко провёл совещание по экономике", "2016-05-31T11:51", "ru"],
      ["Курс рубля снова упал", "2016-06-01", "ru"],
    ]);
    expect(result.articles[0]!.paragraphs).toEqual([
      "Президент потребовал от правительства ускорить выплату зарплат. Совещание прошло во Дворце Независимости.",
    ]);
  });

  it("drops a lead photo caption that repeats the title, with or without a credit", () => {
    const page = [
      "Talks resume in Minsk",
      "",
      "Talks resume in Minsk Photo: Reuters",
      "",
      "Talks resume in Minsk",
      "",
      "Diplomats met in Minsk on Monday. The talks lasted four hours.",
    ].join("\n");
    const result = parseSeedText(page);
    expect(result.ok && result.articles[0]!.paragraphs).toEqual(["Diplomats met in Minsk on Monday. The talks lasted four hours."]);
  });

  it("does not take a year-less date as a date", () => {
    const result = parseSeedText("Weekly review\nJuly 15 – July 21\n\nThe week was quiet in Minsk.");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.articles[0]).not.toHaveProperty("published");
  });

  it("skips an empty similar-articles list", () => {
    const result = parseSeedText("A title\n\nBody text of the article.\n\nSimilar articles\n\nRecent trends\nSome link");
    expect(result.ok && result.articles.map((a) => a.title)).toEqual(["A title"]);
  });

  it("reports a page with no title", () => {
    const long = "This sentence is the start of a long paragraph without any heading above it. ".repeat(5);
    const result = parseSeedText(long);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/no title found at the top of the page.*paragraph/) });
    const furniture = parseSeedText("Pay attention\n\nOur partners");
    expect(furniture).toEqual({ ok: false, error: expect.stringMatching(/no title found.*only page furniture/) });
  });
});
