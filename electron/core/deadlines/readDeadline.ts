import { foldForSearch } from '../model/text';
import { toRoman } from '../model/numbering';

/**
 * - `period`: a span of dates (`Quý I/2024`, `Năm 2024`); `start` is absent when the text only says
 *   "by" (`Trước ngày 15/01/2024`, `Đến năm 2025`).
 * - `recurring`: something done every month/quarter/… (`Hàng quý`, `Định kỳ hàng quý`); dated only when
 *   the text names the year.
 * - `ongoing`: `Thường xuyên`; dated only when the text says "in the year" or names it.
 * - `unknown`: the program could not read it; the text stays as the people wrote it.
 */
export type DeadlineKind = 'period' | 'recurring' | 'ongoing' | 'unknown';
export type Recurrence = 'week' | 'month' | 'quarter' | 'half-year' | 'year' | 'ad-hoc';

export interface DeadlineReading {
  kind: DeadlineKind;
  /** ISO `YYYY-MM-DD`. */
  start?: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  end?: string;
  /** What the program understood, in Vietnamese: `Quý I/2024`, `Hàng quý, 6 tháng, hàng năm, đột xuất`. '' when unknown. */
  label: string;
  /** For `recurring`: how often, in the order written. */
  every?: Recurrence[];
  /** A condition written in brackets after the deadline: `sau khi có văn bản hướng dẫn …`. */
  condition?: string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
function iso(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}
function validDate(y: number, m: number, d: number): boolean {
  return validYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/**
 * Folded text with the OCR's usual misreadings put back: `Đ` read as `P`/`B` (`Pén nam`, `Binh ky`),
 * `ă` read as `i`/`d` (`nim`, `ndm`), `ư` as `d`/`u` (`Thudng`), `sáu` folded to `sau`.
 */
function normalise(text: string): string {
  return (
    ' ' +
    foldForSearch(text)
      .replace(/[–—]/g, '-')
      .replace(/\b(?:nim|ndm|nam)\b/g, 'nam')
      .replace(/\b(?:pen|ben)\b/g, 'den')
      .replace(/\b(?:pinh|binh) ky\b/g, 'dinh ky')
      .replace(/\bthu[od]ng xuy[e]n\b/g, 'thuong xuyen')
      .replace(/\bsau thang\b/g, '6 thang')
      // OCR reads the Roman I of a quarter as l or 1-like characters.
      .replace(/\bquy ([il1]{1,3}|[il1]v)\b/g, (_m, q: string) => `quy ${q.replace(/[l1]/g, 'i')}`)
      .replace(/\s+/g, ' ')
      .trim() +
    ' '
  );
}

/** `i`, `iv`, `4` → 4; null when not a quarter. */
function quarterNumber(token: string): number | null {
  const t = token.trim();
  if (/^[1-4]$/.test(t)) return Number(t);
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  return roman[t] ?? null;
}

interface Span {
  start?: string;
  end?: string;
  label: string;
}

function yearSpan(year: number): Span {
  return { start: iso(year, 1, 1), end: iso(year, 12, 31), label: `Năm ${year}` };
}

/** A year written after the match (`/2024`, ` năm 2024`), or the plan year. */
function yearAfter(rest: string | undefined, planYear: number): number | null {
  if (rest === undefined || rest === '') return planYear;
  const y = Number(rest);
  return validYear(y) ? y : null;
}

const BY = /(?:truoc|den het|den|cham nhat(?: (?:la|vao))?|han chot|khong qua)\s*(?:ngay\s*)?$/;

/** The most specific dated span the text names, or null; only `end` when the text says "before"/"by". */
function findSpan(t: string, planYear: number): Span | null {
  // A day: `15/01/2024`, `ngày 15 tháng 01 năm 2024`.
  const day =
    /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(t) ?? /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(t);
  if (day) {
    const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!validDate(y, m, d)) return null;
    const date = iso(y, m, d);
    const shown = `${pad(d)}/${pad(m)}/${y}`;
    if (BY.test(t.slice(0, day.index))) return { end: date, label: `Trước ngày ${shown}` };
    return { start: date, end: date, label: `Ngày ${shown}` };
  }

  // Quarters: `quý I/2024`, `quý I, II/2024`, `quý I và quý III năm 2024`, `quý IV` (the plan year).
  const quarters = /quy ((?:i{1,3}|iv|[1-4])(?:\s*(?:,|va|-|den)\s*(?:quy\s*)?(?:i{1,3}|iv|[1-4]))*)\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(t);
  if (quarters) {
    const qs = quarters[1].split(/\s*(?:,|va|-|den)\s*(?:quy\s*)?/).map(quarterNumber);
    const year = yearAfter(quarters[2], planYear);
    if (qs.some((q) => q === null) || year === null) return null;
    const nums = qs as number[];
    const first = Math.min(...nums);
    const last = Math.max(...nums);
    const range = /-|den/.test(quarters[1]);
    const label = `Quý ${(range ? [first, last] : nums).map(toRoman).join(range ? ' - ' : ', ')}/${year}`;
    const end = iso(year, last * 3, lastDay(year, last * 3));
    if (BY.test(t.slice(0, quarters.index))) return { end, label: `Đến hết quý ${toRoman(last)}/${year}` };
    return { start: iso(year, first * 3 - 2, 1), end, label };
  }

  // `Quý V/2024` names a quarter that does not exist: reading just the year would be a guess.
  if (/\bquy [ivxl0-9]+\s*(?:\/|nam)/.test(t)) return null;

  // Halves: `06 tháng đầu năm 2024`, `6 tháng cuối năm`.
  const half = /\b0?6 thang (dau|cuoi) nam(?: (\d{4}))?/.exec(t);
  if (half) {
    const year = yearAfter(half[2], planYear);
    if (year === null) return null;
    return half[1] === 'dau'
      ? { start: iso(year, 1, 1), end: iso(year, 6, 30), label: `6 tháng đầu năm ${year}` }
      : { start: iso(year, 7, 1), end: iso(year, 12, 31), label: `6 tháng cuối năm ${year}` };
  }

  // Months: `tháng 12/2024`, `tháng 6 năm 2024`, `tháng 6, 7/2024`, `tháng 12` (the plan year).
  const months = /thang (\d{1,2}(?:\s*(?:,|va|-|den)\s*(?:thang\s*)?\d{1,2})*)\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(t);
  if (months) {
    const ms = months[1].split(/\s*(?:,|va|-|den)\s*(?:thang\s*)?/).map(Number);
    const year = yearAfter(months[2], planYear);
    if (year === null || ms.some((m) => m < 1 || m > 12)) return null;
    const first = Math.min(...ms);
    const last = Math.max(...ms);
    const range = /-|den/.test(months[1]);
    const label = `Tháng ${(range ? [first, last] : ms).join(range ? ' - ' : ', ')}/${year}`;
    const end = iso(year, last, lastDay(year, last));
    if (BY.test(t.slice(0, months.index))) return { end, label: `Đến hết tháng ${last}/${year}` };
    return { start: iso(year, first, 1), end, label };
  }

  // Spans of years: `2022-2025`, `giai đoạn 2021 - 2030`, `từ năm 2022 đến năm 2025`.
  const years = /(\d{4})\s*(?:-|den(?: nam)?)\s*(\d{4})/.exec(t);
  if (years) {
    const [a, b] = [Number(years[1]), Number(years[2])];
    if (!validYear(a) || !validYear(b) || b < a) return null;
    return { start: iso(a, 1, 1), end: iso(b, 12, 31), label: `Giai đoạn ${a} - ${b}` };
  }

  // `Cuối năm 2024` says when it ends, not when it starts.
  const yearEnd = /cuoi nam(?: (\d{4}))?\b/.exec(t);
  if (yearEnd) {
    const y = yearAfter(yearEnd[1], planYear);
    if (y === null) return null;
    return { end: iso(y, 12, 31), label: `Cuối năm ${y}` };
  }

  // One year: `năm 2024`, `trong năm 2024`, `2024`.
  const year = /(?:nam )?\b(\d{4})\b/.exec(t);
  if (year) {
    const y = Number(year[1]);
    if (!validYear(y)) return null;
    if (BY.test(t.slice(0, year.index))) return { end: iso(y, 12, 31), label: `Đến năm ${y}` };
    return yearSpan(y);
  }
  return null;
}

const RECURRENCE_WORDS: Array<[RegExp, Recurrence, string]> = [
  [/\b(?:hang|moi) tuan\b/, 'week', 'hàng tuần'],
  [/\b(?:hang|moi) thang\b/, 'month', 'hàng tháng'],
  [/\b(?:hang|moi) quy\b|\bquy(?=\s*,)/, 'quarter', 'hàng quý'],
  [/\b0?6 thang\b(?! (?:dau|cuoi))/, 'half-year', '6 tháng'],
  [/\b(?:hang|moi) nam\b|[,;] nam\b(?! \d)|\bva nam\b(?! \d)/, 'year', 'hàng năm'],
  [/\bdot xuat\b|\b(?:khi co|theo) yeu cau\b/, 'ad-hoc', 'đột xuất'],
];

/** Frequencies in the order the text names them: `Hàng quý, 06 tháng, năm và đột xuất` → quarter, half-year, year, ad-hoc. */
function findRecurrence(t: string): Array<{ every: Recurrence; words: string; at: number }> {
  const found: Array<{ every: Recurrence; words: string; at: number }> = [];
  for (const [re, every, words] of RECURRENCE_WORDS) {
    const m = re.exec(t);
    if (m) found.push({ every, words, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The years a plan covers, both included (model v2 `period`): `{ from: 2021, to: 2030 }`. */
export interface DeadlinePeriod {
  from: number;
  to: number;
}

/**
 * Reads the period a free-text deadline means (`Quý I/2024` → 2024-01-01..2024-03-31). Pure: the same
 * text and plan time always give the same reading. `plan` is the plan's year, or its period (a ten-year plan,
 * 2021–2030): its first year fills in what the text leaves out (`Trong năm`, `Quý IV`, `Thường xuyên trong
 * năm`); a period plan's own words (`Trong giai đoạn`, `Cả giai đoạn`, `Thường xuyên trong giai đoạn`,
 * `Hằng năm trong giai đoạn`) mean its whole period. Text without diacritics (OCR) is read too.
 */
export function readDeadline(text: string, plan: number | DeadlinePeriod): DeadlineReading {
  const planYear = typeof plan === 'number' ? plan : plan.from;
  const period = typeof plan !== 'number' && plan.to > plan.from && validYear(plan.from) && validYear(plan.to) ? plan : null;
  const written = text.normalize('NFC').trim();
  if (!written) return { kind: 'unknown', label: '' };

  // A bracketed condition (`(sau khi có văn bản hướng dẫn …)`) qualifies the deadline; it is not part of it.
  let condition: string | undefined;
  const main = written.replace(/\(([^)]*)\)?\s*[.;]?\s*$/, (_m, inside: string) => {
    condition = inside.trim() || undefined;
    return '';
  });
  const t = normalise(main.replace(/[.;,]+\s*$/, ''));
  const withCondition = <T extends DeadlineReading>(r: T): T => (condition ? { ...r, condition } : r);

  const inTheYear = /\b(?:trong|ca|suot) nam\b(?! \d)/.test(t);
  // `Trong giai đoạn` without years, in a period plan: the plan's whole period.
  const inThePeriod = period !== null && /\bgiai doan\b(?! \d)/.test(t);
  const span =
    findSpan(t, planYear) ??
    (inThePeriod ? { start: iso(period.from, 1, 1), end: iso(period.to, 12, 31), label: `Giai đoạn ${period.from} - ${period.to}` } : null) ??
    (inTheYear || /^ nam $/.test(t) ? yearSpan(planYear) : null);
  const recurrence = /\b(?:dinh ky|hang|moi|dot xuat|yeu cau)\b/.test(t) ? findRecurrence(t) : [];
  const periodic = /\bdinh ky\b/.exec(t);
  if (periodic && !recurrence.some((r) => r.every !== 'ad-hoc')) recurrence.unshift({ every: 'ad-hoc', words: 'định kỳ', at: periodic.index });
  const ongoing = /\b(?:thuong xuyen|lien tuc|hang ngay)\b/.test(t);

  if (recurrence.length > 0) {
    const label = capitalise(recurrence.map((r) => r.words).join(', ')) + (span ? ` (${lowerFirst(span.label)})` : '');
    const every = [...new Set(recurrence.filter((r) => r.words !== 'định kỳ').map((r) => r.every))];
    return withCondition({
      kind: 'recurring',
      ...(span?.start ? { start: span.start } : {}),
      ...(span?.end ? { end: span.end } : {}),
      label,
      every,
    });
  }
  if (ongoing) {
    const yearly = span && span.start && span.end;
    return withCondition({
      kind: 'ongoing',
      ...(yearly ? { start: span.start, end: span.end } : {}),
      label: yearly ? `Thường xuyên trong ${lowerFirst(span.label)}` : 'Thường xuyên',
    });
  }
  if (span) return withCondition({ kind: 'period', ...span });
  return withCondition({ kind: 'unknown', label: '' });
}
