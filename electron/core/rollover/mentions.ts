/**
 * Year mentions in a text and what each one is, for "new plan for year N+1 from this one".
 *
 * Every four-digit year (19xx/20xx) in a text is found and classified by what surrounds it. Only
 * the years of the plan's own time (the plan year, last year's results, next year's budget,
 * deadlines and the signing season) move; the years of cited documents, of periods and of a
 * period's targets never do, because they are facts about other documents or fixed programmes.
 *
 * The rules read the surroundings case-insensitively where capitals vary (`năm`/`NĂM`, `Quý`/`quý`),
 * but the names of laws and document types are matched as written (`Luật` is a law, `pháp luật`
 * is not).
 */

/** What a year mention is. */
export type MentionClass =
  /** `năm 2024` in a 2024 plan: the plan's own year. Moves. */
  | 'plan-year'
  /** `so với năm 2023`, `Chỉ số cải cách hành chính năm 2023` in a 2024 plan: last year's results. Moves. */
  | 'previous-year-result'
  /** `dự toán … năm 2025` in a 2024 plan: next year's budget, prepared during the plan year. Moves. */
  | 'next-year'
  /** `Quý I/2024`, `Tháng 12/2024`, `trước ngày 15/01/2024`, `Trong năm 2024` in a deadline cell. Moves. */
  | 'deadline'
  /** A date in the last months of the year before the plan year, outside any citation: the signing season. Moves. */
  | 'signing-date'
  /** The year inside a document number: `Nghị định số 34/2016/NĐ-CP`. Never moves. */
  | 'cited-number'
  /** The date of a cited document: `số 76/NQ-CP ngày 15/7/2021`, `Luật … ngày 19/6/2015`. Never moves. */
  | 'cited-date'
  /** The year in a law's name: `Luật Ban hành văn bản QPPL năm 2015`. Never moves. */
  | 'cited-law'
  /** A year in the title of a numbered, cited document: `Quyết định số 3223/QĐ-UBND … ban hành Kế hoạch … năm 2022`. Never moves. */
  | 'cited-title'
  /** A period: `giai đoạn 2021 - 2025`, `2021-2030`, `nhiệm kỳ 2020-2025`. Never moves. */
  | 'period'
  /** A target year of a period: `Đến năm 2025`, `vào năm 2030`. Never moves (unless it is the plan year: then it is a deadline). */
  | 'target-year'
  /** Anything else: a year far from the plan year, a bare number, a year in a web address. Never moves. */
  | 'other';

export type MentionForm = 'year' | 'date' | 'month' | 'quarter' | 'range' | 'number' | 'bare';

export interface YearMention {
  /** Offset of the four digits of the year in the text. */
  yearAt: number;
  year: number;
  /** The whole expression (`ngày 15/01/2024`, `Quý I/2024`, `năm 2024`, `2021 - 2030`): [start, end). */
  start: number;
  end: number;
  form: MentionForm;
  cls: MentionClass;
  /** True when the rollover proposes to shift this year. */
  moves: boolean;
  /** Why, in a few words (for tests and the review's tooltip). */
  why: string;
  /** For a date: where its day is written and the day and month, so that 29/02 can become 28/02. */
  day?: { at: number; length: number; day: number; month: number };
}

/** What the program knows about the field a text comes from. */
export interface MentionContext {
  /** A deadline cell (`Thời gian hoàn thành`): a plan-year mention there is a deadline. */
  deadline?: boolean;
  /** The package's working title: a bare plan year there (`Kế hoạch CCHC 2024`) is the plan year. */
  title?: boolean;
}

/** Classes whose year is shifted. */
export const MOVING_CLASSES: ReadonlySet<MentionClass> = new Set<MentionClass>([
  'plan-year',
  'previous-year-result',
  'next-year',
  'deadline',
  'signing-date',
]);

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
const URL = /(?:https?:\/\/|www\.)\S+/giu;

/**
 * A document number with its symbol: `76/NQ-CP`, `34/2016/NĐ-CP`, `2696/TTr-SNV`, `1502/QĐ-UBND`, and the
 * Party's form `36-CTr/TU`, `27-NQ/TW`. The symbol after the slash starts with a capital letter, which is
 * what sets it apart from a date (`15/7/2021`) or a fraction.
 */
