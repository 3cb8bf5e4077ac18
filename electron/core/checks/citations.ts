/**
 * Cited documents and dates written in the text.
 *
 * - A number with a year (`67/2021/NĐ-CP`) is given the year the document was signed, so its date must be
 *   of that year: the 2024 sample cites `Nghị định số 67/2021/NĐ-CP ngày 31/12/2017` (the date was copied
 *   from Nghị định 167/2017 just before it; 67/2021 is of 15/7/2021). Error, no fix: which half is wrong
 *   is a fact the program does not know.
 * - The same document cited twice with two dates is a slip in one of them (warning). A number without a
 *   year (`2685/QĐ-UBND`) restarts every year, so only citations of the same year are compared.
 * - A document is cited as `Quyết định số 2685/QĐ-UBND ngày …`: the word `số` is missing in the sample's
 *   legal basis 7 and in the Plan's opening line (info, mechanical fix).
 * - Dates: days under 10 and months 1 and 2 take a leading zero, other months do not (`02/9/2021`,
 *   `21/02/2023`, `15/01/2024`), as on the place-date line; the sample follows this everywhere. A date that
 *   does not exist (`31/02/2023`) is an error: certain to come back.
 *   Recipients are not read: they hold no dates.
 */
import type { Ctx } from './context';
import { PROSE, spanAt, isoOf, nd30Short, spanFix } from './context';

export interface Citation {
  start: number;
  end: number;
  /** `67/2021/NĐ-CP`. */
  number: string;
  numberYear: number | null;
  /** `Nghị định số 67/2021/NĐ-CP`, or just the number when no type word precedes it. */
  label: string;
  /** As written, `31/12/2017`; absent when the citation has no date. */
  dateText?: string;
  iso?: string | null;
  dateYear?: number;
}

const TYPE_WORDS =
  'Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|Kế hoạch|Chương trình(?: hành động)?|Tờ trình|Công văn|Báo cáo|Hướng dẫn|Thông báo|Đề án|Quy định|Văn bản';
const NUMBER = /(?<![\p{L}\d/.-])(\d{1,5})(?:\/(\d{4}))?[/-]([\p{Lu}][\p{L}]*(?:[-/][\p{Lu}][\p{L}\d]*)+)(?:\s*,?\s+ngày\s+(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{1,2}) tháng (\d{1,2}) năm (\d{4})))?/gu;
const TYPE_BEFORE = new RegExp(`(?:${TYPE_WORDS})(?:\\s+số)?\\s*$`, 'iu');

/** Every document number in a text, with its date when one follows (`… ngày 31/12/2017`). */
export function findCitations(text: string): Citation[] {
  if (!/\d[/-]\p{Lu}/u.test(text)) return [];
  const out: Citation[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const number = m[0].replace(/\s*,?\s+ngày\s.*$/u, '');
    const before = TYPE_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    const label = (before ? before[0] : '') + number;
    const c: Citation = { start, end: start + m[0].length, number, numberYear: m[2] ? Number(m[2]) : null, label };
    const [d, mo, y] = m[4] ? [m[4], m[5], m[6]] : m[7] ? [m[7], m[8], m[9]] : [];
    if (d) {
      c.dateText = m[4] ? `${d}/${mo}/${y}` : `ngày ${d} tháng ${mo} năm ${y}`;
      c.iso = isoOf(Number(d), Number(mo), Number(y));
      c.dateYear = Number(y);
    }
    out.push(c);
  }
  return out;
}

const SO_MISSING = /(?<![\p{L}])(Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Kế hoạch|Tờ trình|Công văn|Báo cáo|Thông báo|Hướng dẫn|Đề án) (?=\d{1,5}(?:\/\d{4})?[/-][\p{Lu}])/gu;
const SHORT_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
const WORD_DATE = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g;

export function checkCitations(ctx: Ctx): void {
  const seen = new Map<string, { iso: string; dateText: string; path: string }>();
  for (const place of ctx.places) {
    if (!PROSE.has(place.kind)) continue;
    const text = place.text;
    for (const c of findCitations(text)) {
      if (!c.dateText) continue;
      if (c.numberYear !== null && c.dateYear !== undefined && c.numberYear !== c.dateYear) {
        ctx.add('citations.number-year', 'error', place.path, { number: c.label, numberYear: c.numberYear, date: c.dateText }, {
          excerpt: text.slice(c.start, c.end),
          range: { start: c.start, end: c.end },
        });
        continue;
      }
      if (!c.iso) continue;
      const key = c.numberYear !== null ? c.number : `${c.number}@${c.dateYear}`;
      const first = seen.get(key);
      if (!first) seen.set(key, { iso: c.iso, dateText: c.dateText, path: place.path });
      else if (first.iso !== c.iso) {
        ctx.add('citations.date-conflict', 'warning', place.path, { number: c.label, date: c.dateText, other: first.dateText, ...ctx.where(first.path) }, {
          excerpt: text.slice(c.start, c.end),
          range: { start: c.start, end: c.end },
        });
      }
    }

    if (/\d[/-]\p{Lu}/u.test(text)) for (const m of text.matchAll(SO_MISSING)) {
      const at = m.index! + m[1].length + 1;
      const number = /^[^\s,;]+/.exec(text.slice(at))![0];
      const expected = `${m[1]} số ${number}`;
      ctx.add('citations.so', 'info', place.path, { expected }, {
        ...spanAt(text, m.index!, at + number.length, 10),
        fix: spanFix(place, at, at, 'số ', 'addSo'),
      });
    }

    if (text.includes('/')) {
      for (const m of text.matchAll(SHORT_DATE)) dateWritten(ctx, place, m, Number(m[1]), Number(m[2]), Number(m[3]), 'short');
    }
    if (text.includes('tháng')) {
      for (const m of text.matchAll(WORD_DATE)) dateWritten(ctx, place, m, Number(m[1]), Number(m[2]), Number(m[3]), 'words');
    }
  }
}

function dateWritten(
  ctx: Ctx,
  place: Ctx['places'][number],
  m: RegExpMatchArray,
  day: number,
  month: number,
  year: number,
  form: 'short' | 'words',
): void {
  if (year < 1900 || year > 2100) return;
  const found = m[0];
  if (!isoOf(day, month, year)) {
    // A day that does not exist is certain to be sent back.
    ctx.add('dates.invalid', 'error', place.path, { found }, { ...spanAt(place.text, m.index!, m.index! + found.length) });
    return;
  }
  const short = nd30Short(day, month, year);
  const [dd, mm] = short.split('/');
  const expected = form === 'short' ? short : `ngày ${dd} tháng ${mm} năm ${year}`;
  if (expected === found) return;
  ctx.add('dates.leading-zero', 'info', place.path, { found, expected }, {
    ...spanAt(place.text, m.index!, m.index! + found.length),
    fix: spanFix(place, m.index!, m.index! + found.length, expected, 'replace', { to: expected }),
  });
}
