/**
 * Years in the text that disagree with the plan year. A plan starts from last year's, so a `2023` left
 * in a 2024 plan is the commonest slip; but a 2024 plan rightly names 2023 when it speaks of last year
 * (`so với năm 2023`, `Chỉ số cải cách hành chính năm 2023` is assessed and published in 2024), of the
 * budget it prepares (`dự toán … năm 2025`) and of any cited document's date or period
 * (`giai đoạn 2021-2030`). So a year is only reported where the plan's own identity or wording proves it:
 *
 * - `years.title`: the summaries of the Decision and of the Plan, the appendix title and Article 1
 *   (`Ban hành kèm theo Quyết định này Kế hoạch … năm N`) name the plan's year; any other single year
 *   there (not `đến năm 2030`) is wrong. Warning, fix puts the plan year in.
 * - `years.outlier`: the same wording repeated with the plan year at least twice and once with another
 *   year. The sample's part VII gives each department the point `… nâng cao Chỉ số cải cách hành chính
 *   (Par Index) của tỉnh năm 2024 tại lĩnh vực …`, and only Sở Tư pháp's says `năm 2023` (3.b): a
 *   leftover. The wording is the seven words before `năm`, so `Chỉ số cải cách hành chính năm 2023 của
 *   các cơ quan …` (last year's index, rightly 2023) is not compared with `công tác cải cách hành chính
 *   năm 2024`. Warning, fix.
 * - `years.past-deadline`: a deadline in the text (`trước ngày …`, `chậm nhất …`, `trong quý …/…`) that
 *   ends before the Decision is signed (or before December of the year before, when it has no date).
 *   Deadlines of the appendix are the rows' rule.
 */
import type { Ctx, Place } from './context';
import { excerptAt, fold, isoOf } from './context';
import { fromRoman } from '../model/numbering';

const YEAR_WORD = /(?<![\p{L}])(năm|Năm|NĂM) (\d{4})(?![\d])(?!\s*[-–]\s*\d{4})/gu;

function identityPlaces(ctx: Ctx): Place[] {
  return ctx.places.filter(
    (p) =>
      (p.kind === 'summary' || p.kind === 'appendixTitle' || (p.kind === 'article' && p.path === 'decision.articles[0]' && /^\s*Ban hành/u.test(p.text))),
  );
}

export function checkYears(ctx: Ctx): void {
  const year = ctx.pkg.year;
  const planYear = String(year);

  for (const place of identityPlaces(ctx)) {
    for (const m of place.text.matchAll(YEAR_WORD)) {
      if (m[2] === planYear) continue;
      const before = fold(place.text.slice(Math.max(0, m.index! - 12), m.index!));
      if (/(den|toi|tam nhin|giai doan)\s*$/.test(before)) continue;
      const at = m.index! + m[1].length + 1;
      ctx.add('years.title', 'warning', place.path, { found: m[0], year }, {
        excerpt: excerptAt(place.text, m.index!, at + 4),
        fix: { key: 'year', params: { from: m[2], to: year }, ops: place.edit?.(at, at + 4, planYear) ?? null },
      });
    }
  }

  // Repeated wording with one odd year.
  type Hit = { place: Place; at: number; found: string; start: number };
  const byWording = new Map<string, Map<string, Hit[]>>();
  for (const place of ctx.places) {
    // Article 1 names the plan's year and is the title rule's; here the body and the tasks.
    if (place.kind !== 'body' && place.kind !== 'cell') continue;
    if (place.column && place.column.role !== 'task') continue;
    const text = place.text;
    if (!/\d{4}/.test(text)) continue;
    for (const m of text.matchAll(YEAR_WORD)) {
      const start = m.index!;
      const head = fold(text.slice(Math.max(0, start - 90), start));
      if (/thang \d{1,2}\s*$/.test(head)) continue; // `ngày … tháng … năm 2023`: a date
      const words = head.match(/[a-z0-9]+/g) ?? [];
      if (words.length < 6) continue;
      const key = words.slice(-7).join(' ');
      let years = byWording.get(key);
      if (!years) byWording.set(key, (years = new Map()));
      const list = years.get(m[2]) ?? [];
      list.push({ place, at: start + m[1].length + 1, found: m[0], start });
      years.set(m[2], list);
    }
  }
  for (const [, years] of byWording) {
    const same = years.get(planYear)?.length ?? 0;
    if (same < 2) continue;
    for (const [other, hits] of years) {
      if (other === planYear || hits.length !== 1) continue;
      const h = hits[0];
      ctx.add('years.outlier', 'warning', h.place.path, { found: h.found, count: same, year, other }, {
        excerpt: excerptAt(h.place.text, h.start, h.start + h.found.length),
        fix: { key: 'year', params: { from: other, to: year }, ops: h.place.edit?.(h.at, h.at + 4, planYear) ?? null },
      });
    }
  }

  // Deadlines written in the text that are already past when the plan is issued.
  const issued = ctx.pkg.decision?.date ?? ctx.pkg.plan.issuance?.date ?? `${year - 1}-12-01`;
  const DEADLINE = /(?<![\p{L}])(?:trước|chậm nhất(?: là| vào)?|hạn chót|đến hết|hoàn thành trong|trong)(?: ngày)? (?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(quý|Quý) ([IV]+)\/(\d{4})|(tháng|Tháng) (\d{1,2})\/(\d{4}))/gu;
  for (const place of ctx.places) {
    if (place.kind !== 'body' && place.kind !== 'article' && !(place.kind === 'cell' && place.column?.role === 'task')) continue;
    if (!/\/\d{4}/.test(place.text)) continue;
    for (const m of place.text.matchAll(DEADLINE)) {
      let end: string | null = null;
      let y = '';
      if (m[1]) {
        // `trong ngày` is not a deadline word for a plain date; keep `trước/chậm nhất/hạn chót/đến hết`.
        if (/^(hoàn thành trong|trong)/u.test(m[0])) continue;
        end = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
        y = m[3];
      } else if (m[4]) {
        const q = fromRoman(m[5]);
        if (!q || q > 4) continue;
        end = isoOf(new Date(Date.UTC(Number(m[6]), q * 3, 0)).getUTCDate(), q * 3, Number(m[6]));
        y = m[6];
      } else {
        const mo = Number(m[8]);
        if (mo < 1 || mo > 12) continue;
        end = isoOf(new Date(Date.UTC(Number(m[9]), mo, 0)).getUTCDate(), mo, Number(m[9]));
        y = m[9];
      }
      if (!end || end >= issued) continue;
      const yearAt = m.index! + m[0].lastIndexOf(y);
      ctx.add('years.past-deadline', 'warning', place.path, { found: m[0], year }, {
        excerpt: excerptAt(place.text, m.index!, m.index! + m[0].length),
        fix: { key: 'year', params: { from: y, to: year }, ops: place.edit?.(yearAt, yearAt + 4, planYear) ?? null },
      });
    }
  }
}