const DOC_NUMBER = /\d+[a-zA-Z]?(?:\/(?:19|20)\d{2})?\/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*|\d+-\p{Lu}\p{L}*\/\p{Lu}\p{L}*/gu;
/** A law cited by name: `Luật Tổ chức chính quyền địa phương`, `Bộ luật Lao động`, `Hiến pháp`. Case-sensitive on purpose: `pháp luật` is not a law's name. */
const LAW_NAME = /(?<!\p{L})(?:Bộ luật|Luật|Hiến pháp)(?!\p{L})/gu;

/** Words that, right before `năm`, make the year a time ("in", "by", "until"), never part of a document's title or a law's name. */
const TIME_WORDS = new Set(['trong', 'đến', 'tới', 'vào', 'hết', 'trước', 'sau', 'từ', 'cuối', 'đầu', 'giữa', 'suốt', 'chậm', 'nhất']);
const TARGET_WORDS = new Set(['đến', 'tới', 'vào']);

interface Anchor {
  start: number;
  end: number;
  law: boolean;
}

function anchorsOf(text: string): Anchor[] {
  const out: Anchor[] = [];
  for (const m of text.matchAll(DOC_NUMBER)) out.push({ start: m.index, end: m.index + m[0].length, law: false });
  for (const m of text.matchAll(LAW_NAME)) out.push({ start: m.index, end: m.index + m[0].length, law: true });
  return out.sort((a, b) => a.start - b.start);
}

/** The last anchor that ends at or before `at` (of the given kind), or undefined. */
function lastAnchorBefore(anchors: Anchor[], at: number, law: boolean): Anchor | undefined {
  let found: Anchor | undefined;
  for (const a of anchors) {
    if (a.end > at) break;
    if (a.law === law) found = a;
  }
  return found;
}

/** The last `count` words before `at` (lower case), padded in front with '' when the text has fewer. */
function wordsBefore(text: string, at: number, count: number): string[] {
  const slice = text.slice(Math.max(0, at - 40), at);
  const words = slice.split(/[^\p{L}\d]+/u).filter(Boolean).slice(-count).map((w) => w.toLowerCase());
  while (words.length < count) words.unshift('');
  return words;
}

/** A sentence or clause boundary inside a gap of text: `;`, `:`, a line break, or a full stop that ends a sentence. */
function crossesClause(gap: string): boolean {
  return /[;:\n]|\.(?:\s|$)/u.test(gap);
}

function isDay(d: number): boolean {
  return d >= 1 && d <= 31;
}
function isMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

/**
 * Finds every year in `text` and says what it is. `planYear` is the year of the plan the text belongs to.
 * Mentions come in text order, one per four-digit year.
 */
export function findYearMentions(text: string, planYear: number, ctx: MentionContext = {}): YearMention[] {
  const out: YearMention[] = [];
  if (!/(?:19|20)\d{2}/.test(text)) return out;
  const urls = [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as const);
  let anchors: Anchor[] | null = null;
  const getAnchors = () => (anchors ??= anchorsOf(text));

  for (const m of text.matchAll(YEAR)) {
    const at = m.index;
    const year = Number(m[0]);
    const end = at + 4;
    const before = text.slice(Math.max(0, at - 80), at);
    const after = text.slice(end, end + 20);
    const mention = (start: number, mEnd: number, form: MentionForm, cls: MentionClass, why: string, extra: Partial<YearMention> = {}) =>
      out.push({ yearAt: at, year, start, end: mEnd, form, cls, moves: MOVING_CLASSES.has(cls), why, ...extra });

    // A web address (`…/quyet-dinh-468-qd-ttg-2021-…`) is copied as it is.
    if (urls.some(([s, e]) => at >= s && at < e)) {
      mention(at, end, 'bare', 'other', 'inside a web address');
      continue;
    }

    // A period `2021 - 2025`, `2021-2030`, `2022 - 2025`: a programme's fixed span never moves with the plan year.
    const rangeAfter = /^\s*[-–—]\s*((?:19|20)\d{2})(?!\d)/u.exec(after);
    if (rangeAfter && Number(rangeAfter[1]) > year) {
      mention(at, end + rangeAfter[0].length, 'range', 'period', 'start of a period');
      continue;
    }
    const rangeBefore = /((?:19|20)\d{2})\s*[-–—]\s*$/u.exec(before);
    if (rangeBefore && Number(rangeBefore[1]) < year) {
      mention(at - rangeBefore[0].length, end, 'range', 'period', 'end of a period');
      continue;
    }

    // `34/2016/NĐ-CP`: the year of a document number belongs to that document.
    if (/\d\/$/.test(before) && /^\//.test(after)) {
      mention(at - (/\d+\/$/.exec(before)![0].length), end, 'number', 'cited-number', 'inside a document number');
      continue;
    }

    // Dates: `15/7/2021`, `15-01-2024`, `ngày 27 tháng 3 năm 2021`.
    const shortDate = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2$/u.exec(before);
    const longDate = shortDate ? null : /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+$/iu.exec(before);
    const date = shortDate
      ? { start: at - shortDate[0].length, day: Number(shortDate[1]), month: Number(shortDate[3]), dayAt: at - shortDate[0].length, dayLen: shortDate[1].length }
      : longDate
        ? {
            start: at - longDate[0].length,
            day: Number(longDate[1]),
            month: Number(longDate[2]),
            dayAt: at - longDate[0].length + longDate[0].indexOf(longDate[1], 4),
            dayLen: longDate[1].length,
          }
        : null;
    if (date && isDay(date.day) && isMonth(date.month)) {
      const day = { at: date.dayAt, length: date.dayLen, day: date.day, month: date.month };
      if (isCitedDate(text, date.dayAt, getAnchors())) {
        // `Nghị quyết số 76/NQ-CP ngày 15/7/2021`, `Luật Tổ chức chính quyền địa phương ngày 19/6/2015`:
        // the date a cited document was signed is a fact about that document.
        mention(date.start, end, 'date', 'cited-date', 'date of a cited document', { day });
      } else {
        const [cls, why] = dateClass(year, date.month, planYear);
        mention(date.start, end, 'date', cls, why, { day });
      }
      continue;
    }

    // `Quý I/2024`, `quý IV năm 2024`: a quarter of the plan's time moves with it.
    const quarter = /quý\s+(?:I{1,3}|IV|[1-4])\s*(?:\/|năm)\s*$/iu.exec(before);
    if (quarter) {
      const [cls, why] = adjacentClass(year, planYear, 'deadline', 'quarter');
      mention(at - quarter[0].length, end, 'quarter', cls, why);
      continue;
    }

    // `Tháng 12/2024`, `12/2024`, `tháng 12 năm 2024`: a month of the plan's time moves with it.
    const month = /(?:tháng\s+)?(?<![\d/.-])(\d{1,2})\s*\/\s*$/iu.exec(before) ?? /tháng\s+(\d{1,2})\s*,?\s+năm\s+$/iu.exec(before);
    if (month && isMonth(Number(month[1]))) {
      const [cls, why] = adjacentClass(year, planYear, 'deadline', 'month');
      mention(at - month[0].length, end, 'month', cls, why);
      continue;
    }

    const nam = /năm\s+$/iu.exec(before);
    if (nam) {
      const namAt = at - nam[0].length;
      const [cls, why] = namClass(text, namAt, year, planYear, getAnchors(), ctx);
      mention(namAt, end, 'year', cls, why);
      continue;
    }

    // A bare year: a number as likely as a year (`2000 hồ sơ`). Only the working title's plan year moves.
    if (ctx.title && year === planYear) mention(at, end, 'bare', 'plan-year', 'the plan year in the working title');
    else mention(at, end, 'bare', 'other', 'a bare number');
  }
  return out;
}

/**
 * A date is cited when it follows a document number (`số 2685/QĐ-UBND ngày 18/10/2021`, also `… của Bộ Nội vụ
 * ngày …`) or a law's name (`Luật … ngày 19/6/2015`). `dayAt` is where the day's digits start. A time word
 * before `ngày` (`trước ngày 15/01/2024`) makes it a deadline, whatever precedes.
 */
function isCitedDate(text: string, dayAt: number, anchors: Anchor[]): boolean {
  const [prev2, prev1] = wordsBefore(text, dayAt, 2);
  if (TIME_WORDS.has(prev1 === 'ngày' ? prev2 : prev1)) return false;
  const doc = lastAnchorBefore(anchors, dayAt, false);
  if (doc && /^(?:\s*,?\s+của\s+[^;.:\n]{1,100}?)?\s*,?\s*(?:ban hành\s+)?(?:ngày\s+)?$/iu.test(text.slice(doc.end, dayAt))) return true;
  const law = lastAnchorBefore(anchors, dayAt, true);
  return !!law && dayAt - law.end <= 200 && /^\s[^;.():\n]*\sngày\s+$/u.test(text.slice(law.end, dayAt));
}

/** A date outside any citation: a deadline in the plan year (or the next), the signing season in the year before. */
function dateClass(year: number, month: number, planYear: number): [MentionClass, string] {
  if (year === planYear) return ['deadline', 'a date in the plan year'];
  if (year === planYear + 1) return ['deadline', 'a date early in the next year (reporting deadline)'];
  if (year === planYear - 1) {
    // October to December of the year before is when the plan is drafted and signed (`trước ngày 25/12/2023`);
    // an earlier date of that year is a past event (a meeting, a report), a fact that stays.
    return month >= 10 ? ['signing-date', 'a date in the signing season before the plan year'] : ['other', 'a past date of last year'];
  }
  return ['other', 'a date far from the plan year'];
}

/** Quarters and months: the plan's time (this year, or the year either side) moves; others stay. */
function adjacentClass(year: number, planYear: number, cls: MentionClass, what: string): [MentionClass, string] {
  if (Math.abs(year - planYear) <= 1) return [cls, `a ${what} of the plan's time`];
  return ['other', `a ${what} far from the plan year`];
}

/** `năm 2024` and its kin. */
function namClass(
  text: string,
  namAt: number,
  year: number,
  planYear: number,
  anchors: Anchor[],
  ctx: MentionContext,
): [MentionClass, string] {
  const [prev2, prev1] = wordsBefore(text, namAt, 2);
  const timeWord = TIME_WORDS.has(prev1 ?? '');

  // `Luật Ban hành văn bản QPPL năm 2015`, `Luật Thi đua, khen thưởng năm 2022`: the year is part of the law's
  // name (the law of 2015), never the plan's. A law's name is short; a longer gap is other text.
  const law = lastAnchorBefore(anchors, namAt, true);
  if (law && !timeWord && namAt - law.end <= 60 && /^\s[^;.():\n]*\s$/u.test(text.slice(law.end, namAt))) {
    return ['cited-law', "part of a law's name"];
  }

  // `Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của UBND tỉnh ban hành Kế hoạch … năm 2022`: the year names
  // the cited document (last year's decision about this year's plan). Changing it would cite a document that
  // does not exist; the drafter replaces the whole citation when the new document is issued.
  const doc = lastAnchorBefore(anchors, namAt, false);
  if (doc && !timeWord && namAt - doc.end <= 250 && !crossesClause(text.slice(doc.end, namAt))) {
    return ['cited-title', "part of a cited document's title"];
  }

  // `Đến năm 2025`, `vào năm 2030`, `định hướng đến năm 2030`: a period's target. In the plan year itself
  // (`đến hết năm 2024`) it is the plan's deadline.
  const target = TARGET_WORDS.has(prev1 ?? '') || ((prev1 === 'hết' || prev1 === 'cuối') && TARGET_WORDS.has(prev2 ?? ''));
  if (target) return year === planYear ? ['deadline', 'by the end of the plan year'] : ['target-year', "a period's target year"];

  if (year === planYear) return ctx.deadline ? ['deadline', 'the plan year in a deadline'] : ['plan-year', 'the plan year'];
  if (year === planYear - 1) {
    return ctx.deadline ? ['deadline', 'last year in a deadline'] : ['previous-year-result', "last year's results (the year before the plan year)"];
  }
  if (year === planYear + 1) {
    // `so với năm 2025` in a 2024 plan compares with a future year: a period's baseline, not next year's work.
    const clause = text.slice(Math.max(0, namAt - 60), namAt);
    if (/so với/iu.test(clause.split(/[;:\n]/u).pop() ?? '')) return ['other', "a baseline year of a period's target"];
    return ctx.deadline ? ['deadline', 'next year in a deadline'] : ['next-year', "next year's work (budget, next plan)"];
  }
  return ['other', 'a year far from the plan year'];
}

/** Whether `year` is a real year number the shifted text can hold (four digits). */
export function shiftableYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999;
}

/**
 * The text that replaces a moving mention, as an edit of the same length: the four digits of the year,
 * and for a date whose day does not exist in the new year (29/02) the day too.
 */
export function shiftEdit(text: string, m: YearMention, delta: number): { offset: number; from: string; to: string } | null {
  const year = m.year + delta;
  if (!m.moves || delta === 0 || !shiftableYear(year)) return null;
  if (m.day && m.day.month === 2 && m.day.day === 29 && !isLeap(year)) {
    // 29/02 does not exist in a common year: the last day of February is what the drafter meant.
    const from = text.slice(m.day.at, m.yearAt + 4);
    const to = '28' + from.slice(m.day.length, from.length - 4) + String(year);
    return { offset: m.day.at, from, to };
  }
  return { offset: m.yearAt, from: text.slice(m.yearAt, m.yearAt + 4), to: String(year) };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
